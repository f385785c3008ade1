import NIOCore

/// One WebSocket frame as the client reads or writes it (RFC 6455 §5.2), with the raw header bits kept so
/// that a test client can also write frames a well-behaved client never would.
public struct WebSocketWireFrame: Sendable, Equatable {
    /// Frame opcodes the client knows by name.
    public enum Opcode: UInt8, Sendable {
        /// A continuation of a fragmented message.
        case continuation = 0x0
        /// A text message (or its first fragment).
        case text = 0x1
        /// A binary message (or its first fragment).
        case binary = 0x2
        /// Close, with an optional code and reason.
        case close = 0x8
        /// Ping.
        case ping = 0x9
        /// Pong.
        case pong = 0xA
    }

    /// The FIN bit.
    public var fin: Bool
    /// RSV1 (set on permessage-deflate compressed messages).
    public var rsv1: Bool
    /// The 4-bit opcode (any value, also the reserved ones).
    public var opcode: UInt8
    /// The unmasked payload.
    public var payload: [UInt8]

    /// A frame with `opcode` and `payload`.
    public init(fin: Bool = true, rsv1: Bool = false, opcode: UInt8, payload: [UInt8]) {
        self.fin = fin
        self.rsv1 = rsv1
        self.opcode = opcode
        self.payload = payload
    }

    /// A final frame with a named opcode.
    public init(_ opcode: Opcode, _ payload: [UInt8]) {
        self.init(opcode: opcode.rawValue, payload: payload)
    }

    /// The frame on the wire, masked with `mask` (nil: unmasked, as only servers may send).
    public func encoded(mask: [UInt8]?) -> [UInt8] {
        var bytes: [UInt8] = [(fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | (opcode & 0x0F)]
        let maskBit: UInt8 = mask == nil ? 0 : 0x80
        switch payload.count {
        case ..<126:
            bytes.append(maskBit | UInt8(payload.count))
        case ..<65536:
            bytes.append(maskBit | 126)
            bytes += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            bytes.append(maskBit | 127)
            bytes += (0..<8).reversed().map { UInt8((UInt64(payload.count) >> (8 * UInt64($0))) & 0xFF) }
        }
        guard let mask else { return bytes + payload }
        bytes += mask
        bytes += payload.enumerated().map { $0.element ^ mask[$0.offset & 3] }
        return bytes
    }

    /// Reads one frame from the front of `buffer`: nil if it is not complete yet (nothing is consumed).
    public static func read(from buffer: inout ByteBuffer) -> WebSocketWireFrame? {
        let bytes = buffer.readableBytesView
        guard bytes.count >= 2 else { return nil }
        let first = bytes[bytes.startIndex]
        let second = bytes[bytes.startIndex + 1]
        var headerLength = 2
        var length = UInt64(second & 0x7F)
        if length == 126 {
            guard bytes.count >= 4 else { return nil }
            length = UInt64(bytes[bytes.startIndex + 2]) << 8 | UInt64(bytes[bytes.startIndex + 3])
            headerLength = 4
        } else if length == 127 {
            guard bytes.count >= 10 else { return nil }
            length = (2..<10).reduce(0) { $0 << 8 | UInt64(bytes[bytes.startIndex + $1]) }
            headerLength = 10
        }
        let masked = second & 0x80 != 0
        let maskLength = masked ? 4 : 0
        guard length < UInt64(Int32.max), bytes.count >= headerLength + maskLength + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: headerLength)
        let mask = masked ? buffer.readBytes(length: 4)! : nil
        var payload = buffer.readBytes(length: Int(length))!
        if let mask { payload = payload.enumerated().map { $0.element ^ mask[$0.offset & 3] } }
        return WebSocketWireFrame(
            fin: first & 0x80 != 0, rsv1: first & 0x40 != 0, opcode: first & 0x0F, payload: payload)
    }

    /// The payload of a Close frame: the code (big-endian) and the UTF-8 reason.
    public static func closePayload(code: Int, reason: String) -> [UInt8] {
        [UInt8((code >> 8) & 0xFF), UInt8(code & 0xFF)] + Array(reason.utf8)
    }
}
