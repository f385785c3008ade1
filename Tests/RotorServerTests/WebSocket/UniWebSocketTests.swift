import Testing

@testable import RotorServer

/// `/connection/uni_websocket` against a real server (spec §12.1, recording uni_websocket_session).
@Suite("uni_websocket transport")
struct UniWebSocketTests {
    typealias Harness = WebSocketTestServer

    /// The next text frame that is not an app-level ping.
    static func nextPush(_ client: WebSocketTestClient) async throws -> WebSocketTestClient.Event {
        while true {
            let event = try await client.nextSkippingPings()
            if event != .text("{}") { return event }
        }
    }

    @Test("connect push, a publication, the API disconnect push, then TCP closes without a Close frame")
    func session() async throws {
        try await Harness.with(#""uni_websocket": true"#) { server in
            let client = try await server.connect("/connection/uni_websocket")
            #expect(client.handshake.status == 101)
            try await client.send(text: #"{"token":"\#(Harness.uniToken)"}"#)
            guard case .text(let connect) = try await Self.nextPush(client) else {
                Issue.record("expected the connect push")
                return
            }
            #expect(connect.hasPrefix(#"{"connect":{"client":""#))
            #expect(connect.contains(#""subs":{"news:uni":{}},"ping":25,"session":""#))
            try await client.send(text: "ignored")
            _ = try await server.api(#"{"method":"publish","params":{"channel":"news:uni","data":{"u":1}}}"#)
            #expect(try await Self.nextPush(client) == .text(#"{"channel":"news:uni","pub":{"data":{"u":1}}}"#))
            _ = try await server.api(#"{"method":"disconnect","params":{"user":"42"}}"#)
            #expect(
                try await Self.nextPush(client) == .text(#"{"disconnect":{"code":3503,"reason":"force disconnect"}}"#))
            #expect(try await Self.nextPush(client) == .end)
        }
    }

    @Test("v1: the disconnect push is a type 7 push with reconnect")
    func v1DisconnectPush() async throws {
        try await Harness.with(#""uni_websocket": true"#) { server in
            let client = try await server.connect("/connection/uni_websocket?cf_protocol_version=v1")
            try await client.send(text: #"{"token":"\#(Harness.token)"}"#)
            guard case .text(let connect) = try await Self.nextPush(client) else {
                Issue.record("expected the connect push")
                return
            }
            #expect(connect.hasPrefix(#"{"type":6,"data":{"client":""#))
            _ = try await server.api(#"{"method":"disconnect","params":{"user":"42"}}"#)
            #expect(
                try await Self.nextPush(client)
                    == .text(#"{"type":7,"data":{"code":3503,"reason":"force disconnect"}}"#))
            #expect(try await Self.nextPush(client) == .end)
        }
    }

    @Test("an unparseable connect request just closes the connection")
    func badConnectRequest() async throws {
        try await Harness.with(#""uni_websocket": true"#) { server in
            let client = try await server.connect("/connection/uni_websocket")
            try await client.send(text: "not json")
            #expect(try await Self.nextPush(client) == .end)
        }
    }
}
