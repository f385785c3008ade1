/// Typed reads with the rules of Go's `encoding/json` for the field types the reference's claim structs use.
///
/// A JSON `null` leaves a Go field untouched, which these readers report as nil; any other mismatch is a
/// type error, which makes the whole token invalid.
extension JSONCursor {
    /// A Go `string` field.
    mutating func readGoString(field: String) throws(TokenJSONError) -> String? {
        switch try peekKind() {
        case .string: return try readString()
        case .null:
            try readNull()
            return nil
        default: throw .wrongType(field: field)
        }
    }

    /// A Go `bool` field.
    mutating func readGoBool(field: String) throws(TokenJSONError) -> Bool? {
        switch try peekKind() {
        case .bool: return try readBool()
        case .null:
            try readNull()
            return nil
        default: throw .wrongType(field: field)
        }
    }

    /// A Go `*int64` field: an integer literal in range (`1.0` and `1e3` are refused, as by `strconv.ParseInt`).
    mutating func readGoInt64(field: String) throws(TokenJSONError) -> Int64? {
        switch try peekKind() {
        case .number:
            guard let value = Int64(try readNumberText()) else { throw .wrongType(field: field) }
            return value
        case .null:
            try readNull()
            return nil
        default: throw .wrongType(field: field)
        }
    }

    /// A cristalhq `*NumericDate` field: a number, or a string holding a valid JSON number (Go's `json.Number`
    /// accepts both).
    mutating func readNumericDate(field: String) throws(TokenJSONError) -> NumericDate? {
        switch try peekKind() {
        case .number:
            guard let date = NumericDate(numberText: try readNumberText()) else { throw .wrongType(field: field) }
            return date
        case .string:
            let text = try readString()
            // The whole string must be one number, without surrounding whitespace.
            var inner = JSONCursor(Array(text.utf8))
            guard (try? inner.peekKind()) == .number, inner.offset == 0,
                let number = try? inner.readNumberText(), inner.offset == inner.bytes.count,
                let date = NumericDate(numberText: number)
            else { throw .wrongType(field: field) }
            return date
        case .null:
            try readNull()
            return nil
        default: throw .wrongType(field: field)
        }
    }

    /// A Go `[]string` field (`null` elements read as "").
    mutating func readGoStringArray(field: String) throws(TokenJSONError) -> [String]? {
        switch try peekKind() {
        case .array:
            var values: [String] = []
            var first = true
            try enterArray()
            while try nextElement(first: &first) {
                values.append(try readGoString(field: field) ?? "")
            }
            return values
        case .null:
            try readNull()
            return nil
        default: throw .wrongType(field: field)
        }
    }

    /// A cristalhq `Audience`: one string or an array of strings. Its custom decoder also refuses `null`
    /// and non-string elements.
    mutating func readAudience() throws(TokenJSONError) -> [String] {
        switch try peekKind() {
        case .string: return [try readString()]
        case .array:
            var values: [String] = []
            var first = true
            try enterArray()
            while try nextElement(first: &first) {
                guard try peekKind() == .string else { throw .wrongType(field: "aud") }
                values.append(try readString())
            }
            return values
        default: throw .wrongType(field: "aud")
        }
    }

    /// A Go struct or map field: true if an object follows (entered), false for `null` (consumed).
    mutating func enterGoObject(field: String) throws(TokenJSONError) -> Bool {
        switch try peekKind() {
        case .object:
            try enterObject()
            return true
        case .null:
            try readNull()
            return false
        default: throw .wrongType(field: field)
        }
    }
}
