/// The two base64 dialects tokens use, decoded the way the reference's Go standard library does.
///
/// - JWS segments: base64url **without** padding (`RawURLEncoding`); a `=` is an invalid character.
/// - `b64info` / `b64data` claims: standard base64 **with** padding (`StdEncoding`).
///
/// Like Go's decoders, both skip `\r` and `\n` and ignore non-zero bits in the last symbol.
enum Base64 {
    /// Decodes unpadded base64url; nil if any character is outside the alphabet or the length is impossible.
    static func decodeURLUnpadded<Bytes: Collection>(_ input: Bytes) -> [UInt8]? where Bytes.Element == UInt8 {
        var sextets: [UInt8] = []
        sextets.reserveCapacity(input.count)
        for byte in input {
            if byte == 0x0A || byte == 0x0D { continue }
            let value = urlAlphabet[Int(byte)]
            guard value != invalid else { return nil }
            sextets.append(value)
        }
        guard sextets.count % 4 != 1 else { return nil }
        return pack(sextets[...])
    }

    /// Decodes padded standard base64; nil if malformed (bad character, missing or misplaced `=`).
    static func decodeStandardPadded(_ input: String) -> [UInt8]? {
        var sextets: [UInt8] = []
        var padding = 0
        sextets.reserveCapacity(input.utf8.count)
        for byte in input.utf8 {
            if byte == 0x0A || byte == 0x0D { continue }
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            // Nothing but padding may follow the first `=`.
            guard padding == 0 else { return nil }
            let value = standardAlphabet[Int(byte)]
            guard value != invalid else { return nil }
            sextets.append(value)
        }
        guard (sextets.count + padding) % 4 == 0, padding <= 2 else { return nil }
        // `=` only completes the last quantum: "xx==" or "xxx=".
        guard padding == 0 || sextets.count % 4 == 4 - padding else { return nil }
        return pack(sextets[...])
    }

    /// Packs 6-bit values into bytes; a trailing group of 2 or 3 sextets yields 1 or 2 bytes.
    private static func pack(_ sextets: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(sextets.count * 3 / 4)
        var index = sextets.startIndex
        while index < sextets.endIndex {
            let remaining = sextets.endIndex - index
            let a = UInt32(sextets[index])
            let b = UInt32(sextets[index + 1])
            let c = remaining > 2 ? UInt32(sextets[index + 2]) : 0
            let d = remaining > 3 ? UInt32(sextets[index + 3]) : 0
            let group = a << 18 | b << 12 | c << 6 | d
            output.append(UInt8(truncatingIfNeeded: group >> 16))
            if remaining > 2 { output.append(UInt8(truncatingIfNeeded: group >> 8)) }
            if remaining > 3 { output.append(UInt8(truncatingIfNeeded: group)) }
            index += min(4, remaining)
        }
        return output
    }

    private static let invalid: UInt8 = 0xFF
    private static let urlAlphabet = table(plus: UInt8(ascii: "-"), slash: UInt8(ascii: "_"))
    private static let standardAlphabet = table(plus: UInt8(ascii: "+"), slash: UInt8(ascii: "/"))

    private static func table(plus: UInt8, slash: UInt8) -> [UInt8] {
        var table = [UInt8](repeating: invalid, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        table[Int(plus)] = 62
        table[Int(slash)] = 63
        return table
    }
}
