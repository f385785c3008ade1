import CZlib
import NIOCore

/// Decompresses one permessage-deflate message at a time (RFC 7692 §7.2.2): the `00 00 ff ff` tail is
/// appended and the result is bounded by the message size limit, so a small compressed message cannot grow
/// into a huge one. Clients are told not to take context over (`client_no_context_takeover`), so the stream
/// is reset before every message and one inflater can serve every connection of a thread.
final class Inflater {
    /// What decompressing a message gave.
    enum Outcome {
        /// The message.
        case message(ByteBuffer)
        /// The decompressed message would be larger than the limit (close 1009).
        case tooBig
        /// Not a valid deflate stream (close 1007, as for invalid payload data).
        case invalid
    }

    private var stream = z_stream()
    private var ready = false

    /// An inflater accepting any window size up to 15 bits.
    init() {
        ready = inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { inflateEnd(&stream) }
    }

    /// The decompressed form of `message` if it holds at most `limit` bytes.
    func decompress(
        _ message: ByteBuffer, limit: Int, allocator: ByteBufferAllocator = ByteBufferAllocator()
    ) -> Outcome {
        guard ready, inflateReset(&stream) == Z_OK else { return .invalid }
        var output = allocator.buffer(capacity: min(max(message.readableBytes * 2, 256), limit + 1))
        var result = feed(message, into: &output, limit: limit)
        if case .message = result {
            result = feed(ByteBuffer(bytes: PerMessageDeflate.tail), into: &output, limit: limit)
        }
        return result
    }

    /// Inflates all of `input` into `output`; stops with `.tooBig` once the output passes `limit`.
    private func feed(_ input: ByteBuffer, into output: inout ByteBuffer, limit: Int) -> Outcome {
        input.withUnsafeReadableBytes { bytes -> Outcome in
            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(bytes.count)
            defer {
                stream.next_in = nil
                stream.avail_in = 0
            }
            while true {
                let room = limit + 1 - output.readableBytes
                if room <= 0 { return .tooBig }
                var status = Z_OK
                let chunk = min(max(256, output.readableBytes), room)
                output.writeWithUnsafeMutableBytes(minimumWritableBytes: chunk) { space in
                    let usable = min(space.count, room)
                    stream.next_out = space.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.avail_out = uInt(usable)
                    status = inflate(&stream, Z_SYNC_FLUSH)
                    defer { stream.next_out = nil }
                    return usable - Int(stream.avail_out)
                }
                switch status {
                case Z_OK:
                    if stream.avail_in == 0 && stream.avail_out != 0 { return .message(output) }
                case Z_STREAM_END:
                    return .message(output)
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { return .message(output) }
                    if output.readableBytes > limit { return .tooBig }
                default:
                    return .invalid
                }
                if output.readableBytes > limit { return .tooBig }
            }
        }
    }
}
