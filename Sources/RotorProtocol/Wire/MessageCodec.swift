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

    /// The writable space an encode asks for first; larger messages are written a second time.
    static let initialCapacity = 256

    /// Appends `message` to `buffer` (Protobuf: without a length prefix). On error `buffer` is unchanged.
    ///
    /// JSON checks that every raw payload is exactly one JSON value and removes its LF bytes (spec §2.1).
    /// Pass `payloadsAreValidJSON: true` only when that is already known — the payload was decoded from a
    /// JSON frame (which cannot hold LF) or checked when it was accepted — to skip the check; the hot
    /// path validates a publication once, not once per encoding.
    @_specialize(exported:true,where M == Reply)
    @_specialize(exported:true,where M == Push)
    @_specialize(exported:true,where M == Command)
    public func encode<M: ProtocolMessage>(
        _ message: M, into buffer: inout ByteBuffer, payloadsAreValidJSON: Bool = false
    ) throws(ProtocolEncodingError) {
        switch encoding {
        case .json:
            try buffer.writeMessage(initialCapacity: Self.initialCapacity) {
                (out: inout RawOutput) throws(ProtocolEncodingError) in
                var writer = JSONWriter(out: out, payloadsAreValidJSON: payloadsAreValidJSON)
                try writer.writeObject(message)
                out = writer.out
            }
        case .protobuf:
            buffer.writeMessage(initialCapacity: Self.initialCapacity) { out in
                var writer = ProtobufWriter(out: out)
                writer.writeMessage(message)
                out = writer.out
            }
        }
    }

    /// Appends `message` as one element of a batch: Protobuf gets its varint length prefix, JSON none.
    @_specialize(exported:true,where M == Reply)
    @_specialize(exported:true,where M == Push)
    @_specialize(exported:true,where M == Command)
    public func encodeDelimited<M: ProtocolMessage>(_ message: M, into buffer: inout ByteBuffer)
        throws(ProtocolEncodingError)
    {
        switch encoding {
        case .json:
            try encode(message, into: &buffer)
        case .protobuf:
            buffer.writeMessage(initialCapacity: Self.initialCapacity) { out in
                var writer = ProtobufWriter(out: out)
                writer.writeLengthPrefixed { $0.writeMessage(message) }
                out = writer.out
            }
        }
    }

    /// Encodes `message` into a new buffer sized for it.
    @_specialize(exported:true,where M == Reply)
    @_specialize(exported:true,where M == Push)
    @_specialize(exported:true,where M == Command)
    public func encode<M: ProtocolMessage>(_ message: M) throws(ProtocolEncodingError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(message, into: &buffer)
        return buffer
    }

    /// Decodes one whole message from the readable bytes of `buffer` (no length prefix).
    @_specialize(exported:true,where M == Reply)
    @_specialize(exported:true,where M == Push)
    @_specialize(exported:true,where M == Command)
    public func decode<M: ProtocolMessage>(_ type: M.Type, from buffer: ByteBuffer) throws(ProtocolDecodingError) -> M {
        // Decoded in place: messages are large values, and passing them through a `Result` copies them.
        var message = M()
        var failure: ProtocolDecodingError?
        buffer.withUnsafeReadableBytes { bytes in
            do throws(ProtocolDecodingError) {
                switch encoding {
                case .json:
                    var reader = JSONReader(bytes: bytes, source: buffer)
                    try reader.decodeTopLevel(into: &message)
                case .protobuf:
                    var reader = ProtobufReader(bytes: bytes, source: buffer)
                    try reader.decodeMessage(into: &message)
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return message
    }
}
