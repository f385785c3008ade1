import Testing

@Suite("CORS on the streaming endpoints")
struct CORSTests {
    static let allowed = "\"allowed_origins\": [\"https://*.example.com\"]"

    /// Each endpoint with a request that it answers quickly.
    static let requests: [(String, String)] = [
        ("OPTIONS", "/connection/http_stream"), ("GET", "/connection/sse"), ("OPTIONS", "/emulation"),
        ("PUT", "/connection/uni_sse"), ("OPTIONS", "/connection/uni_http_stream"),
    ]

    @Test("an allowed Origin is echoed with the requested headers and credentials")
    func allowedOrigin() async throws {
        try await StreamingTestServer.run(extra: Self.allowed) { server in
            for (method, target) in Self.requests {
                let client = try await server.client()
                try await client.send(
                    method, target,
                    headers: [
                        ("Origin", "https://app.EXAMPLE.com"), ("Access-Control-Request-Headers", "content-type"),
                    ])
                let head = try await client.response().head
                #expect(head.value("Access-Control-Allow-Origin") == "https://app.EXAMPLE.com", "\(target)")
                #expect(head.value("Access-Control-Allow-Headers") == "content-type", "\(target)")
                #expect(head.value("Access-Control-Allow-Credentials") == "true", "\(target)")
                await client.close()
            }
        }
    }

    @Test("a refused Origin gets no CORS headers and is still served")
    func refusedOrigin() async throws {
        try await StreamingTestServer.run(extra: Self.allowed) { server in
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/uni_http_stream", headers: [("Origin", "https://evil.test")],
                text: "{\"token\":\"\(StreamingTestServer.token)\"}")
            let head = try await client.head()
            #expect(head.status == 200)
            #expect(!head.names.contains { $0.lowercased().hasPrefix("access-control-") })
            let connect = try await client.body { $0.hasSuffix("\n") }
            #expect(connect.hasPrefix("{\"connect\":"))
            await client.close()
        }
    }

    @Test("without Origin the header is sent empty; a null Access-Control-Request-Headers is not echoed")
    func noOrigin() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send("OPTIONS", "/emulation", headers: [("Access-Control-Request-Headers", "null")])
            let head = try await client.response().head
            #expect(head.value("Access-Control-Allow-Origin") == "")
            #expect(head.value("Access-Control-Allow-Headers") == nil)
            await client.close()
        }
    }

    @Test("with empty allowed_origins a request with Origin is refused by the check: no CORS headers")
    func emptyAllowedOrigins() async throws {
        try await StreamingTestServer.run { server in
            let client = try await server.client()
            try await client.send("OPTIONS", "/emulation", headers: [("Origin", "https://app.example.com")])
            let response = try await client.response()
            #expect(response.head.status == 200)
            #expect(response.head.value("Access-Control-Allow-Origin") == nil)
            await client.close()
        }
    }

    @Test("an empty Origin header passes the check like a missing one")
    func emptyOrigin() async throws {
        try await StreamingTestServer.run(extra: Self.allowed) { server in
            let client = try await server.client()
            try await client.send("OPTIONS", "/emulation", headers: [("Origin", "")])
            let head = try await client.response().head
            #expect(head.value("Access-Control-Allow-Origin") == "")
            #expect(head.value("Access-Control-Allow-Credentials") == "true")
            await client.close()
        }
    }
}
