/// Byte-wise string searches, as Go's `strings` package does them.
///
/// Swift's `String` compares and searches by `Character` and canonical equivalence: `"$\u{301}x"` does not
/// have the prefix `"$"`, and `"\u{212A}"` (Kelvin sign) equals `"K"`. Channel rules must see the bytes the
/// client sent, so every search here works on the UTF-8 view. A match of a valid UTF-8 needle always starts
/// and ends on scalar boundaries, so the slices around it are valid strings again.
enum UTF8Search {
    /// Whether `string` starts with the bytes of `prefix` (an empty prefix always matches).
    static func hasPrefix(_ string: Substring.UTF8View, _ prefix: String.UTF8View) -> Bool {
        string.starts(with: prefix)
    }

    /// Whether the two strings have the same bytes.
    static func equal(_ lhs: Substring.UTF8View, _ rhs: String.UTF8View) -> Bool {
        lhs.elementsEqual(rhs)
    }

    /// The first occurrence of the non-empty `needle` in `haystack`.
    static func firstRange(of needle: String.UTF8View, in haystack: Substring.UTF8View) -> Range<String.Index>? {
        guard let first = needle.first else { return nil }
        var index = haystack.startIndex
        while let candidate = haystack[index...].firstIndex(of: first) {
            if haystack[candidate...].starts(with: needle) {
                return candidate..<haystack.index(candidate, offsetBy: needle.count)
            }
            index = haystack.index(after: candidate)
        }
        return nil
    }

    /// The end of the last piece Go's `strings.Split(haystack, needle)` would produce before the final one:
    /// occurrences are taken left to right without overlap, so in `a@@@1` split on `@@` the final piece is
    /// `@1`. Nil when the non-empty `needle` does not occur.
    static func lastSplitRange(of needle: String.UTF8View, in haystack: Substring.UTF8View) -> Range<String.Index>? {
        var last: Range<String.Index>?
        var remaining = haystack
        while let next = firstRange(of: needle, in: remaining) {
            last = next
            remaining = haystack[next.upperBound...]
        }
        return last
    }

    /// Whether every byte is ASCII (Go's `isASCII` over runes: any non-ASCII scalar fails).
    static func isASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The string made of the bytes in `range` of `string`; `range` lies on scalar boundaries.
    static func string(_ string: String, _ range: Range<String.Index>) -> String {
        String(decoding: string.utf8[range], as: UTF8.self)
    }
}
