import NIOCore
import Testing

@testable import RotorConformance

/// The WebSocket frame codec, permessage-deflate inflation and the streamed-body splitter.
@Suite struct WireTests {
    @Test(arguments: [0, 125, 126, 65535, 65536])
    func framesRoundTripMaskedAndUnmasked(length: Int) {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0) }
        for mask in [nil, [1, 2, 3, 4] as [UInt8]] {
            let frame = WebSocketWireFrame(fin: false, rsv1: true, opcode: 0x2, payload: payload)
            var buffer = ByteBuffer(bytes: frame.encoded(mask: mask) + [0x81])
            #expect(WebSocketWireFrame.read(from: &buffer) == frame)
            #expect(buffer.readableBytes == 1)
        }
    }

    @Test func incompleteFramesAreNotConsumed() {
        let bytes = WebSocketWireFrame(.text, Array("hello".utf8)).encoded(mask: nil)
        var buffer = ByteBuffer(bytes: bytes.dropLast())
        #expect(WebSocketWireFrame.read(from: &buffer) == nil)
        #expect(buffer.readableBytes == bytes.count - 1)
    }

    @Test func closePayloadCarriesCodeAndReason() {
        #expect(WebSocketWireFrame.closePayload(code: 3501, reason: "x") == [0x0D, 0xAD, 0x78])
    }

    @Test func inflatesPermessageDeflate() {
        // RFC 7692 §7.2.3.1: "Hello" compressed, without the 00 00 ff ff tail.
        let inflater = Inflater()
        #expect(inflater.inflate(message: [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]) == Array("Hello".utf8))
        // §7.2.3.2: the second message refers back to the first (context takeover).
        #expect(inflater.inflate(message: [0xF2, 0x00, 0x11, 0x00, 0x00]) == Array("Hello".utf8))
        #expect(Inflater().inflate(message: [0xFF, 0xFF, 0xFF]) == nil)
    }

    @Test func splitsStreamsOnlyAtCompleteUnits() {
        var lines = StreamMessageSplitter(transport: .uniHTTPStream)
        let first = lines.feed(Array(#"{"a":1}"#.utf8) + [10] + Array(#"{"b""#.utf8))
        let second = lines.feed(Array(":2}\n".utf8))
        #expect(first == [PayloadMessage(.message(.object(["a": .number(1)])), raw: #"{"a":1}"#)])
        #expect(second == [PayloadMessage(.message(.object(["b": .number(2)])), raw: #"{"b":2}"#)])
        var events = StreamMessageSplitter(transport: .uniSSE)
        let preamble = events.feed(Array("\r\n".utf8))
        let partial = events.feed(Array("data: {\"c\":3}\n".utf8))
        let complete = events.feed(Array("\n".utf8))
        #expect(preamble == [] && partial == [])
        #expect(complete == [PayloadMessage(.message(.object(["c": .number(3)])), raw: #"{"c":3}"#)])
        var protobuf = StreamMessageSplitter(transport: .httpStream(.protobuf))
        let ping = protobuf.feed([0x00, 0x02, 0x08])
        #expect(ping == [PayloadMessage(.message(.object([:])), raw: nil)])
        #expect(protobuf.leftover == [0x02, 0x08])
    }
}
