import NIOCore
import NIOWebSocket

/// Turns client frames into messages and control events (RFC 6455 §5, RFC 7692 §6), with gorilla/websocket's
/// checks: reserved bits and opcodes, masking, fragmentation order, the message size limit (counted on the
/// wire, then again after decompression).
struct WebSocketMessageReader {
    /// What one frame amounts to.
    enum Event {
        /// Nothing yet (a fragment).
        case none
        /// A complete data message.
        case message(ByteBuffer, binary: Bool)
        /// A Ping with its application data.
        case ping(ByteBuffer)
        /// A Pong.
        case pong
        /// A Close frame: the code (nil when the frame has none) and reason.
        case close(code: UInt16?)
        /// The connection must fail with this close code and reason.
        case failure(code: UInt16, reason: String)
    }

    let limit: Int
    let compressed: Bool
    let validatesUTF8: Bool
    private var partial: (buffer: ByteBuffer, binary: Bool, compressed: Bool)?
    private var text = UTF8Validator()

    /// A reader for messages up to `limit` bytes; `compressed` when permessage-deflate was negotiated;
    /// `validatesUTF8` fails text messages that are not UTF-8 with 1007, at the first bad fragment.
    init(limit: Int, compressed: Bool, validatesUTF8: Bool = false) {
        self.limit = limit
        self.compressed = compressed
        self.validatesUTF8 = validatesUTF8
    }

    /// Reads one frame; `inflater` decompresses RSV1 messages.
    mutating func read(_ frame: WebSocketFrame, inflater: Inflater?) -> Event {
        if let problem = headerProblem(frame) { return .failure(code: 1002, reason: problem) }
        switch frame.opcode {
        case .ping:
            return .ping(frame.unmaskedData)
        case .pong:
            return .pong
        case .connectionClose:
            return close(frame.unmaskedData)
        case .text, .binary:
            let binary = frame.opcode == .binary
            text = UTF8Validator()
            return append(frame, starting: (ByteBuffer(), binary, frame.rsv1), inflater: inflater)
        default:
            guard let started = partial else { return .failure(code: 1002, reason: "continuation after FIN") }
            return append(frame, starting: started, inflater: inflater)
        }
    }

    private func headerProblem(_ frame: WebSocketFrame) -> String? {
        var problems: [String] = []
        let isData = frame.opcode == .text || frame.opcode == .binary
        if frame.rsv1 && !(compressed && isData) { problems.append("RSV1 set") }
        if frame.rsv2 { problems.append("RSV2 set") }
        if frame.rsv3 { problems.append("RSV3 set") }
        switch frame.opcode {
        case .ping, .pong, .connectionClose, .continuation:
            break
        case .text, .binary:
            if partial != nil { problems.append("data before FIN") }
        default:
            problems.append("bad opcode \(UInt8(webSocketOpcode: frame.opcode))")
        }
        if frame.maskKey == nil { problems.append("bad MASK") }
        return problems.isEmpty ? nil : problems.joined(separator: ", ")
    }

    private mutating func append(
        _ frame: WebSocketFrame, starting: (buffer: ByteBuffer, binary: Bool, compressed: Bool), inflater: Inflater?
    ) -> Event {
        var message = starting
        partial = nil
        guard message.buffer.readableBytes + frame.length <= limit else { return .failure(code: 1009, reason: "") }
        var data = frame.unmaskedData
        let checksText = validatesUTF8 && !message.binary
        if checksText && !message.compressed && !text.feed(data.readableBytesView) { return Self.invalidText }
        if message.buffer.readableBytes == 0 && frame.fin {
            message.buffer = data
        } else {
            message.buffer.writeBuffer(&data)
        }
        guard frame.fin else {
            partial = message
            return .none
        }
        guard message.compressed, let inflater else {
            if checksText && !text.isComplete { return Self.invalidText }
            return .message(message.buffer, binary: message.binary)
        }
        switch inflater.decompress(message.buffer, limit: limit) {
        case .message(let plain):
            if checksText && !UTF8Validator.isValid(plain.readableBytesView) { return Self.invalidText }
            return .message(plain, binary: message.binary)
        case .tooBig: return .failure(code: 1009, reason: "")
        case .invalid: return .failure(code: 1007, reason: "invalid compressed data")
        }
    }

    static let invalidText = Event.failure(code: 1007, reason: "invalid UTF-8 in text frame")

    private func close(_ payload: ByteBuffer) -> Event {
        var payload = payload
        guard payload.readableBytes > 0 else { return .close(code: nil) }
        guard let code = payload.readInteger(as: UInt16.self) else {
            return .failure(code: 1002, reason: "bad close payload")
        }
        guard Self.isValidReceivedCloseCode(code) else { return .failure(code: 1002, reason: "bad close code \(code)") }
        guard UTF8Validator.isValid(payload.readableBytesView) else {
            return .failure(code: 1002, reason: "invalid utf8 payload in close frame")
        }
        return .close(code: code)
    }

    /// Codes a peer may send (RFC 6455 §7.4): 1000–1003, 1007–1011, and 3000–4999.
    static func isValidReceivedCloseCode(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1011: true
        case 3000...4999: true
        default: false
        }
    }
}
