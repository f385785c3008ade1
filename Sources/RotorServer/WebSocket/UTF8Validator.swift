/// Checks UTF-8 (RFC 3629) incrementally, so a text message split over frames fails at the first bad byte:
/// overlong forms, surrogates and code points past U+10FFFF are rejected as soon as they can be recognised.
struct UTF8Validator {
    /// Continuation bytes still expected for the current code point.
    private var needed = 0
    /// The allowed range of the next continuation byte (narrower right after some lead bytes).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// Whether the bytes so far end on a code point boundary.
    var isComplete: Bool { needed == 0 }

    /// Feeds `bytes`; false as soon as they cannot be (the start of) valid UTF-8.
    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        for byte in bytes where !feed(byte) { return false }
        return true
    }

    private mutating func feed(_ byte: UInt8) -> Bool {
        guard needed == 0 else {
            guard byte >= lower && byte <= upper else { return false }
            lower = 0x80
            upper = 0xBF
            needed -= 1
            return true
        }
        switch byte {
        case 0x00...0x7F: return true
        case 0xC2...0xDF: needed = 1
        case 0xE0: (needed, lower) = (2, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xED: (needed, upper) = (2, 0x9F)
        case 0xF0: (needed, lower) = (3, 0x90)
        case 0xF1...0xF3: needed = 3
        case 0xF4: (needed, upper) = (3, 0x8F)
        default: return false
        }
        return true
    }

    /// Whether `bytes` are valid UTF-8 as a whole.
    static func isValid<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var validator = UTF8Validator()
        return validator.feed(bytes) && validator.isComplete
    }
}
