/// Why a token's JSON (header, claims or a JWKS document) was refused.
enum TokenJSONError: Error, Equatable {
    /// The bytes are not one well-formed JSON value (offset of the first bad byte).
    case malformed(offset: Int)
    /// A known field holds a value of the wrong JSON type.
    case wrongType(field: String)
}

/// A forward-only reader over one JSON document, validating as it goes.
///
/// Values the caller does not care about are skipped *and validated*, so a document is accepted only if it
/// is well formed throughout, as Go's `encoding/json` requires. Skipping is iterative with an explicit
/// container stack bounded by `maxDepth` (Go's limit), so hostile nesting cannot exhaust the call stack.
struct JSONCursor {
    /// The kind of the next value, judged from its first byte.
    enum Kind: Equatable {
        case object, array, string, number, bool, null
    }

    let bytes: [UInt8]
    var offset = 0
    let maxDepth: Int

    init(_ bytes: [UInt8], maxDepth: Int = 10_000) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    var malformed: TokenJSONError { .malformed(offset: offset) }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// Skips whitespace and names the kind of the value that starts there.
    mutating func peekKind() throws(TokenJSONError) -> Kind {
        skipWhitespace()
        guard offset < bytes.count else { throw malformed }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw malformed
        }
    }

    /// Requires that only whitespace is left.
    mutating func finish() throws(TokenJSONError) {
        skipWhitespace()
        guard offset == bytes.count else { throw malformed }
    }

    // MARK: Containers

    /// Consumes the `{` of an object.
    mutating func enterObject() throws(TokenJSONError) {
        skipWhitespace()
        try expect(UInt8(ascii: "{"))
    }

    /// Reads the next member's key and its `:`; nil once the closing `}` is consumed.
    /// `first` tracks whether a separating comma is due and must start as true for each object.
    mutating func nextKey(first: inout Bool) throws(TokenJSONError) -> String? {
        skipWhitespace()
        guard offset < bytes.count else { throw malformed }
        if bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            return nil
        }
        if !first {
            try expect(UInt8(ascii: ","))
            skipWhitespace()
        }
        first = false
        let key = try readStringValue()
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Consumes the `[` of an array.
    mutating func enterArray() throws(TokenJSONError) {
        skipWhitespace()
        try expect(UInt8(ascii: "["))
    }

    /// Whether another element follows (its comma consumed); false once the closing `]` is consumed.
    mutating func nextElement(first: inout Bool) throws(TokenJSONError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw malformed }
        if bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        return true
    }

    // MARK: Scalars

    /// Reads a string value (escapes decoded).
    mutating func readString() throws(TokenJSONError) -> String {
        skipWhitespace()
        return try readStringValue()
    }

    /// Reads a number and returns its literal text.
    mutating func readNumberText() throws(TokenJSONError) -> Substring {
        skipWhitespace()
        let range = try scanNumber()
        return Substring(decoding: bytes[range], as: UTF8.self)
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws(TokenJSONError) -> Bool {
        skipWhitespace()
        if consume("true") { return true }
        if consume("false") { return false }
        throw malformed
    }

    /// Reads `null`.
    mutating func readNull() throws(TokenJSONError) {
        skipWhitespace()
        guard consume("null") else { throw malformed }
    }

    // MARK: Whole values

    /// Skips one complete value, validating it, and returns the exact byte range it occupied.
    mutating func skipValue() throws(TokenJSONError) -> Range<Int> {
        skipWhitespace()
        let start = offset
        var open: [UInt8] = []
        var valueDue = true
        while true {
            if valueDue {
                valueDue = try scanValueStart(into: &open)
                continue
            }
            // A value just ended: close containers or consume the separator before the next value.
            guard let container = open.last else { return start..<offset }
            skipWhitespace()
            guard offset < bytes.count else { throw malformed }
            let isObject = container == UInt8(ascii: "{")
            switch bytes[offset] {
            case UInt8(ascii: ","):
                offset += 1
                if isObject { try scanKeyAndColon() }
                valueDue = true
            case isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"):
                offset += 1
                open.removeLast()
            default:
                throw malformed
            }
        }
    }

    /// Consumes a scalar or an empty container (returns false), or opens a non-empty container, pushing it on
    /// `open` and consuming the first key of an object (returns true: its first value is due).
    private mutating func scanValueStart(into open: inout [UInt8]) throws(TokenJSONError) -> Bool {
        switch try peekKind() {
        case .object, .array:
            let opener = bytes[offset]
            offset += 1
            skipWhitespace()
            let closer = opener == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if offset < bytes.count, bytes[offset] == closer {
                offset += 1
                return false
            }
            guard open.count < maxDepth else { throw malformed }
            open.append(opener)
            if opener == UInt8(ascii: "{") { try scanKeyAndColon() }
            return true
        case .string: _ = try scanString()
        case .number: _ = try scanNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        }
        return false
    }

    private mutating func scanKeyAndColon() throws(TokenJSONError) {
        skipWhitespace()
        _ = try scanString()
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
    }

    // MARK: Lexing

    mutating func expect(_ byte: UInt8) throws(TokenJSONError) {
        guard offset < bytes.count, bytes[offset] == byte else { throw malformed }
        offset += 1
    }

    private mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - offset >= count else { return false }
        for index in 0..<count where bytes[offset + index] != literal.utf8Start[index] {
            return false
        }
        offset += count
        return true
    }

    /// Scans `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` and returns its range.
    private mutating func scanNumber() throws(TokenJSONError) -> Range<Int> {
        let start = offset
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw malformed }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
        } else {
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw malformed }
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw malformed }
            skipDigits()
        }
        return start..<offset
    }

    private mutating func skipDigits() {
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
