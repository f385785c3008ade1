import OrderedCollections

/// A JSON syntax error with Centrifugo's position rule (`server.md` §1.1): the line and column of the byte at
/// which Go's decoder stopped.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// Column as Centrifugo computes it (bytes from the line start up to and including the offending byte).
    public var column: Int
    /// What is wrong, in Go's `encoding/json` words (e.g. `invalid character '}' after object key`).
    public var reason: String

    /// `JSON syntax error around line L, column C: <reason>`.
    public var description: String { "JSON syntax error around line \(line), column \(column): \(reason)" }
}

/// Parses a JSON document into a `ConfigValue` tree; integers stay integers, other numbers become doubles.
struct JSONConfigParser {
    private let bytes: [UInt8]
    private var index = 0

    /// A parser over `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Parses one JSON value followed only by whitespace.
    static func parse(_ text: String) throws(JSONSyntaxError) -> ConfigValue {
        var parser = JSONConfigParser(text)
        let value = try parser.value(context: "looking for beginning of value")
        parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            throw parser.error("invalid character \(parser.quoted(parser.bytes[parser.index])) after top-level value")
        }
        return value
    }

    private mutating func value(context: String) throws(JSONSyntaxError) -> ConfigValue {
        skipWhitespace()
        guard index < bytes.count else { throw endError() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("invalid character \(quoted(bytes[index])) \(context)")
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> ConfigValue {
        index += 1
        var result = OrderedDictionary<String, ConfigValue>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(result)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw endError() }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("invalid character \(quoted(bytes[index])) looking for beginning of object key string")
            }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count else { throw endError() }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw error("invalid character \(quoted(bytes[index])) after object key")
            }
            index += 1
            result[key] = try value(context: "looking for beginning of value")
            skipWhitespace()
            guard index < bytes.count else { throw endError() }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(result)
            default: throw error("invalid character \(quoted(bytes[index])) after object key:value pair")
            }
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> ConfigValue {
        index += 1
        var result: [ConfigValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(result)
        }
        while true {
            result.append(try value(context: "looking for beginning of value"))
            skipWhitespace()
            guard index < bytes.count else { throw endError() }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(result)
            default: throw error("invalid character \(quoted(bytes[index])) after array element")
            }
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                index += 1
                guard index < bytes.count else { throw endError() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default:
                    index -= 1
                    throw error("invalid character \(quoted(escape)) in string escape code")
                }
            case 0..<0x20:
                throw error("invalid character \(quoted(byte)) in string literal")
            default:
                raw.append(byte)
                index += 1
            }
        }
        throw endError()
    }

    /// The scalar of `\uXXXX` (with a following low surrogate when needed); bad pairs become U+FFFD like Go.
    private mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            let saved = index
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            index = saved
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endError() }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid character \(quoted(byte)) in \\u hexadecimal character escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func number() throws(JSONSyntaxError) -> ConfigValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw endError() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        } else {
            throw error("invalid character \(quoted(bytes[index])) in numeric literal")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count else { throw endError() }
            guard isDigit(bytes[index]) else {
                throw error("invalid character \(quoted(bytes[index])) after decimal point in numeric literal")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count else { throw endError() }
            guard isDigit(bytes[index]) else {
                throw error("invalid character \(quoted(bytes[index])) in exponent of numeric literal")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .int(integer) }
        return .double(Double(text) ?? 0)
    }

    private mutating func literal(_ word: String, _ value: ConfigValue) throws(JSONSyntaxError) -> ConfigValue {
        for expected in word.utf8 {
            guard index < bytes.count else { throw endError() }
            guard bytes[index] == expected else {
                throw error(
                    "invalid character \(quoted(bytes[index])) in literal \(word) (expecting \(quoted(expected)))")
            }
            index += 1
        }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index += 1
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Go's `quoteChar`: `'x'`, with `'\''` and `'"'` special.
    private func quoted(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: "'") { return "'\\''" }
        if byte == UInt8(ascii: "\"") { return "'\"'" }
        let inner = goQuote(String(decoding: [byte], as: UTF8.self)).dropFirst().dropLast()
        return "'" + inner + "'"
    }

    /// An error at the current byte (Go's offset counts it as read).
    private func error(_ reason: String) -> JSONSyntaxError {
        position(offset: min(index + 1, bytes.count), reason: reason)
    }

    private func endError() -> JSONSyntaxError {
        position(offset: bytes.count, reason: "unexpected end of JSON input")
    }

    private func position(offset: Int, reason: String) -> JSONSyntaxError {
        let prefix = bytes[..<offset]
        let line = 1 + prefix.count(where: { $0 == 0x0A })
        let lineStart = (prefix.lastIndex(of: 0x0A) ?? -1) + 1
        return JSONSyntaxError(line: line, column: offset - lineStart, reason: reason)
    }
}
