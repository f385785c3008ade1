import NIOCore

/// The encoding of a connection, fixed when it opens (spec §1.2).
public enum ProtocolEncoding: String, Hashable, Sendable, CaseIterable {
    /// JSON text, LF-separated batches.
    case json
    /// Protobuf binary, varint-length-prefixed batches.
    case protobuf
}

/// Encodes and decodes single protocol messages in one encoding.
///
/// Encoding appends to a caller-supplied buffer so the caller decides allocation (the hot path encodes a
/// publication once into a buffer shared by every subscriber). Decoded `bytes` fields are slices of the
/// input buffer: no payload is copied.
public struct MessageCodec: Hashable, Sendable {
    /// The encoding this codec reads and writes.
    public let encoding: ProtocolEncoding

    /// A codec for `encoding`.
    public init(_ encoding: ProtocolEncoding) {
        self.encoding = encoding
    }

    /// The JSON codec.
    public static let json = MessageCodec(.json)
    /// The Protobuf codec.
    public static let protobuf = MessageCodec(.protobuf)

    /// Appends `message` to `buffer` (Protobuf: without a length prefix). On error `buffer` is unchanged.
    public func encode<M: ProtocolMessage>(_ message: M, into buffer: inout ByteBuffer) throws(ProtocolEncodingError) {
        let start = buffer.writerIndex
        switch encoding {
        case .json:
            var writer = JSONWriter(buffer: ByteBuffer())
            swap(&writer.buffer, &buffer)
            do {
                try writer.writeObject(message)
            } catch {
                swap(&writer.buffer, &buffer)
                buffer.moveWriterIndex(to: start)
                throw error
            }
            swap(&writer.buffer, &buffer)
        case .protobuf:
            var writer = ProtobufWriter(buffer: ByteBuffer())
            swap(&writer.buffer, &buffer)
            do {
                try writer.writeMessage(message)
            } catch {
                swap(&writer.buffer, &buffer)
                buffer.moveWriterIndex(to: start)
                throw error
            }
            swap(&writer.buffer, &buffer)
        }
    }

    /// Appends `message` as one element of a batch: Protobuf gets its varint length prefix, JSON none.
    public func encodeDelimited<M: ProtocolMessage>(_ message: M, into buffer: inout ByteBuffer)
        throws(ProtocolEncodingError)
    {
        switch encoding {
        case .json:
            try encode(message, into: &buffer)
        case .protobuf:
            let start = buffer.writerIndex
            var writer = ProtobufWriter(buffer: ByteBuffer())
            swap(&writer.buffer, &buffer)
            do {
                try writer.writeLengthPrefixed { (inner: inout ProtobufWriter) throws(ProtocolEncodingError) in
                    try inner.writeMessage(message)
                }
            } catch {
                swap(&writer.buffer, &buffer)
                buffer.moveWriterIndex(to: start)
                throw error
            }
            swap(&writer.buffer, &buffer)
        }
    }

    /// Encodes `message` into a new buffer.
    public func encode<M: ProtocolMessage>(_ message: M) throws(ProtocolEncodingError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(message, into: &buffer)
        return buffer
    }

    /// Decodes one whole message from the readable bytes of `buffer` (no length prefix).
    public func decode<M: ProtocolMessage>(_ type: M.Type, from buffer: ByteBuffer) throws(ProtocolDecodingError) -> M {
        let result: Result<M, ProtocolDecodingError> = buffer.withUnsafeReadableBytes { bytes in
            do throws(ProtocolDecodingError) {
                switch encoding {
                case .json:
                    var reader = JSONReader(bytes: bytes, source: buffer)
                    return .success(try reader.decodeTopLevel(M.self))
                case .protobuf:
                    var reader = ProtobufReader(bytes: bytes, source: buffer)
                    var message = M()
                    try reader.decodeMessage(into: &message)
                    return .success(message)
                }
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
