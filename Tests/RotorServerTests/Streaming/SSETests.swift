import Testing

@Suite("sse (bidirectional emulation) over a real server")
struct SSETests {
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

    @Test(
        "GET with cf_connect: preamble, connect reply event, presence_stats through /emulation, disconnect push (emulation_sse)"
    )
    func session() async throws {
        try await StreamingTestServer.run { server in
            let stream = try await server.client()
            let command = "%7B%22id%22%3A1%2C%22connect%22%3A%7B%22token%22%3A%22\(StreamingTestServer.token)%22%7D%7D"
            try await stream.send("GET", "/connection/sse?cf_connect=" + command)
            let head = try await stream.head()
            #expect(head.status == 200)
            #expect(significantHeaders(head) == Self.streamHeaders)
            let connect = try await stream.body { $0.hasSuffix("}}\n\n") }
            #expect(connect.hasPrefix("\r\ndata: {\"id\":1,\"connect\":{\"client\":\""))
            #expect(connect.contains("\"ping\":25,\"pong\":true,\"session\":\""))
            let session = try #require(StreamingTestServer.stringMember("session", in: connect))
            let node = try #require(StreamingTestServer.stringMember("node", in: connect))
            let status = try await HTTPStreamTests.emulate(
                server, node: node, session: session, data: "{\"id\":2,\"presence_stats\":{\"channel\":\"room:x\"}}")
            #expect(status == 204)
            _ = try await stream.body {
                $0.hasSuffix("\n\ndata: {\"id\":2,\"presence_stats\":{\"num_clients\":0,\"num_users\":0}}\n\n")
            }
            try await server.api("disconnect", "{\"user\":\"42\"}")
            let body = String(decoding: try await stream.bodyToEnd(), as: UTF8.self)
            #expect(
                body.hasSuffix(
                    "\n\ndata: {\"push\":{\"disconnect\":{\"code\":3503,\"reason\":\"force disconnect\"}}}\n\n"))
            await stream.close()
        }
    }

    @Test("POST with the commands as body works like cf_connect")
    func post() async throws {
        try await StreamingTestServer.run { server in
            let stream = try await server.client()
            try await stream.send(
                "POST", "/connection/sse", text: "{\"id\":1,\"connect\":{\"token\":\"\(StreamingTestServer.token)\"}}")
            let connect = try await stream.body { $0.hasSuffix("}}\n\n") }
            #expect(connect.hasPrefix("\r\ndata: {\"id\":1,\"connect\":{\"client\":\""))
            await stream.close()
        }
    }

    @Test(
        "GET without cf_connect is an empty 400; OPTIONS and PUT are 405; a body over sse_max_request_body_size is 413")
    func statuses() async throws {
        try await StreamingTestServer.run(extra: "\"sse_max_request_body_size\": 8") { server in
            for (method, target, status) in [
                ("GET", "/connection/sse", 400), ("GET", "/connection/sse?cf_connect=", 400),
                ("OPTIONS", "/connection/sse", 405), ("PUT", "/connection/sse", 405),
            ] {
                let client = try await server.client()
                try await client.send(method, target)
                let response = try await client.response()
                #expect(response.head.status == status, "\(method) \(target)")
                #expect(response.body.isEmpty)
                await client.close()
            }
            let client = try await server.client()
            try await client.send("POST", "/connection/sse", text: "{\"id\":1,\"connect\":{}}")
            #expect(try await client.response().head.status == 413)
            await client.close()
        }
    }
}
