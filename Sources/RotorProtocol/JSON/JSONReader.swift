import NIOCore
import OrderedCollections

/// Decodes protocol messages from JSON the way the reference decoder accepts them (spec §2.1): unknown
/// keys ignored, case-insensitive key fallback, `null` meaning "not set" (but the 4 bytes `null` for raw
/// fields), numbers that must fit their field exactly.
struct JSONReader: FieldDecoder {
    var scanner: JSONScanner
    /// The buffer `scanner.bytes` views; raw values are returned as slices of it, without copying.
    let source: ByteBuffer

    init(bytes: UnsafeRawBufferPointer, source: ByteBuffer) {
        self.scanner = JSONScanner(bytes: bytes)
        self.source = source
    }

    /// Decodes the top-level message. Bytes after the first value are ignored, as the reference parser does.
    mutating func decodeTopLevel<M: ProtocolMessage>(into message: inout M) throws(ProtocolDecodingError) {
        scanner.skipWhitespace()
        if scanner.consumeLiteral("null") { return }
        guard scanner.peek() == UInt8(ascii: "{") else {
            let offset = scanner.index
            try scanner.skipValue()  // throws invalidJSON for text that is no JSON at all
            throw .typeMismatch(offset: offset)
        }
        try decodeObject(into: &message)
    }

    private mutating func decodeObject<M: ProtocolMessage>(into message: inout M) throws(ProtocolDecodingError) {
        try forEachMember {
            (reader: inout JSONReader, key: Range<Int>, hasEscapes: Bool) throws(ProtocolDecodingError) in
            if let number = reader.fieldNumber(ofKey: key, hasEscapes: hasEscapes, in: M.fieldTable) {
                try message.decodeField(number, from: &reader)
            } else {
                try reader.scanner.skipValue()
            }
        }
    }

    /// Maps a scanned object key to a field number of `table` (nil for unknown keys).
    private func fieldNumber(ofKey key: Range<Int>, hasEscapes: Bool, in table: FieldTable) -> Int? {
        if !hasEscapes {
            return table.number(forKey: UnsafeRawBufferPointer(rebasing: scanner.bytes[key]))
        }
        return unescape(key).withUnsafeBytes { table.number(forKey: $0) }
    }

    /// The string whose content `scanString` found at `content`.
    private func string(at content: Range<Int>, hasEscapes: Bool) -> String {
        if !hasEscapes {
            return String(decoding: UnsafeRawBufferPointer(rebasing: scanner.bytes[content]), as: UTF8.self)
        }
        return String(decoding: unescape(content), as: UTF8.self)
    }

    /// Walks the members of the object at the cursor, calling `body` with each key's content range; `body`
    /// reads the value.
    private mutating func forEachMember(
        _ body: (inout JSONReader, Range<Int>, Bool) throws(ProtocolDecodingError) -> Void
    ) throws(ProtocolDecodingError) {
        guard scanner.peek() == UInt8(ascii: "{") else { throw .typeMismatch(offset: scanner.index) }
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.index += 1
            return
        }
        while true {
            scanner.skipWhitespace()
            let (key, hasEscapes) = try scanner.scanString()
            scanner.skipWhitespace()
            try scanner.expect(UInt8(ascii: ":"))
            scanner.skipWhitespace()
            try body(&self, key, hasEscapes)
            scanner.skipWhitespace()
            guard let next = scanner.peek() else { throw scanner.invalid }
            scanner.index += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw .invalidJSON(offset: scanner.index - 1) }
        }
    }

    /// Resolves the escapes of a scanned (already validated) string; lone surrogates become U+FFFD.
    private func unescape(_ content: Range<Int>) -> [UInt8] {
        let bytes = scanner.bytes
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = content.lowerBound
        func hex4(at position: Int) -> UInt32 {
            var value: UInt32 = 0
            for offset in 0..<4 { value = value << 4 | UInt32(hexValue(bytes[position + offset])!) }
            return value
        }
        while index < content.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let kind = bytes[index + 1]
            index += 2
            switch kind {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(at: index)
                index += 4
                if (0xD800..<0xDC00).contains(scalar), content.upperBound - index >= 6,
                    bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                {
                    let low = hex4(at: index + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                output.append(contentsOf: UTF8.encode(character)!)
            default: output.append(kind)  // `"` `\` `/`
            }
        }
        return output
    }

    // MARK: FieldDecoder

    mutating func decodeString() throws(ProtocolDecodingError) -> String {
        if scanner.consumeLiteral("null") { return "" }
        guard scanner.peek() == UInt8(ascii: "\"") else { throw .typeMismatch(offset: scanner.index) }
        let (content, hasEscapes) = try scanner.scanString()
        return string(at: content, hasEscapes: hasEscapes)
    }

    mutating func decodeRaw() throws(ProtocolDecodingError) -> ByteBuffer {
        let start = scanner.index
        try scanner.skipValue()
        return source.getSlice(at: source.readerIndex + start, length: scanner.index - start)!
    }

    mutating func decodeBytesAsString() throws(ProtocolDecodingError) -> ByteBuffer {
        if scanner.consumeLiteral("null") { return ByteBuffer() }
        guard scanner.peek() == UInt8(ascii: "\"") else { throw .typeMismatch(offset: scanner.index) }
        let (content, hasEscapes) = try scanner.scanString()
        if !hasEscapes {
            return source.getSlice(at: source.readerIndex + content.lowerBound, length: content.count)!
        }
        return ByteBuffer(bytes: unescape(content))
    }

    mutating func decodeBool() throws(ProtocolDecodingError) -> Bool {
        if scanner.consumeLiteral("true") { return true }
        if scanner.consumeLiteral("false") || scanner.consumeLiteral("null") { return false }
        throw .typeMismatch(offset: scanner.index)
    }

    /// Reads an integer literal that must lie in `minimum...maximum`.
    private mutating func readInteger(minimum: Int64, maximum: UInt64) throws(ProtocolDecodingError) -> (
        negative: Bool, magnitude: UInt64
    ) {
        let offset = scanner.index
        guard let first = scanner.peek(), first == UInt8(ascii: "-") || isDigit(first) else {
            throw .typeMismatch(offset: offset)
        }
        let (range, isInteger) = try scanner.scanNumber()
        guard isInteger else { throw .numberOutOfRange(offset: offset) }
        let negative = scanner.bytes[range.lowerBound] == UInt8(ascii: "-")
        var magnitude: UInt64 = 0
        for position in (negative ? range.lowerBound + 1 : range.lowerBound)..<range.upperBound {
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(scanner.bytes[position] - 0x30))
            guard !overflow1, !overflow2 else { throw .numberOutOfRange(offset: offset) }
            magnitude = sum
        }
        if negative {
            guard minimum < 0, magnitude <= minimum.magnitude else { throw .numberOutOfRange(offset: offset) }
        } else {
            guard magnitude <= maximum else { throw .numberOutOfRange(offset: offset) }
        }
        return (negative, magnitude)
    }

    mutating func decodeUInt32() throws(ProtocolDecodingError) -> UInt32 {
        if scanner.consumeLiteral("null") { return 0 }
        return UInt32(try readInteger(minimum: 0, maximum: UInt64(UInt32.max)).magnitude)
    }

    mutating func decodeUInt64() throws(ProtocolDecodingError) -> UInt64 {
        if scanner.consumeLiteral("null") { return 0 }
        return try readInteger(minimum: 0, maximum: UInt64.max).magnitude
    }

    mutating func decodeInt32() throws(ProtocolDecodingError) -> Int32 {
        if scanner.consumeLiteral("null") { return 0 }
        let (negative, magnitude) = try readInteger(minimum: Int64(Int32.min), maximum: UInt64(Int32.max))
        return negative ? Int32(truncatingIfNeeded: 0 &- Int64(magnitude)) : Int32(magnitude)
    }

    mutating func decodeMessage<M: ProtocolMessage>(_ value: inout M?) throws(ProtocolDecodingError) {
        if scanner.consumeLiteral("null") {
            value = nil
            return
        }
        guard scanner.peek() == UInt8(ascii: "{") else { throw .typeMismatch(offset: scanner.index) }
        if value == nil { value = M() }
        try decodeObject(into: &value!)  // merges in place
    }

    mutating func decodeRepeated<M: ProtocolMessage>(_ value: inout [M]) throws(ProtocolDecodingError) {
        if scanner.consumeLiteral("null") {
            value = []
            return
        }
        guard scanner.peek() == UInt8(ascii: "[") else { throw .typeMismatch(offset: scanner.index) }
        scanner.index += 1
        var elements: [M] = []
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "]") {
            scanner.index += 1
            value = elements
            return
        }
        while true {
            scanner.skipWhitespace()
            var element: M? = nil
            try decodeMessage(&element)
            elements.append(element ?? M())
            scanner.skipWhitespace()
            guard let next = scanner.peek() else { throw scanner.invalid }
            scanner.index += 1
            if next == UInt8(ascii: "]") { break }
            guard next == UInt8(ascii: ",") else { throw .invalidJSON(offset: scanner.index - 1) }
        }
        value = elements
    }

    mutating func decodeMap<M: ProtocolMessage>(_ value: inout OrderedDictionary<String, M>)
        throws(ProtocolDecodingError)
    {
        if scanner.consumeLiteral("null") {
            value = [:]
            return
        }
        var entries: OrderedDictionary<String, M> = [:]
        try forEachMember {
            (reader: inout JSONReader, key: Range<Int>, hasEscapes: Bool) throws(ProtocolDecodingError) in
            var element: M? = nil
            try reader.decodeMessage(&element)
            entries[reader.string(at: key, hasEscapes: hasEscapes)] = element ?? M()
        }
        value = entries
    }

    mutating func decodeStringMap(_ value: inout OrderedDictionary<String, String>) throws(ProtocolDecodingError) {
        if scanner.consumeLiteral("null") {
            value = [:]
            return
        }
        var entries: OrderedDictionary<String, String> = [:]
        try forEachMember {
            (reader: inout JSONReader, key: Range<Int>, hasEscapes: Bool) throws(ProtocolDecodingError) in
            entries[reader.string(at: key, hasEscapes: hasEscapes)] = try reader.decodeString()
        }
        value = entries
    }
}
