import NIOCore
import Testing

@testable import RotorServer

/// permessage-deflate on `/connection/websocket` (recordings websocket_compression*.jsonl).
@Suite("WebSocket compression")
struct WebSocketCompressionTests {
    typealias Harness = WebSocketTestServer

    static func compress(_ text: String) -> [UInt8] {
        Array(Deflater(level: 1).compress(ByteBuffer(string: text))!.readableBytesView)
    }

    static func decompress(_ bytes: [UInt8]) -> [UInt8] {
        guard case .message(let plain) = Inflater().decompress(ByteBuffer(bytes: bytes), limit: 1 << 20) else {
            return []
        }
        return Array(plain.readableBytesView)
    }

    @Test("negotiated as gorilla answers; compressed commands are read, compressed replies and publications sent")
    func compressedSession() async throws {
        try await Harness.with(#""websocket_compression": true"#) { server in
            let client = try await server.connect(headers: [("Sec-WebSocket-Extensions", "permessage-deflate")])
            #expect(
                client.handshake.header("Sec-WebSocket-Extensions")
                    == "permessage-deflate; server_no_context_takeover; client_no_context_takeover")
            let commands =
                #"{"id":1,"connect":{"token":"\#(Harness.token)"}}"# + "\n"
                + #"{"id":2,"subscribe":{"channel":"chat:zip"}}"#
            try await client.send(opcode: 0x1, Self.compress(commands), rsv1: true)
            var texts: [String] = []
            while !texts.joined().contains(#""id":2"#) {
                let frame = try #require(try await client.nextFrame())
                #expect(frame.rsv1)
                texts.append(String(decoding: Self.decompress(frame.payload), as: UTF8.self))
            }
            #expect(texts.joined().contains(#""id":1,"connect":{"client""#))
            _ = try await server.api(
                #"{"method":"publish","params":{"channel":"chat:zip","data":{"text":"squeeze squeeze squeeze"}}}"#)
            var publication = ""
            while !publication.contains("pub") {
                let frame = try #require(try await client.nextFrame())
                publication = String(
                    decoding: frame.rsv1 ? Self.decompress(frame.payload) : frame.payload, as: UTF8.self)
            }
            #expect(publication.contains(#""data":{"text":"squeeze squeeze squeeze"}"#))
            await client.close()
        }
    }

    @Test("a compressed message that inflates past the limit closes with 1009")
    func bomb() async throws {
        try await Harness.with(#""websocket_compression": true, "websocket_message_size_limit": 1000"#) { server in
            let client = try await server.connect(headers: [("Sec-WebSocket-Extensions", "permessage-deflate")])
            try await client.send(opcode: 0x1, Self.compress(String(repeating: " ", count: 5000)), rsv1: true)
            #expect(try await client.nextSkippingPings() == .close(code: 1009, reason: ""))
        }
    }

    @Test("without websocket_compression the offer is ignored and RSV1 is a protocol error")
    func notNegotiated() async throws {
        try await Harness.with { server in
            let client = try await server.connect(headers: [("Sec-WebSocket-Extensions", "permessage-deflate")])
            #expect(client.handshake.header("Sec-WebSocket-Extensions") == nil)
            try await client.send(opcode: 0x1, Self.compress("{}"), rsv1: true)
            #expect(try await client.nextSkippingPings() == .close(code: 1002, reason: "RSV1 set"))
        }
    }
}
