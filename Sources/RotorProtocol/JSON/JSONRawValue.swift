import NIOCore

/// One JSON value read from bytes: its kind and its exact bytes, with strict typed accessors.
///
/// For readers that must keep parts of a document verbatim (the server API copies `data`, `info`, …
/// byte for byte) and still read other members with Go-like strictness: a string is only a string, an
/// integer only an integer literal that fits. Members and elements are found by re-scanning `raw`, so a
/// value costs nothing until it is looked into. Nesting is bounded like the protocol decoder's.
public struct JSONRawValue: Sendable {
    /// The JSON type of a value.
    public enum Kind: Sendable, Hashable {
        /// `{…}`
        case object
        /// `[…]`
        case array
        /// `"…"`
        case string
        /// A number literal.
        case number
        /// `true` or `false`.
        case bool
        /// `null`.
        case null
    }

    /// The value's type.
    public let kind: Kind
    /// Exactly the value's bytes (no surrounding whitespace).
    public let raw: ByteBuffer

    /// The single JSON value of `buffer` (whitespace around it allowed, nothing else).
    public static func parse(_ buffer: ByteBuffer) throws(ProtocolDecodingError) -> JSONRawValue {
        var stream = JSONValueStream(buffer)
        guard let value = try stream.next() else { throw .invalidJSON(offset: buffer.readableBytes) }
        guard try stream.next() == nil else { throw .invalidJSON(offset: value.raw.readableBytes) }
        return value
    }

    /// Whether the value is `null`.
    public var isNull: Bool { kind == .null }

    /// The members of an object, in document order (duplicate keys kept); keys unescaped.
    public func members() throws(ProtocolDecodingError) -> [(key: String, value: JSONRawValue)] {
        guard kind == .object else { throw .typeMismatch(offset: 0) }
        return try raw.withUnsafeReadableBytes { bytes throws(ProtocolDecodingError) in
            var reader = JSONReader(bytes: bytes, source: raw)
            var result: [(key: String, value: JSONRawValue)] = []
            reader.scanner.index = 1
            reader.scanner.skipWhitespace()
            if reader.scanner.peek() == UInt8(ascii: "}") { return result }
            while true {
                reader.scanner.skipWhitespace()
                let key = try reader.decodeString()
                reader.scanner.skipWhitespace()
                try reader.scanner.expect(UInt8(ascii: ":"))
                reader.scanner.skipWhitespace()
                result.append((key, try Self.value(at: &reader.scanner, in: raw)))
                reader.scanner.skipWhitespace()
                if reader.scanner.peek() == UInt8(ascii: "}") { return result }
                try reader.scanner.expect(UInt8(ascii: ","))
            }
        }
    }

    /// The elements of an array, in order.
    public func elements() throws(ProtocolDecodingError) -> [JSONRawValue] {
        guard kind == .array else { throw .typeMismatch(offset: 0) }
        return try raw.withUnsafeReadableBytes { bytes throws(ProtocolDecodingError) in
            var scanner = JSONScanner(bytes: bytes)
            var result: [JSONRawValue] = []
            scanner.index = 1
            scanner.skipWhitespace()
            if scanner.peek() == UInt8(ascii: "]") { return result }
            while true {
                scanner.skipWhitespace()
                result.append(try Self.value(at: &scanner, in: raw))
                scanner.skipWhitespace()
                if scanner.peek() == UInt8(ascii: "]") { return result }
                try scanner.expect(UInt8(ascii: ","))
            }
        }
    }

    /// The unescaped text of a string (invalid UTF-8 and lone surrogates become U+FFFD).
    public func string() throws(ProtocolDecodingError) -> String {
        guard kind == .string else { throw .typeMismatch(offset: 0) }
        return try raw.withUnsafeReadableBytes { bytes throws(ProtocolDecodingError) in
            var reader = JSONReader(bytes: bytes, source: raw)
            return try reader.decodeString()
        }
    }

    /// The value of `true` / `false`.
    public func bool() throws(ProtocolDecodingError) -> Bool {
        guard kind == .bool else { throw .typeMismatch(offset: 0) }
        return raw.getInteger(at: raw.readerIndex, as: UInt8.self) == UInt8(ascii: "t")
    }

    /// An integer literal (no fraction, no exponent) that fits `type`; unsigned types take no sign at all.
    public func integer<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(ProtocolDecodingError) -> T {
        guard kind == .number else { throw .typeMismatch(offset: 0) }
        var negative = false
        var magnitude: T.Magnitude = 0
        for (position, byte) in raw.readableBytesView.enumerated() {
            if position == 0 && byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard isDigit(byte) else { throw .numberOutOfRange(offset: 0) }
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(T.Magnitude(byte - 0x30))
            guard !overflow1, !overflow2 else { throw .numberOutOfRange(offset: 0) }
            magnitude = sum
        }
        if negative {
            guard T.isSigned else { throw .numberOutOfRange(offset: 0) }  // even `-0`, as Go's ParseUint
            guard magnitude <= T.min.magnitude else { throw .numberOutOfRange(offset: 0) }
            return magnitude == T.min.magnitude ? T.min : 0 - T(magnitude)
        }
        guard magnitude <= T.max.magnitude else { throw .numberOutOfRange(offset: 0) }
        return T(magnitude)
    }

    /// Any number literal as a `Double`.
    public func double() throws(ProtocolDecodingError) -> Double {
        guard kind == .number, let value = Double(String(buffer: raw)) else { throw .typeMismatch(offset: 0) }
        return value
    }

    /// Scans the value at the scanner's cursor (no leading whitespace) and returns it as a slice of `source`.
    fileprivate static func value(at scanner: inout JSONScanner, in source: ByteBuffer)
        throws(ProtocolDecodingError) -> JSONRawValue
    {
        let start = scanner.index
        guard let first = scanner.peek() else { throw scanner.invalid }
        try scanner.skipValue()
        let kind: Kind
        switch first {
        case UInt8(ascii: "{"): kind = .object
        case UInt8(ascii: "["): kind = .array
        case UInt8(ascii: "\""): kind = .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): kind = .bool
        case UInt8(ascii: "n"): kind = .null
        default: kind = .number
        }
        let slice = source.getSlice(at: source.readerIndex + start, length: scanner.index - start)!
        return JSONRawValue(kind: kind, raw: slice)
    }
}

/// Reads consecutive JSON values from one buffer, as Go's streaming `json.Decoder` does: any JSON
/// whitespace (or none) between values; bytes that cannot start a value fail the next read, not the
/// value before them (`12x` yields 12, then an error).
public struct JSONValueStream: Sendable {
    private let source: ByteBuffer
    private var offset = 0

    /// A stream over `buffer`'s readable bytes.
    public init(_ buffer: ByteBuffer) {
        self.source = buffer
    }

    /// The next value, or nil when only whitespace is left. A malformed value throws (and the stream
    /// should not be read further).
    public mutating func next() throws(ProtocolDecodingError) -> JSONRawValue? {
        let start = offset
        let source = source
        let (value, end) = try source.withUnsafeReadableBytes {
            bytes throws(ProtocolDecodingError) -> (JSONRawValue?, Int) in
            var scanner = JSONScanner(bytes: bytes)
            scanner.index = start
            scanner.skipWhitespace()
            if scanner.isAtEnd { return (nil, scanner.index) }
            let value = try JSONRawValue.value(at: &scanner, in: source)
            return (value, scanner.index)
        }
        offset = end
        return value
    }
}

/// Writes JSON into a `ByteBuffer`, placing commas and colons itself; strings are escaped the way the
/// reference server (Go `encoding/json`) escapes them.
public struct JSONBuilder: Sendable {
    /// The JSON written so far.
    public private(set) var buffer: ByteBuffer
    /// One entry per open container: whether it already has an element.
    private var hasElement: [Bool] = []
    /// Whether a key was just written (the next value follows it without a comma).
    private var afterKey = false

    /// An empty builder.
    public init() {
        buffer = ByteBuffer()
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = hasElement.last {
            if last { buffer.writeInteger(UInt8(ascii: ",")) }
            hasElement[hasElement.count - 1] = true
        }
    }

    /// Opens an object `{`.
    public mutating func beginObject() {
        separate()
        buffer.writeInteger(UInt8(ascii: "{"))
        hasElement.append(false)
    }

    /// Closes the innermost object `}`.
    public mutating func endObject() {
        hasElement.removeLast()
        buffer.writeInteger(UInt8(ascii: "}"))
    }

    /// Opens an array `[`.
    public mutating func beginArray() {
        separate()
        buffer.writeInteger(UInt8(ascii: "["))
        hasElement.append(false)
    }

    /// Closes the innermost array `]`.
    public mutating func endArray() {
        hasElement.removeLast()
        buffer.writeInteger(UInt8(ascii: "]"))
    }

    /// Writes a member key inside an object; the next value written is its value.
    public mutating func key(_ key: String) {
        separate()
        writeQuoted(key)
        buffer.writeInteger(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes a string value.
    public mutating func string(_ value: String) {
        separate()
        writeQuoted(value)
    }

    /// Writes an integer value.
    public mutating func integer<T: BinaryInteger>(_ value: T) {
        separate()
        buffer.writeString(String(value))
    }

    /// Writes a boolean value.
    public mutating func bool(_ value: Bool) {
        separate()
        buffer.writeString(value ? "true" : "false")
    }

    /// Writes a number as Go's `encoding/json` formats a float64: integral values without a fraction,
    /// exponents outside 1e-6…1e21 as `1e-7` / `1e+21`. (Fractions below 1e-4 keep Swift's exponent form,
    /// where Go writes plain decimals.) NaN and infinities, which JSON cannot carry, become 0.
    public mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else {
            buffer.writeString("0")
            return
        }
        let magnitude = abs(value)
        if magnitude < 9e18, value == value.rounded(), magnitude >= 1e-6 || magnitude == 0 {
            buffer.writeString(String(Int64(value)))
            return
        }
        var text = Array("\(value)".utf8)
        if let e = text.firstIndex(of: UInt8(ascii: "e")), e + 3 < text.count, text[e + 1] == UInt8(ascii: "-"),
            text[e + 2] == UInt8(ascii: "0")
        {
            text.remove(at: e + 2)
        }
        buffer.writeBytes(text)
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        buffer.writeString("null")
    }

    /// Writes a JSON value verbatim; the caller guarantees it is one valid JSON value.
    public mutating func rawValue(_ value: ByteBuffer) {
        separate()
        var copy = value
        buffer.writeBuffer(&copy)
    }

    /// Writes a valid JSON value as Go's `json.Marshal` re-emits embedded raw JSON: insignificant
    /// whitespace removed, and `<` `>` `&` U+2028 U+2029 inside strings written as `\u` escapes.
    public mutating func compactedValue(_ value: ByteBuffer) {
        separate()
        var inString = false
        var escaped = false
        let bytes = Array(value.readableBytesView)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if !inString {
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
                if byte == UInt8(ascii: "\"") { inString = true }
                buffer.writeInteger(byte)
                continue
            }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            } else if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") {
                buffer.writeString(
                    byte == UInt8(ascii: "<") ? "\\u003c" : byte == UInt8(ascii: ">") ? "\\u003e" : "\\u0026")
                continue
            } else if byte == 0xE2, index + 1 < bytes.count, bytes[index] == 0x80,
                bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9
            {
                buffer.writeString(bytes[index + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 2
                continue
            }
            buffer.writeInteger(byte)
        }
    }

    private mutating func writeQuoted(_ value: String) {
        let bound = value.utf8.count * 6 + 2
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: bound) { pointer in
            var out = RawOutput(base: pointer.baseAddress!, capacity: bound)
            JSONStringEscaper.writeQuoted(value, to: &out)
            return out.count
        }
    }
}
