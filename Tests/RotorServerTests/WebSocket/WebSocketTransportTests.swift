import NIOCore
import RotorProtocol
import Testing

@testable import RotorServer

/// `/connection/websocket` against a real server on loopback.
@Suite("WebSocket transport (bidirectional)")
struct WebSocketTransportTests {
    typealias Harness = WebSocketTestServer

    @Test("JSON v2: connect, subscribe, a publication from the API arrives, a client Close is echoed")
    func jsonV2RoundTrip() async throws {
        try await Harness.with { server in
            let client = try await server.connect()
            #expect(client.handshake.status == 101)
            #expect(client.handshake.header("Sec-WebSocket-Protocol") == nil)
            try await client.send(
                text: #"{"id":1,"connect":{"token":"\#(Harness.token)"}}"# + "\n"
                    + #"{"id":2,"subscribe":{"channel":"chat:index"}}"#)
            let connect = try await client.message(containing: #""id":1"#)
            #expect(connect.contains(#""connect":{"client":""#))
            _ = try await client.message(containing: #""id":2,"subscribe":{"#)
            let answer = try await server.api(#"{"method":"publish","params":{"channel":"chat:index","data":{"x":1}}}"#)
            #expect(answer.hasPrefix(#"{"result":{"offset":1,"epoch":""#))
            let push = try await client.message(containing: #""push""#)
            #expect(push == #"{"push":{"channel":"chat:index","pub":{"data":{"x":1},"offset":1}}}"#)
            try await client.sendClose(code: 1000)
            #expect(try await client.nextSkippingPings() == .close(code: 1000, reason: ""))
            #expect(try await client.nextSkippingPings() == .end)
        }
    }

    @Test("JSON v1: connect and subscribe by method numbers, publications as v1 pushes")
    func jsonV1RoundTrip() async throws {
        try await Harness.with { server in
            let client = try await server.connect("/connection/websocket?cf_protocol_version=v1")
            try await client.send(text: #"{"id":1,"params":{"token":"\#(Harness.token)"}}"#)
            let connect = try await client.message(containing: #""id":1"#)
            #expect(connect.hasPrefix(#"{"id":1,"result":{"client":""#))
            try await client.send(text: #"{"id":2,"method":1,"params":{"channel":"chat:v1"}}"#)
            _ = try await client.message(containing: #""id":2"#)
            _ = try await server.api(#"{"method":"publish","params":{"channel":"chat:v1","data":{"v":1}}}"#)
            let push = try await client.message(containing: #""channel":"chat:v1""#)
            #expect(push == #"{"result":{"channel":"chat:v1","data":{"data":{"v":1},"offset":1}}}"#)
            await client.close()
        }
    }

    @Test("Protobuf v2 by subprotocol: varint-prefixed binary frames both ways")
    func protobufRoundTrip() async throws {
        try await Harness.with { server in
            let client = try await server.connect(headers: [
                ("Sec-WebSocket-Protocol", "centrifuge-protobuf")
            ])
            #expect(client.handshake.header("Sec-WebSocket-Protocol") == "centrifuge-protobuf")
            let codec = MessageCodec.protobuf
            var frame = ByteBuffer()
            try codec.encodeDelimited(Command(id: 1, .connect(ConnectRequest(token: Harness.token))), into: &frame)
            try codec.encodeDelimited(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:pb"))), into: &frame)
            try await client.send(binary: Array(frame.readableBytesView))
            var replies: [Reply] = []
            while replies.count < 2 {
                guard case .binary(let bytes) = try await client.nextSkippingPings() else {
                    Issue.record("expected a binary frame")
                    return
                }
                var decoder = FrameDecoder<Reply>(frame: ByteBuffer(bytes: bytes), encoding: .protobuf)
                while let reply = try decoder.next() {
                    if reply.id != 0 { replies.append(reply) }
                }
            }
            #expect(replies.map(\.id) == [1, 2])
            _ = try await server.api(#"{"method":"publish","params":{"channel":"chat:pb","data":{"p":2}}}"#)
            var push: Push?
            for _ in 0..<10 where push == nil {
                // Skip app-level pings (empty replies), which may come at any time.
                guard case .binary(let bytes) = try await client.nextSkippingPings() else {
                    Issue.record("expected a binary frame")
                    return
                }
                var decoder = FrameDecoder<Reply>(frame: ByteBuffer(bytes: bytes), encoding: .protobuf)
                while push == nil, let reply = try decoder.next() { push = reply.push }
            }
            #expect(push?.channel == "chat:pb")
            if case .publication(let publication) = push?.payload {
                #expect(String(buffer: publication.data) == #"{"p":2}"#)
            } else {
                Issue.record("expected a publication push, got \(String(describing: push))")
            }
            await client.close()
        }
    }

    @Test("a frame over websocket_message_size_limit closes with 1009 and an empty reason")
    func oversizedMessage() async throws {
        try await Harness.with(#""websocket_message_size_limit": 1000"#) { server in
            let client = try await server.connect()
            try await client.send(text: String(repeating: "a", count: 1001))
            #expect(try await client.nextSkippingPings() == .close(code: 1009, reason: ""))
            #expect(try await client.nextSkippingPings() == .end)
        }
    }

    @Test("fragments are joined before the limit check: two 600-byte fragments over 1000 close with 1009")
    func oversizedFragmentedMessage() async throws {
        try await Harness.with(#""websocket_message_size_limit": 1000"#) { server in
            let client = try await server.connect()
            try await client.send(opcode: 0x1, Array(repeating: UInt8(ascii: "a"), count: 600), fin: false)
            try await client.send(opcode: 0x0, Array(repeating: UInt8(ascii: "a"), count: 600))
            #expect(try await client.nextSkippingPings() == .close(code: 1009, reason: ""))
        }
    }

    @Test("malformed JSON closes with 3501 bad request")
    func malformedJSON() async throws {
        try await Harness.with { server in
            let client = try await server.connect()
            try await client.send(text: "{not json")
            #expect(try await client.nextSkippingPings() == .close(code: 3501, reason: "bad request"))
        }
    }

    @Test("a server API disconnect is a Close frame: v2 plain reason, v1 JSON reason")
    func disconnectCloseFrames() async throws {
        try await Harness.with { server in
            let v2 = try await server.connect()
            try await v2.send(text: #"{"id":1,"connect":{"token":"\#(Harness.token)"}}"#)
            _ = try await v2.message(containing: #""id":1"#)
            let v1 = try await server.connect("/connection/websocket?cf_protocol_version=v1")
            try await v1.send(text: #"{"id":1,"params":{"token":"\#(Harness.token)"}}"#)
            _ = try await v1.message(containing: #""id":1"#)
            _ = try await server.api(#"{"method":"disconnect","params":{"user":"42"}}"#)
            #expect(try await v2.nextSkippingPings() == .close(code: 3503, reason: "force disconnect"))
            #expect(
                try await v1.nextSkippingPings()
                    == .close(code: 3503, reason: #"{"reason":"force disconnect","reconnect":false}"#))
            try await v2.sendClose(code: 3503)
            #expect(try await v2.nextSkippingPings() == .end)
        }
    }

    @Test("a client that stops reading while publications pile up is disconnected with 3008 slow")
    func slowClient() async throws {
        try await Harness.with(#""client_queue_max_size": 65536"#) { server in
            let client = try await server.connect(receiveBuffer: 4096)
            try await client.send(
                text: #"{"id":1,"connect":{"token":"\#(Harness.token)"}}"# + "\n"
                    + #"{"id":2,"subscribe":{"channel":"chat:slow"}}"#)
            _ = try await client.message(containing: #""id":2"#)
            try await client.setReading(false)
            let blob = String(repeating: "x", count: 60000)
            var disconnected = false
            for round in 0..<400 where !disconnected {
                _ = try await server.api(
                    #"{"method":"publish","params":{"channel":"chat:slow","data":{"b":"\#(blob)"}}}"#)
                if round % 10 == 9 {
                    let channels = try await server.api(#"{"method":"channels","params":{}}"#)
                    disconnected = !channels.contains("chat:slow")
                }
            }
            #expect(disconnected)
            try await client.setReading(true)
            var close: WebSocketTestClient.Event?
            for _ in 0..<10000 {
                let event = try await client.nextSkippingPings()
                if case .text = event { continue }
                close = event
                break
            }
            #expect(close == .close(code: 3008, reason: "slow"))
        }
    }
}
