/// Weakly typed conversions with the semantics of Go's `spf13/cast` as viper uses them (`server.md` §1.1):
/// integers and strings interchange, booleans parse like `strconv.ParseBool`. A value that Go would silently
/// turn into a zero value is nil here, so the loader can report it.
extension ConfigValue {
    /// `GetBool`: a boolean, a number (non-zero is true) or a `strconv.ParseBool` string.
    var goBool: Bool? {
        switch self {
        case .bool(let value): value
        case .int(let value): value != 0
        case .double(let value): value != 0
        case .string(let text): Self.parseBool(text)
        default: nil
        }
    }

    /// `GetInt`: a number (fractions truncated), a decimal string (`"9000"`, `"12.0"`), or a boolean (1/0).
    var goInt: Int? {
        switch self {
        case .int(let value): value
        case .double(let value): value.isFinite && abs(value) < 9.2e18 ? Int(value) : nil
        case .bool(let value): value ? 1 : 0
        case .string(let text): Self.parseInt(text)
        default: nil
        }
    }

    /// `GetString`: a string, or a number or boolean in Go's text form (`300`, `1.5`, `true`).
    var goString: String? {
        switch self {
        case .string(let text): text
        case .int(let value): String(value)
        case .double(let value): Self.formatFloat(value)
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// `GetStringSlice`: an array (each element as a string) or a string split on whitespace.
    var goStringList: [String]? {
        switch self {
        case .array(let items):
            var result: [String] = []
            for item in items {
                guard let text = item.goString else { return nil }
                result.append(text)
            }
            return result
        case .string(let text):
            return text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        default:
            return nil
        }
    }

    /// Go's `strconv.ParseBool`.
    static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }

    /// An integer as `cast.ToInt` reads text: a `.0…` suffix is dropped, then Go's `strconv.ParseInt(s, 0, 0)`
    /// (optional sign; `0x`, `0o`, `0b` or a leading `0` choose the base; `_` may separate prefixed digits).
    static func parseInt(_ text: String) -> Int? {
        var digits = Substring(text)
        if let dot = digits.firstIndex(of: "."), digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            digits = digits[..<dot]
        }
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        var prefixed = false
        let lower = digits.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            radix = lower.hasPrefix("0x") ? 16 : lower.hasPrefix("0o") ? 8 : 2
            digits = digits.dropFirst(2)
            prefixed = true
        } else if digits.count > 1, digits.hasPrefix("0") {
            radix = 8
            digits = digits.dropFirst()
            prefixed = true
        }
        if prefixed, digits.hasPrefix("_") { digits = digits.dropFirst() }
        if digits.hasPrefix("_") || digits.hasSuffix("_") || digits.contains("__") { return nil }
        digits = Substring(digits.filter { $0 != "_" })
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }),
            let magnitude = Int(digits, radix: radix)
        else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// Go's `strconv.FormatFloat(f, 'f', -1, 64)` for the values configuration files hold.
    static func formatFloat(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e18 { return String(Int64(value)) }
        return "\(value)"
    }

    /// The value as shown in a type error: its type, and strings quoted.
    var errorDescription: String {
        switch self {
        case .string(let text): "string \(goQuote(text))"
        case .bool(let value): "boolean \(value)"
        case .int(let value): "number \(value)"
        case .double(let value): "number \(Self.formatFloat(value))"
        default: typeName
        }
    }
}
