import NIOCore
import NIOWebSocket
import Testing

@testable import RotorServer

/// Frame assembly and gorilla's protocol checks, without sockets.
@Suite("WebSocket message reader")
struct WebSocketMessageReaderTests {
    static let mask: WebSocketMaskingKey = [1, 2, 3, 4]

    static func frame(
        _ opcode: WebSocketOpcode, _ text: String = "", fin: Bool = true, rsv1: Bool = false, masked: Bool = true
    ) -> WebSocketFrame {
        var data = ByteBuffer(string: text)
        if masked { data.webSocketMask(mask) }
        return WebSocketFrame(fin: fin, rsv1: rsv1, opcode: opcode, maskKey: masked ? mask : nil, data: data)
    }

    static func closeFrame(_ payload: [UInt8]) -> WebSocketFrame {
        var data = ByteBuffer(bytes: payload)
        data.webSocketMask(mask)
        return WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: mask, data: data)
    }

    static func failure(_ event: WebSocketMessageReader.Event) -> (UInt16, String)? {
        if case .failure(let code, let reason) = event { return (code, reason) }
        return nil
    }

    @Test("fragments are joined, with control frames in between")
    func fragments() {
        var reader = WebSocketMessageReader(limit: 100, compressed: false)
        guard case .none = reader.read(Self.frame(.text, "hel", fin: false), inflater: nil) else {
            Issue.record("a fragment produced an event")
            return
        }
        guard case .ping = reader.read(Self.frame(.ping, "p"), inflater: nil) else {
            Issue.record("the ping was not reported")
            return
        }
        guard case .message(let message, let binary) = reader.read(Self.frame(.continuation, "lo"), inflater: nil)
        else {
            Issue.record("the message was not completed")
            return
        }
        #expect(String(buffer: message) == "hello")
        #expect(!binary)
    }

    @Test("protocol errors close with 1002 and gorilla's reason")
    func protocolErrors() {
        var reader = WebSocketMessageReader(limit: 100, compressed: false)
        #expect(
            Self.failure(reader.read(Self.frame(.continuation, "x"), inflater: nil))! == (
                1002, "continuation after FIN"
            ))
        #expect(Self.failure(reader.read(Self.frame(.text, "x", rsv1: true), inflater: nil))! == (1002, "RSV1 set"))
        #expect(Self.failure(reader.read(Self.frame(.text, "x", masked: false), inflater: nil))! == (1002, "bad MASK"))
        let reserved = WebSocketOpcode(encodedWebSocketOpcode: 3)!
        #expect(Self.failure(reader.read(Self.frame(reserved), inflater: nil))! == (1002, "bad opcode 3"))
        _ = reader.read(Self.frame(.text, "a", fin: false), inflater: nil)
        #expect(Self.failure(reader.read(Self.frame(.binary, "b"), inflater: nil))! == (1002, "data before FIN"))
    }

    @Test("a message over the limit across fragments fails with 1009")
    func limit() {
        var reader = WebSocketMessageReader(limit: 5, compressed: false)
        _ = reader.read(Self.frame(.binary, "abc", fin: false), inflater: nil)
        #expect(Self.failure(reader.read(Self.frame(.continuation, "def"), inflater: nil))! == (1009, ""))
    }

    @Test("close frames: no payload, a valid code, an invalid code, a one-byte payload, a non-UTF-8 reason")
    func closeFrames() {
        var reader = WebSocketMessageReader(limit: 100, compressed: false)
        guard case .close(nil) = reader.read(Self.closeFrame([]), inflater: nil),
            case .close(4000) = reader.read(Self.closeFrame([0x0F, 0xA0]), inflater: nil)
        else {
            Issue.record("valid close frames were not accepted")
            return
        }
        #expect(
            Self.failure(reader.read(Self.closeFrame([0x03, 0xED]), inflater: nil))! == (1002, "bad close code 1005"))
        #expect(Self.failure(reader.read(Self.closeFrame([0x03]), inflater: nil))?.0 == 1002)
        #expect(Self.failure(reader.read(Self.closeFrame([0x03, 0xE8, 0xFF]), inflater: nil))?.0 == 1002)
    }

    @Test("text is checked for UTF-8 fragment by fragment when asked; split code points are fine")
    func utf8() {
        let euro: [UInt8] = [0xE2, 0x82, 0xAC]
        var valid = UTF8Validator()
        let head = valid.feed(euro.prefix(2))
        #expect(head && !valid.isComplete)
        let tail = valid.feed(euro.suffix(1))
        #expect(tail && valid.isComplete)
        #expect(!UTF8Validator.isValid([0xF4, 0x90, 0x80, 0x80]))
        #expect(!UTF8Validator.isValid([0xED, 0xA0, 0x80]))
        #expect(!UTF8Validator.isValid([0xC0, 0xAF]))
        #expect(UTF8Validator.isValid(Array("κόσμε".utf8)))
        var strict = WebSocketMessageReader(limit: 100, compressed: false, validatesUTF8: true)
        _ = strict.read(Self.frame(.text, "ok", fin: false), inflater: nil)
        var bad = ByteBuffer(bytes: [0xF4, 0x90])
        bad.webSocketMask(Self.mask)
        let frame = WebSocketFrame(fin: false, opcode: .continuation, maskKey: Self.mask, data: bad)
        #expect(Self.failure(strict.read(frame, inflater: nil))! == (1007, "invalid UTF-8 in text frame"))
    }
}
