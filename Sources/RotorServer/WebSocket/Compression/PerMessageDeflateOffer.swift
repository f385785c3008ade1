/// The permessage-deflate parameters of one WebSocket connection, negotiated from the client's
/// `Sec-WebSocket-Extensions` offers (RFC 7692 §7.1).
///
/// The server answers as gorilla/websocket does for Centrifugo (`permessage-deflate;
/// server_no_context_takeover; client_no_context_takeover`): neither side keeps context between messages. It
/// also honours a `server_max_window_bits` request (gorilla ignores it), and declines offers it cannot honour.
struct PerMessageDeflateOffer: Hashable, Sendable {
    /// The window the server compresses with (9…15).
    var serverWindowBits = 15
    /// Whether the accepted offer asked for `server_max_window_bits` (the answer must then carry it).
    var answersWindowBits = false

    /// The `Sec-WebSocket-Extensions` response value.
    var responseHeader: String {
        var header = "permessage-deflate; server_no_context_takeover; client_no_context_takeover"
        if answersWindowBits { header += "; server_max_window_bits=\(serverWindowBits)" }
        return header
    }

    /// The first acceptable permessage-deflate offer among the `Sec-WebSocket-Extensions` header values.
    static func negotiate(_ headerValues: [String]) -> PerMessageDeflateOffer? {
        for value in headerValues {
            for offer in value.split(separator: ",") {
                if let accepted = accept(offer) { return accepted }
            }
        }
        return nil
    }

    /// The parameters for one offer, or nil if it is not permessage-deflate or asks for what we cannot do.
    static func accept(_ offer: Substring) -> PerMessageDeflateOffer? {
        let parts = offer.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
        guard parts.first?.lowercased() == "permessage-deflate" else { return nil }
        var result = PerMessageDeflateOffer()
        var seen: Set<String> = []
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " \t") }
            let name = pair[0].lowercased()
            guard seen.insert(name).inserted else { return nil }
            let value = pair.count > 1 ? pair[1].trimmingCharacters(in: "\"") : nil
            switch name {
            case "server_no_context_takeover", "client_no_context_takeover":
                guard value == nil else { return nil }
            case "client_max_window_bits":
                if let value, !windowBitsRange.contains(Int(value) ?? 0) { return nil }
            case "server_max_window_bits":
                // zlib cannot compress with a 256-byte window (it silently uses 512), so 8 is declined.
                guard let value, let bits = Int(value), windowBitsRange.contains(bits), bits > 8 else { return nil }
                result.serverWindowBits = bits
                result.answersWindowBits = true
            default:
                return nil
            }
        }
        return result
    }

    static let windowBitsRange = 8...15
}

extension String {
    /// The string without leading and trailing characters of `set`.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
