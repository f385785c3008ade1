import NIOCore

/// Size limits for inbound frames (spec §4.3).
public struct FrameLimits: Hashable, Sendable {
    /// The largest frame (WebSocket message, HTTP body, emulation data) accepted, in bytes.
    public var maxFrameSize: Int

    /// Creates limits; the default is the reference's 65 536 bytes.
    public init(maxFrameSize: Int = 65_536) {
        self.maxFrameSize = maxFrameSize
    }

    /// The reference defaults.
    public static let `default` = FrameLimits()
}

/// Splits one inbound frame into messages and decodes them one at a time (spec §4.1, §4.2).
///
/// Messages before a malformed one are returned first, because the reference processes them before it
/// disconnects. JSON: LF-separated, one optional trailing LF, no empty lines. Protobuf: each message
/// prefixed by its varint length, which is checked against the bytes present before anything is read.
public struct FrameDecoder<Message: ProtocolMessage> {
    private let frame: ByteBuffer
    private let codec: MessageCodec
    private var offset = 0
    private var pendingError: ProtocolDecodingError?

    /// Prepares to decode `frame`; an empty or over-limit frame fails on the first `next()`.
    public init(frame: ByteBuffer, encoding: ProtocolEncoding, limits: FrameLimits = .default) {
        self.frame = frame
        self.codec = MessageCodec(encoding)
        if frame.readableBytes == 0 {
            pendingError = .emptyFrame
        } else if frame.readableBytes > limits.maxFrameSize {
            pendingError = .frameTooLarge(size: frame.readableBytes, limit: limits.maxFrameSize)
        }
    }

    /// The next message, nil after the last one; throws at the first malformed message.
    public mutating func next() throws(ProtocolDecodingError) -> Message? {
        if let pendingError {
            self.pendingError = nil
            offset = frame.readableBytes
            throw pendingError
        }
        guard offset < frame.readableBytes else { return nil }
        do {
            switch codec.encoding {
            case .json: return try nextJSON()
            case .protobuf: return try nextProtobuf()
            }
        } catch {
            offset = frame.readableBytes
            throw error
        }
    }

    /// Decodes every message of the frame, failing on the first malformed one.
    public mutating func all() throws(ProtocolDecodingError) -> [Message] {
        var messages: [Message] = []
        while let message = try next() { messages.append(message) }
        return messages
    }

    private mutating func nextJSON() throws(ProtocolDecodingError) -> Message {
        let length = frame.readableBytes
        let lineEnd = frame.withUnsafeReadableBytes { bytes in
            var index = offset
            while index < length && bytes[index] != 0x0A { index += 1 }
            return index
        }
        let lineLength = lineEnd - offset
        guard lineLength > 0 else { throw .emptyLine }
        let line = frame.getSlice(at: frame.readerIndex + offset, length: lineLength)!
        // A single LF at the very end of the frame only terminates the last line.
        offset = min(lineEnd + 1, length)
        return try codec.decode(Message.self, from: line)
    }

    private mutating func nextProtobuf() throws(ProtocolDecodingError) -> Message {
        let remaining = frame.readableBytes - offset
        let (declared, prefixLength) = try frame.withUnsafeReadableBytesTyped { bytes throws(ProtocolDecodingError) in
            var reader = ProtobufReader(
                bytes: UnsafeRawBufferPointer(rebasing: bytes[offset...]), source: ByteBuffer())
            let declared = try reader.readVarint()
            return (declared, reader.index)
        }
        let available = remaining - prefixLength
        guard declared <= UInt64(available) else {
            throw .lengthExceedsInput(declared: declared, available: available)
        }
        let message = frame.getSlice(at: frame.readerIndex + offset + prefixLength, length: Int(declared))!
        offset += prefixLength + Int(declared)
        return try codec.decode(Message.self, from: message)
    }
}

extension ByteBuffer {
    /// `withUnsafeReadableBytes` for a body with a typed error.
    @inline(__always)
    func withUnsafeReadableBytesTyped<T, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = self.withUnsafeReadableBytes { bytes in
            do throws(E) {
                return .success(try body(bytes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
