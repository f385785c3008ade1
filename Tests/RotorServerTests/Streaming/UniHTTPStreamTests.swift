import Testing

@Suite("uni_http_stream over a real server")
struct UniHTTPStreamTests {
    static let streamHeaders = [
        "Access-Control-Allow-Credentials: true",
        "Access-Control-Allow-Origin: ",
        "Cache-Control: private, no-cache, no-store, must-revalidate, max-age=0",
        "Connection: keep-alive",
        "Expire: 0",
        "Pragma: no-cache",
        "X-Accel-Buffering: no",
        "Content-Type: text/plain; charset=utf-8",
    ]

    @Test("connect push, API publication, refresh and disconnect lines, then the end (uni_http_stream_session)")
    func session() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_http_stream", headers: [("Content-Type", "application/json")],
                text: "{\"token\":\"\(StreamingTestServer.newsToken)\"}")
            let head = try await client.head()
            #expect(head.status == 200)
            #expect(significantHeaders(head) == Self.streamHeaders)
            #expect(head.value("Transfer-Encoding") == "chunked")
            let connect = try await client.body { $0.hasSuffix("\n") }
            #expect(connect.hasPrefix("{\"connect\":{\"client\":\""))
            #expect(connect.contains("\"version\":\"4.1.5\",\"subs\":{\"news:uni\":{}},\"ping\":25,\"session\":\""))
            #expect(connect.hasSuffix("\"}}\n"))
            try await server.api("publish", "{\"channel\":\"news:uni\",\"data\":{\"h\":1}}")
            let published = try await client.body {
                $0.hasSuffix("{\"channel\":\"news:uni\",\"pub\":{\"data\":{\"h\":1}}}\n")
            }
            #expect(published.hasPrefix(connect))
            try await server.api("disconnect", "{\"user\":\"42\"}")
            let body = String(decoding: try await client.bodyToEnd(), as: UTF8.self)
            #expect(body.hasSuffix("}}}\n{\"disconnect\":{\"code\":3503,\"reason\":\"force disconnect\"}}\n"))
            await client.close()
        }
    }

    @Test("an expired token gets one disconnect line 3005 and the end (uni_http_stream_expired_token)")
    func expiredToken() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_http_stream", text: "{\"token\":\"\(StreamingTestServer.expiredToken)\"}")
            let response = try await client.response()
            #expect(response.head.status == 200)
            #expect(response.text == "{\"disconnect\":{\"code\":3005,\"reason\":\"connection expired\"}}\n")
            await client.close()
        }
    }

    @Test("a body that is no JSON ConnectRequest gets an empty 200 with only the CORS headers")
    func protobufBody() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_http_stream", headers: [("Content-Type", "application/octet-stream")],
                body: [0x0A, 0x03, 0x61, 0x62, 0x63])
            let response = try await client.response()
            #expect(response.head.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.head.value("Access-Control-Allow-Origin") == "")
            #expect(response.head.value("Content-Type") == nil)
            #expect(response.head.value("Content-Length") == "0")
            await client.close()
        }
    }

    @Test("OPTIONS is 200, other methods than POST are 405, with empty bodies")
    func methods() async throws {
        try await StreamingTestServer.run { server in
            for (method, status) in [("OPTIONS", 200), ("GET", 405), ("PUT", 405), ("DELETE", 405)] {
                let client = try await server.client()
                try await client.send(method, "/connection/uni_http_stream")
                let response = try await client.response()
                #expect(response.head.status == status, "\(method)")
                #expect(response.body.isEmpty)
                await client.close()
            }
        }
    }

    @Test("an unknown cf_protocol_version is an empty 400")
    func unknownVersion() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send("POST", "/connection/uni_http_stream?cf_protocol_version=v3", text: "{}")
            let response = try await client.response()
            #expect(response.head.status == 400)
            #expect(response.body.isEmpty)
            await client.close()
        }
    }

    @Test("v1 when disable_client_protocol_v1 is on is 400 Bad Request")
    func v1Disabled() async throws {
        try await StreamingTestServer.run(extra: "\"disable_client_protocol_v1\": true") { server in
            let client = try await server.client()
            try await client.send("POST", "/connection/uni_http_stream?cf_protocol_version=v1", text: "{}")
            let response = try await client.response()
            #expect(response.head.status == 400)
            #expect(response.text == "Bad Request\n")
            await client.close()
        }
    }

    @Test("v1 connections get bare v1 pushes: connect type 6, publication, disconnect type 7 (reconnect false omitted)")
    func v1Shapes() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_http_stream?cf_protocol_version=v1",
                text: "{\"token\":\"\(StreamingTestServer.newsToken)\"}")
            let connect = try await client.body { $0.hasSuffix("\n") }
            #expect(connect.hasPrefix("{\"type\":6,\"data\":{\"client\":\""))
            #expect(connect.contains("\"subs\":{\"news:uni\":{}}"))
            try await server.api("publish", "{\"channel\":\"news:uni\",\"data\":{\"h\":1}}")
            _ = try await client.body { $0.hasSuffix("{\"channel\":\"news:uni\",\"data\":{\"data\":{\"h\":1}}}\n") }
            try await server.api("disconnect", "{\"user\":\"42\"}")
            let body = String(decoding: try await client.bodyToEnd(), as: UTF8.self)
            // `reconnect` false is omitted (omit-if-zero, spec §2.5).
            #expect(body.hasSuffix("{\"type\":7,\"data\":{\"code\":3503,\"reason\":\"force disconnect\"}}\n"))
            await client.close()
        }
    }

    @Test("use_client_protocol_v1_by_default makes a connection without cf_protocol_version v1")
    func v1ByDefault() async throws {
        try await StreamingTestServer.run(extra: "\"use_client_protocol_v1_by_default\": true") { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_http_stream", text: "{\"token\":\"\(StreamingTestServer.token)\"}")
            let connect = try await client.body { $0.hasSuffix("\n") }
            #expect(connect.hasPrefix("{\"type\":6,\"data\":{\"client\":\""))
            await client.close()
        }
    }

    @Test("a body over uni_http_stream_max_request_body_size is 413")
    func bodyTooLarge() async throws {
        try await StreamingTestServer.run(extra: "\"uni_http_stream_max_request_body_size\": 64") { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_http_stream", text: "{\"token\":\"\(StreamingTestServer.token)\"}")
            let response = try await client.response()
            #expect(response.head.status == 413)
            await client.close()
        }
    }

    @Test("client_connection_limit answers 503 while the limit is reached, and frees the slot when the stream ends")
    func connectionLimit() async throws {
        try await StreamingTestServer.run(extra: "\"client_connection_limit\": 1") { server in
            let first = try await server.client()
            try await first.send(
                "POST", "/connection/uni_http_stream", text: "{\"token\":\"\(StreamingTestServer.token)\"}")
            _ = try await first.body { $0.hasSuffix("\n") }
            let second = try await server.client()
            try await second.send("POST", "/connection/uni_http_stream", text: "{}")
            let refused = try await second.response()
            #expect(refused.head.status == 503)
            #expect(refused.body.isEmpty)
            await second.close()
            try await server.api("disconnect", "{\"user\":\"42\"}")
            _ = try await first.bodyToEnd()
            await first.close()
            let third = try await server.client()
            try await third.send(
                "POST", "/connection/uni_http_stream", text: "{\"token\":\"\(StreamingTestServer.token)\"}")
            #expect(try await third.head().status == 200)
            await third.close()
        }
    }
}

@Suite("streams whose client goes away")
struct StreamClientGoneTests {
    @Test("a client closing its stream ends the node's connection (the connection count drops back)")
    func clientGone() async throws {
        try await StreamingTestServer.run { server in
            for (method, target, body) in [
                ("POST", "/connection/uni_http_stream", "{\"token\":\"\(StreamingTestServer.token)\"}"),
                ("POST", "/connection/uni_sse", "{\"token\":\"\(StreamingTestServer.token)\"}"),
                (
                    "POST", "/connection/http_stream",
                    "{\"id\":1,\"connect\":{\"token\":\"\(StreamingTestServer.token)\"}}"
                ),
                ("POST", "/connection/sse", "{\"id\":1,\"connect\":{\"token\":\"\(StreamingTestServer.token)\"}}"),
            ] {
                let client = try await server.client()
                try await client.send(method, target, text: body)
                _ = try await client.body { $0.contains("connect") }
                #expect(server.server.host.openConnections == 1, "\(target)")
                await client.close()
                var waited = 0
                while server.server.host.openConnections > 0 && waited < 200 {
                    try await Task.sleep(for: .milliseconds(25))
                    waited += 1
                }
                #expect(server.server.host.openConnections == 0, "\(target)")
            }
        }
    }
}

@Suite("slow stream clients")
struct StreamSlowClientTests {
    @Test("a client that stops reading is disconnected once client_queue_max_size bytes wait unsent; no push follows")
    func slowClient() async throws {
        try await StreamingTestServer.run(extra: "\"client_queue_max_size\": 262144") { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_http_stream", text: "{\"token\":\"\(StreamingTestServer.newsToken)\"}")
            _ = try await client.body { $0.hasSuffix("\n") }
            try await client.setReading(false)
            let payload = String(repeating: "a", count: 256 * 1024)
            var published = 0
            while server.server.host.openConnections > 0 && published < 400 {
                try await server.api("publish", "{\"channel\":\"news:uni\",\"data\":{\"x\":\"\(payload)\"}}")
                published += 1
            }
            #expect(server.server.host.openConnections == 0)
            try await client.setReading(true)
            try await client.closedByServer(timeout: .seconds(30))
            let body = try await client.body { _ in true }
            #expect(body.hasPrefix("{\"connect\":"))
            #expect(!body.contains("\"disconnect\""))
            await client.close()
        }
    }
}
