import CZlib
import NIOCore

/// Compresses one WebSocket message at a time for permessage-deflate (RFC 7692 §7.2.1): raw deflate, flushed
/// with `Z_SYNC_FLUSH`, the trailing `00 00 ff ff` removed. The server never takes context over from one
/// message to the next (`server_no_context_takeover`), so the stream is reset before every message and one
/// deflater can serve every connection of a thread.
final class Deflater {
    private var stream = z_stream()
    private var ready = false

    /// A deflater at zlib `level` (-1 for zlib's default, else 0…9; anything else is gorilla's default 1) with
    /// a window of `windowBits` (9…15).
    init(level: Int, windowBits: Int = 15) {
        let level = Int32((-1...9).contains(level) ? level : 1)
        let status = deflateInit2_(
            &stream, level, Z_DEFLATED, -Int32(min(max(windowBits, 9), 15)), 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        ready = status == Z_OK
    }

    deinit {
        if ready { deflateEnd(&stream) }
    }

    /// The compressed form of `message`, without the sync-flush tail; nil if zlib failed.
    func compress(_ message: ByteBuffer, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer? {
        guard ready, deflateReset(&stream) == Z_OK else { return nil }
        var output = allocator.buffer(capacity: message.readableBytes / 2 + 64)
        let ok = message.withUnsafeReadableBytes { input -> Bool in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            defer {
                stream.next_in = nil
                stream.avail_in = 0
            }
            while true {
                var status = Z_OK
                output.writeWithUnsafeMutableBytes(minimumWritableBytes: max(64, output.readableBytes)) { space in
                    stream.next_out = space.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(space.count)
                    status = deflate(&stream, Z_SYNC_FLUSH)
                    defer { stream.next_out = nil }
                    return space.count - Int(stream.avail_out)
                }
                if status != Z_OK && status != Z_BUF_ERROR { return false }
                if stream.avail_out != 0 { return true }
            }
        }
        guard ok else { return nil }
        PerMessageDeflate.stripTail(&output)
        return output
    }
}

/// Shared facts of the permessage-deflate framing.
enum PerMessageDeflate {
    /// The empty stored block a sync flush ends with; removed by the sender, appended by the receiver.
    static let tail: [UInt8] = [0x00, 0x00, 0xff, 0xff]

    /// Removes the `00 00 ff ff` tail if `buffer` ends with it.
    static func stripTail(_ buffer: inout ByteBuffer) {
        let count = buffer.readableBytes
        guard count >= 4, buffer.getBytes(at: buffer.writerIndex - 4, length: 4) == tail else { return }
        buffer.moveWriterIndex(to: buffer.writerIndex - 4)
    }
}
