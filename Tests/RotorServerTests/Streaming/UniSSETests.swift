import Testing

@Suite("uni_sse over a real server")
struct UniSSETests {
    static let streamHeaders = [
        "Access-Control-Allow-Credentials: true",
        "Access-Control-Allow-Origin: ",
        "Cache-Control: private, no-cache, no-store, must-revalidate, max-age=0",
        "Connection: keep-alive",
        "Content-Type: text/event-stream; charset=utf-8",
        "Expire: 0",
        "Pragma: no-cache",
        "X-Accel-Buffering: no",
    ]

    static func connectQuery(_ token: String) -> String {
        "cf_connect=%7B%22token%22%3A%22\(token)%22%7D"
    }

    @Test(
        "GET with cf_connect: preamble, connect event, publication event, disconnect event and the end (uni_sse_session)"
    )
    func session() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send("GET", "/connection/uni_sse?" + Self.connectQuery(StreamingTestServer.historyToken))
            let head = try await client.head()
            #expect(head.status == 200)
            #expect(significantHeaders(head) == Self.streamHeaders)
            let connect = try await client.body { $0.hasSuffix("}}\n\n") }
            #expect(connect.hasPrefix("\r\ndata: {\"connect\":{\"client\":\""))
            #expect(connect.contains("\"subs\":{\"hist:uni\":{}},\"ping\":25,\"session\":\""))
            let reply = try await server.api("publish", "{\"channel\":\"hist:uni\",\"data\":{\"s\":1}}")
            #expect(reply.hasPrefix("{\"result\":{\"offset\":1,\"epoch\":\""))
            let published = try await client.body {
                $0.hasSuffix("data: {\"channel\":\"hist:uni\",\"pub\":{\"data\":{\"s\":1},\"offset\":1}}\n\n")
            }
            #expect(published.hasPrefix(connect))
            try await server.api("disconnect", "{\"user\":\"42\"}")
            let body = String(decoding: try await client.bodyToEnd(), as: UTF8.self)
            #expect(body.hasSuffix("\n\ndata: {\"disconnect\":{\"code\":3503,\"reason\":\"force disconnect\"}}\n\n"))
            await client.close()
        }
    }

    @Test("POST with an invalid token: the preamble and a 3500 disconnect event, then the end (uni_sse_invalid_token)")
    func invalidToken() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_sse", headers: [("Content-Type", "application/json")],
                text: "{\"token\":\"bad\"}")
            let response = try await client.response()
            #expect(response.head.status == 200)
            #expect(significantHeaders(response.head) == Self.streamHeaders)
            #expect(response.text == "\r\ndata: {\"disconnect\":{\"code\":3500,\"reason\":\"invalid token\"}}\n\n")
            await client.close()
        }
    }

    @Test("methods other than GET and POST (OPTIONS included) are 405")
    func methods() async throws {
        try await StreamingTestServer.run { server in
            for method in ["OPTIONS", "PUT", "DELETE"] {
                let client = try await server.client()
                try await client.send(method, "/connection/uni_sse")
                let response = try await client.response()
                #expect(response.head.status == 405, "\(method)")
                #expect(response.body.isEmpty)
                await client.close()
            }
        }
    }

    @Test("a malformed cf_connect gets an empty 200")
    func malformedConnect() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send("GET", "/connection/uni_sse?cf_connect=%7Bnot-json")
            let response = try await client.response()
            #expect(response.head.status == 200)
            #expect(response.body.isEmpty)
            await client.close()
        }
    }

    @Test("v1: the connect push in v1 shape as an event")
    func v1() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send(
                "GET", "/connection/uni_sse?cf_protocol_version=v1&" + Self.connectQuery(StreamingTestServer.token))
            let connect = try await client.body { $0.hasSuffix("}}\n\n") }
            #expect(connect.hasPrefix("\r\ndata: {\"type\":6,\"data\":{\"client\":\""))
            await client.close()
        }
    }

    @Test("a POST body over uni_sse_max_request_body_size is 413")
    func bodyTooLarge() async throws {
        try await StreamingTestServer.run(extra: "\"uni_sse_max_request_body_size\": 16") { server in
            let client = try await server.client()
            try await client.send("POST", "/connection/uni_sse", text: "{\"token\":\"\(StreamingTestServer.token)\"}")
            #expect(try await client.response().head.status == 413)
            await client.close()
        }
    }
}
