import RotorCore

/// The API key check of `server.md` §4.1, run after the method check and before the handler.
struct APIAuthentication {
    let configuration: APIConfiguration

    /// Whether `request` may use the API.
    ///
    /// Accepted, in this order: `X-API-Key: <KEY>` (what `cent` 5.x and Centrifugo v5 use; an extension
    /// over v4.1.5, which ignores that header), `Authorization: apikey <KEY>` (two whitespace-separated
    /// parts, scheme case-insensitive), then `?api_key=<KEY>` when the URL has a query. An empty
    /// configured key refuses everything. Keys are compared in constant time.
    func authorizes(_ request: APIRequest) -> Bool {
        if configuration.insecure { return true }
        let key = configuration.key
        if key.isEmpty { return false }
        if let header = request.header("X-API-Key"), !header.isEmpty, ConstantTime.equals(key, header) {
            return true
        }
        if let header = request.header("Authorization"), !header.isEmpty {
            let parts = header.split(whereSeparator: { isHTTPSpace($0) })
            if parts.count == 2, parts[0].lowercased() == "apikey", ConstantTime.equals(key, String(parts[1])) {
                return true
            }
        }
        if !request.query.isEmpty, ConstantTime.equals(key, queryValue("api_key", in: request.query) ?? "") {
            return true
        }
        return false
    }
}

/// Whitespace as Go's `strings.Fields` splits on (the ASCII subset).
private func isHTTPSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\u{0B}"
        || character == "\u{0C}"
}

/// The first value of `name` in a URL query string, percent- and `+`-decoded as Go's `url.ParseQuery`
/// does (pairs containing `;` or with a malformed escape are skipped).
func queryValue(_ name: String, in query: String) -> String? {
    for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
        if pair.contains(";") { continue }
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let key = percentDecoded(parts[0]), key == name else { continue }
        guard let value = percentDecoded(parts.count > 1 ? parts[1] : "") else { continue }
        return value
    }
    return nil
}

private func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
        switch byte {
        case UInt8(ascii: "+"): bytes.append(0x20)
        case UInt8(ascii: "%"):
            guard let high = iterator.next().flatMap(hexDigit), let low = iterator.next().flatMap(hexDigit) else {
                return nil
            }
            bytes.append(high << 4 | low)
        default: bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
}
