extension JSONCursor {
    /// Scans a string from its opening quote; returns the range of its content and whether it has escapes.
    ///
    /// Like Go's scanner it refuses raw control characters and malformed escapes, and lets any other byte
    /// through (invalid UTF-8 is repaired only when the string is decoded).
    mutating func scanString() throws(TokenJSONError) -> (content: Range<Int>, hasEscapes: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = offset
        var hasEscapes = false
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return (start..<offset - 1, hasEscapes)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                offset += 1
                guard offset < bytes.count else { throw malformed }
                switch bytes[offset] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    offset += 1
                case UInt8(ascii: "u"):
                    offset += 1
                    guard hexValue(at: offset) != nil else { throw malformed }
                    offset += 4
                default:
                    throw malformed
                }
            case 0x00..<0x20:
                throw malformed
            default:
                offset += 1
            }
        }
        throw malformed
    }

    /// Reads a string at the current offset (no whitespace skipping) and decodes its escapes.
    mutating func readStringValue() throws(TokenJSONError) -> String {
        let (content, hasEscapes) = try scanString()
        guard hasEscapes else { return String(decoding: bytes[content], as: UTF8.self) }
        return String(decoding: unescape(content), as: UTF8.self)
    }

    /// The UTF-8 bytes of an already validated string content with its escapes resolved; a lone UTF-16
    /// surrogate becomes U+FFFD, as in Go.
    private func unescape(_ content: Range<Int>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = content.lowerBound
        while index < content.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexValue(at: index) ?? 0xFFFD
                index += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    if index + 6 <= content.upperBound, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u"), let low = hexValue(at: index + 2),
                        (0xDC00..<0xE000).contains(low)
                    {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00..<0xE000).contains(scalar) {
                    scalar = 0xFFFD
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &output)
            default: output.append(escape)  // `"`, `\` and `/` stand for themselves
            }
        }
        return output
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }

    /// The value of the four hex digits at `index`, or nil.
    private func hexValue(at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
