import NIOCore
import Testing

@testable import RotorServer

/// The zlib wrappers and the extension negotiation of permessage-deflate (RFC 7692).
@Suite("permessage-deflate")
struct PerMessageDeflateTests {
    /// RFC 7692 §7.2.3.1: "Hello" compressed in one message.
    static let helloCompressed: [UInt8] = [0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]

    @Test("compressing \"Hello\" gives the bytes of RFC 7692 §7.2.3.1, without the sync-flush tail")
    func helloExample() throws {
        let compressed = try #require(Deflater(level: 1).compress(ByteBuffer(string: "Hello")))
        #expect(Array(compressed.readableBytesView) == Self.helloCompressed)
    }

    @Test("the RFC's compressed and stored-block forms of \"Hello\" both decompress")
    func helloDecompression() {
        let stored: [UInt8] = [0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00]
        for bytes in [Self.helloCompressed, stored] {
            guard case .message(let plain) = Inflater().decompress(ByteBuffer(bytes: bytes), limit: 100) else {
                Issue.record("\(bytes) did not decompress")
                continue
            }
            #expect(String(buffer: plain) == "Hello")
        }
    }

    @Test("round trip at every level, one deflater and inflater reused across messages")
    func roundTrip() throws {
        let inflater = Inflater()
        for level in [-1, 0, 1, 6, 9] {
            let deflater = Deflater(level: level)
            for size in [0, 1, 100, 70000] {
                let text = String((0..<size).map { _ in "abcdefgh ".randomElement()! })
                let compressed = try #require(deflater.compress(ByteBuffer(string: text)))
                guard case .message(let plain) = inflater.decompress(compressed, limit: 1 << 20) else {
                    Issue.record("level \(level) size \(size) failed")
                    continue
                }
                #expect(String(buffer: plain) == text)
            }
        }
    }

    @Test("a decompression bomb stops at the limit")
    func bomb() throws {
        let zeros = ByteBuffer(repeating: 0, count: 4 << 20)
        let compressed = try #require(Deflater(level: 9).compress(zeros))
        #expect(compressed.readableBytes < 10000)
        guard case .tooBig = Inflater().decompress(compressed, limit: 65536) else {
            Issue.record("the bomb was not stopped")
            return
        }
    }

    @Test("garbage is not a deflate stream")
    func garbage() {
        guard case .invalid = Inflater().decompress(ByteBuffer(bytes: [0xff, 0xff, 0xff, 0xff]), limit: 100) else {
            Issue.record("garbage decompressed")
            return
        }
    }

    @Test("negotiation answers like gorilla, honours server_max_window_bits, declines what it cannot do")
    func negotiation() {
        let gorilla = "permessage-deflate; server_no_context_takeover; client_no_context_takeover"
        #expect(PerMessageDeflateOffer.negotiate(["permessage-deflate"])?.responseHeader == gorilla)
        #expect(
            PerMessageDeflateOffer.negotiate(["permessage-deflate; client_max_window_bits"])?.responseHeader == gorilla)
        let limited = PerMessageDeflateOffer.negotiate(["permessage-deflate; server_max_window_bits=10"])
        #expect(limited?.serverWindowBits == 10)
        #expect(limited?.responseHeader == gorilla + "; server_max_window_bits=10")
        #expect(PerMessageDeflateOffer.negotiate(["permessage-deflate; server_max_window_bits=8"]) == nil)
        #expect(PerMessageDeflateOffer.negotiate(["permessage-deflate; unknown=1"]) == nil)
        #expect(PerMessageDeflateOffer.negotiate(["x-webkit-deflate-frame"]) == nil)
        #expect(
            PerMessageDeflateOffer.negotiate(["permessage-deflate; server_max_window_bits=8, permessage-deflate"])?
                .responseHeader == gorilla)
    }
}
