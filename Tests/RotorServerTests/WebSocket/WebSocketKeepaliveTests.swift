import Testing

@testable import RotorServer

/// WebSocket-level pings (v1 bidirectional, uni_websocket) and the test echo route.
@Suite("WebSocket keepalive and echo")
struct WebSocketKeepaliveTests {
    typealias Harness = WebSocketTestServer

    @Test("v1 connections get WebSocket Pings every websocket_ping_interval; v2 ones do not")
    func v1Pings() async throws {
        try await Harness.with(#""websocket_ping_interval": "200ms", "ping_interval": "60s""#) { server in
            let v1 = try await server.connect("/connection/websocket?cf_protocol_version=v1")
            #expect(try await v1.next() == .ping)
            try await v1.send(opcode: 0xA, [])
            #expect(try await v1.next() == .ping)
            let v2 = try await server.connect()
            try await v2.send(opcode: 0x9, [1, 2])
            #expect(try await v2.next() == .pong)
        }
    }

    @Test("uni_websocket v1: an empty text frame precedes each Ping")
    func uniV1Pings() async throws {
        try await Harness.with(#""uni_websocket": true, "uni_websocket_ping_interval": "200ms""#) { server in
            let client = try await server.connect("/connection/uni_websocket?cf_protocol_version=v1")
            #expect(try await client.next() == .text(""))
            #expect(try await client.next() == .ping)
        }
    }

    @Test("a v1 client that never answers Pings is dropped without a Close frame")
    func v1ReadDeadline() async throws {
        try await Harness.with(#""websocket_ping_interval": "150ms""#) { server in
            let client = try await server.connect("/connection/websocket?cf_protocol_version=v1")
            #expect(try await client.nextSkippingPings() == .end)
        }
    }

    @Test("the echo route echoes text and binary and closes 1007 on invalid UTF-8")
    func echo() async throws {
        try await Harness.with(testRoutes: true) { server in
            let client = try await server.connect("/test/echo")
            try await client.send(text: "héllo")
            #expect(try await client.next() == .text("héllo"))
            try await client.send(binary: [0, 255])
            #expect(try await client.next() == .binary([0, 255]))
            try await client.send(opcode: 0x1, [0xC3])
            #expect(try await client.next() == .close(code: 1007, reason: "invalid UTF-8 in text frame"))
        }
    }

    @Test("the echo route is not mounted without test routes")
    func echoHidden() async throws {
        try await Harness.with { server in
            let client = try await server.connect("/test/echo")
            #expect(client.handshake.status == 404)
        }
    }
}
