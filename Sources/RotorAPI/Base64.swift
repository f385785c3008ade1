/// Standard base64 (padded) decoding as Go's `base64.StdEncoding.DecodeString` does it: CR and LF are
/// ignored, padding is required, non-zero trailing bits are tolerated.
enum StandardBase64 {
    /// The decoded bytes, or nil if `text` is not valid padded standard base64.
    static func decode(_ text: String) -> [UInt8]? {
        let symbols = text.utf8.filter { $0 != 0x0A && $0 != 0x0D }
        guard symbols.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(symbols.count / 4 * 3)
        var index = 0
        while index < symbols.count {
            var values: [UInt8] = []
            var padding = 0
            for offset in 0..<4 {
                let symbol = symbols[index + offset]
                if symbol == UInt8(ascii: "=") {
                    guard offset >= 2, index + 4 == symbols.count else { return nil }
                    padding += 1
                    continue
                }
                guard padding == 0, let value = sextet(symbol) else { return nil }
                values.append(value)
            }
            output.append(values[0] << 2 | values[1] >> 4)
            if values.count > 2 { output.append(values[1] << 4 | values[2] >> 2) }
            if values.count > 3 { output.append(values[2] << 6 | values[3]) }
            index += 4
        }
        return output
    }

    private static func sextet(_ symbol: UInt8) -> UInt8? {
        switch symbol {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): symbol - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): symbol - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): symbol - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
