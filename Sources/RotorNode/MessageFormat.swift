import NIOCore
import RotorCore
import RotorProtocol

/// How a connection's messages are encoded: protocol version, encoding, and whether pushes travel inside
/// replies (bidirectional) or bare (unidirectional). A publication is encoded once per format.
public struct MessageFormat: Hashable, Sendable {
    /// Client protocol version.
    public var version: ProtocolVersion
    /// Wire encoding.
    public var encoding: ProtocolEncoding
    /// Pushes are sent bare, not wrapped in a reply.
    public var unidirectional: Bool

    /// A format.
    public init(version: ProtocolVersion, encoding: ProtocolEncoding, unidirectional: Bool) {
        self.version = version
        self.encoding = encoding
        self.unidirectional = unidirectional
    }

    /// The format of a transport.
    public init(_ transport: TransportDescription) {
        self.init(
            version: transport.version,
            encoding: transport.isProtobuf ? .protobuf : .json,
            unidirectional: transport.isUnidirectional
        )
    }

    /// A dense index for small per-format caches (8 formats).
    var index: Int {
        (version == .v1 ? 4 : 0) + (encoding == .protobuf ? 2 : 0) + (unidirectional ? 1 : 0)
    }

    /// Encodes a reply to a command.
    func encode(_ reply: Reply) throws(ProtocolEncodingError) -> ByteBuffer {
        let codec = MessageCodec(encoding)
        if version == .v1 { return try codec.encode(V1Mapping(encoding).reply(reply)) }
        return try codec.encode(reply)
    }

    /// Encodes a push as this format carries it: bare on unidirectional transports, inside a reply
    /// otherwise (v1: in the reply's `result`).
    func encode(_ push: Push) throws(ProtocolEncodingError) -> ByteBuffer {
        let codec = MessageCodec(encoding)
        switch (version, unidirectional) {
        case (.v2, true): return try codec.encode(push)
        case (.v2, false): return try codec.encode(Reply(push: push))
        case (.v1, true): return try codec.encode(V1Mapping(encoding).push(push))
        case (.v1, false): return try codec.encode(V1Mapping(encoding).reply(Reply(push: push)))
        }
    }

    /// The server ping: an empty reply, or an empty push on unidirectional transports.
    func encodePing() -> ByteBuffer {
        let codec = MessageCodec(encoding)
        if unidirectional { return (try? codec.encode(Push())) ?? ByteBuffer() }
        return (try? codec.encode(Reply())) ?? ByteBuffer()
    }
}

/// A push encoded lazily once per format and shared by every connection of that format (fan-out).
struct SharedPush {
    let push: Push
    private var encoded: [ByteBuffer?] = Array(repeating: nil, count: 8)
    private var failed: UInt8 = 0

    init(_ push: Push) { self.push = push }

    /// The encoding for `format`; nil if the push cannot be encoded for it (non-JSON payload → 3506).
    mutating func message(for format: MessageFormat) -> ByteBuffer? {
        let index = format.index
        if let buffer = encoded[index] { return buffer }
        if failed & (1 << index) != 0 { return nil }
        do {
            let buffer = try format.encode(push)
            encoded[index] = buffer
            return buffer
        } catch {
            failed |= 1 << index
            return nil
        }
    }
}
