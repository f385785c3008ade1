import CZlib

/// Decompresses permessage-deflate messages (RFC 7692): raw DEFLATE with the `00 00 ff ff` tail restored.
/// One inflater keeps its window across messages, which reads a peer with or without context takeover.
public final class Inflater {
    private var stream = z_stream()
    private var ready = false

    /// A fresh inflater.
    public init() {
        ready = inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { inflateEnd(&stream) }
    }

    /// The decompressed message; nil if the data is not valid DEFLATE or grows beyond `limit` bytes.
    public func inflate(message compressed: [UInt8], limit: Int = 64 << 20) -> [UInt8]? {
        guard ready else { return nil }
        var input = compressed + [0x00, 0x00, 0xFF, 0xFF]
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        let status: Int32 = input.withUnsafeMutableBufferPointer { inputPointer in
            stream.next_in = inputPointer.baseAddress
            stream.avail_in = UInt32(inputPointer.count)
            while true {
                let result: Int32 = chunk.withUnsafeMutableBufferPointer { chunkPointer in
                    stream.next_out = chunkPointer.baseAddress
                    stream.avail_out = UInt32(chunkPointer.count)
                    return CZlib.inflate(&stream, Z_SYNC_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output += chunk[..<produced]
                if output.count > limit { return Z_DATA_ERROR }
                if result == Z_BUF_ERROR || (result == Z_OK && stream.avail_in == 0 && stream.avail_out > 0) {
                    return Z_OK
                }
                if result != Z_OK { return result }
            }
        }
        stream.next_in = nil
        stream.next_out = nil
        return status == Z_OK || status == Z_STREAM_END ? output : nil
    }
}
