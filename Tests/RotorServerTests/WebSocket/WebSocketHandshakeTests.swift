import Testing

@testable import RotorServer

/// The answers to upgrade requests the server refuses, and what an accepted one negotiates.
@Suite("WebSocket handshake")
struct WebSocketHandshakeTests {
    typealias Harness = WebSocketTestServer

    @Test("an unknown cf_protocol_version is refused with 400 before the upgrade")
    func unknownVersion() async throws {
        try await Harness.with { server in
            let client = try await server.connect("/connection/websocket?cf_protocol_version=v3")
            #expect(client.handshake.status == 400)
            #expect(client.handshake.body == "Bad Request\n")
            #expect(client.handshake.header("Sec-Websocket-Version") == nil)
            await client.close()
        }
    }

    @Test("with disable_client_protocol_v1, v1 is refused with 400 and v2 still upgrades")
    func v1Disabled() async throws {
        try await Harness.with(#""disable_client_protocol_v1": true"#) { server in
            let v1 = try await server.connect("/connection/websocket?cf_protocol_version=v1")
            #expect(v1.handshake.status == 400)
            #expect(v1.handshake.body == "Bad Request\n")
            await v1.close()
            let v2 = try await server.connect("/connection/websocket")
            #expect(v2.handshake.status == 101)
            await v2.close()
        }
    }

    @Test("an Origin header without allowed_origins is refused with 403; an allowed one upgrades")
    func origin() async throws {
        try await Harness.with(#""allowed_origins": ["https://*.example.com"]"#) { server in
            let refused = try await server.connect(headers: [("Origin", "https://evil.test")])
            #expect(refused.handshake.status == 403)
            #expect(refused.handshake.body == "Forbidden\n")
            #expect(refused.handshake.header("Sec-Websocket-Version") == "13")
            await refused.close()
            let allowed = try await server.connect(headers: [("Origin", "https://App.Example.com")])
            #expect(allowed.handshake.status == 101)
            await allowed.close()
        }
    }

    @Test("a non-GET upgrade gets 405, a plain GET 400, both with gorilla's bodies")
    func methodAndPlainRequests() async throws {
        try await Harness.with { server in
            let post = try await server.connect(method: "POST")
            #expect(post.handshake.status == 405)
            #expect(post.handshake.body == "Method Not Allowed\n")
            await post.close()
            let plain = try await server.connect(upgrade: false)
            #expect(plain.handshake.status == 400)
            #expect(plain.handshake.body == "Bad Request\n")
            #expect(plain.handshake.header("Sec-Websocket-Version") == "13")
            await plain.close()
        }
    }

    @Test("subprotocols: centrifuge-json is preferred when both are offered; unknown ones get no header")
    func subprotocols() async throws {
        try await Harness.with { server in
            let both = try await server.connect(headers: [
                ("Sec-WebSocket-Protocol", "centrifuge-protobuf, centrifuge-json")
            ])
            #expect(both.handshake.header("Sec-WebSocket-Protocol") == "centrifuge-json")
            await both.close()
            let unknown = try await server.connect(headers: [("Sec-WebSocket-Protocol", "chat")])
            #expect(unknown.handshake.status == 101)
            #expect(unknown.handshake.header("Sec-WebSocket-Protocol") == nil)
            await unknown.close()
        }
    }

    @Test("uni_websocket: an unknown version gets an empty 400")
    func uniUnknownVersion() async throws {
        try await Harness.with(#""uni_websocket": true"#) { server in
            let client = try await server.connect("/connection/uni_websocket?cf_protocol_version=v9")
            #expect(client.handshake.status == 400)
            #expect(client.handshake.body == "")
            await client.close()
        }
    }
}
