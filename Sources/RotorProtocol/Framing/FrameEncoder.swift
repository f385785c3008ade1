import NIOCore

/// How outbound messages are laid out in a transport frame (spec §4.1, §4.2).
public enum FrameLayout: Hashable, Sendable {
    /// WebSocket and SockJS JSON: messages joined by LF, no trailing LF.
    case joined
    /// HTTP-streaming JSON: every message followed by LF.
    case lineTerminated
}

/// Builds one outbound frame from several messages: LF-separated JSON or varint-prefixed Protobuf.
///
/// The writer batch rule (at most 16 messages per WebSocket frame) is the transport's; this type only
/// lays out what it is given.
public struct FrameEncoder: Sendable {
    /// The codec of the connection.
    public let codec: MessageCodec
    /// The JSON layout; ignored for Protobuf, where every message is length-prefixed.
    public let layout: FrameLayout

    /// An encoder for `encoding` with `layout`.
    public init(encoding: ProtocolEncoding, layout: FrameLayout = .joined) {
        self.codec = MessageCodec(encoding)
        self.layout = layout
    }

    /// Appends `message` to a frame that already holds `count` messages.
    public func append<M: ProtocolMessage>(_ message: M, to frame: inout ByteBuffer, count: Int)
        throws(ProtocolEncodingError)
    {
        switch (codec.encoding, layout) {
        case (.protobuf, _):
            try codec.encodeDelimited(message, into: &frame)
        case (.json, .joined):
            let start = frame.writerIndex
            if count > 0 { frame.writeInteger(UInt8(ascii: "\n")) }
            do {
                try codec.encode(message, into: &frame)
            } catch {
                frame.moveWriterIndex(to: start)
                throw error
            }
        case (.json, .lineTerminated):
            try codec.encode(message, into: &frame)
            frame.writeInteger(UInt8(ascii: "\n"))
        }
    }

    /// Appends already-encoded message bytes (a shared pre-encoded publication) to a frame.
    public func appendEncoded(_ encoded: ByteBuffer, to frame: inout ByteBuffer, count: Int) {
        switch (codec.encoding, layout) {
        case (.protobuf, _):
            Varint.write(UInt64(encoded.readableBytes), to: &frame)
            frame.writeImmutableBuffer(encoded)
        case (.json, .joined):
            if count > 0 { frame.writeInteger(UInt8(ascii: "\n")) }
            frame.writeImmutableBuffer(encoded)
        case (.json, .lineTerminated):
            frame.writeImmutableBuffer(encoded)
            frame.writeInteger(UInt8(ascii: "\n"))
        }
    }

    /// Encodes `messages` as one frame.
    public func frame<M: ProtocolMessage>(_ messages: [M]) throws(ProtocolEncodingError) -> ByteBuffer {
        var frame = ByteBuffer()
        for (index, message) in messages.enumerated() {
            try append(message, to: &frame, count: index)
        }
        return frame
    }
}
