/// Cuts a streamed HTTP body into the transport's messages as bytes arrive; chunk boundaries carry no
/// meaning (README §4), so only complete units (lines, SSE events, length-prefixed replies) are read.
struct StreamMessageSplitter {
    let transport: ReplayTransport
    private var pending: [UInt8] = []

    init(transport: ReplayTransport) {
        self.transport = transport
    }

    /// The items completed by `bytes`; nil if a complete unit cannot be read.
    mutating func feed(_ bytes: [UInt8]) -> [PayloadMessage]? {
        pending += bytes
        let cut: Int
        switch transport {
        case .uniSSE, .sse:
            cut = Self.end(of: [10, 10], in: pending)
        case .httpStream(.protobuf):
            cut = Self.completeReplies(in: pending)
        default:
            cut = Self.end(of: [10], in: pending)
        }
        guard cut > 0 else { return [] }
        let unit = Array(pending[..<cut])
        pending.removeFirst(cut)
        return transport.messages(inPayload: unit)
    }

    /// What is left when the stream ends: an incomplete unit is a difference of its own.
    var leftover: [UInt8] { pending }

    /// The index after the last occurrence of `separator`, or 0.
    private static func end(of separator: [UInt8], in bytes: [UInt8]) -> Int {
        guard bytes.count >= separator.count else { return 0 }
        var index = bytes.count - separator.count
        while index >= 0 {
            if Array(bytes[index..<(index + separator.count)]) == separator { return index + separator.count }
            index -= 1
        }
        return 0
    }

    /// The length of the complete varint-prefixed messages at the front of `bytes`.
    private static func completeReplies(in bytes: [UInt8]) -> Int {
        var position = 0
        while position < bytes.count {
            var length = 0
            var shift = 0
            var cursor = position
            while cursor < bytes.count, shift < 64 {
                let byte = bytes[cursor]
                length |= Int(byte & 0x7F) << shift
                cursor += 1
                shift += 7
                if byte & 0x80 == 0 { break }
            }
            guard cursor <= bytes.count, bytes[cursor - 1] & 0x80 == 0, length >= 0,
                bytes.count - cursor >= length
            else { return position }
            position = cursor + length
        }
        return position
    }
}
