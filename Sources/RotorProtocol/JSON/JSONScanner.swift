/// A cursor over JSON bytes: whitespace, literals, numbers, strings and whole-value skipping.
///
/// Skipping is iterative (an explicit bit stack, not recursion), so hostile nesting cannot exhaust the
/// call stack; depth is bounded by `maxDepth` like the reference's decoder.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    var index: Int
    let maxDepth: Int
    /// Whether whitespace skipped so far contained an LF byte (raw payloads must lose them when embedded).
    private(set) var sawLineFeed = false

    init(bytes: UnsafeRawBufferPointer, maxDepth: Int = JSONScanner.defaultMaxDepth) {
        self.bytes = bytes
        self.index = 0
        self.maxDepth = maxDepth
    }

    /// Go's encoding/json nesting limit.
    static let defaultMaxDepth = 10_000

    var isAtEnd: Bool { index >= bytes.count }

    @inline(__always)
    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            if byte == 0x0A { sawLineFeed = true }
            index += 1
        }
    }

    var invalid: ProtocolDecodingError { .invalidJSON(offset: index) }

    mutating func expect(_ byte: UInt8) throws(ProtocolDecodingError) {
        guard index < bytes.count, bytes[index] == byte else { throw invalid }
        index += 1
    }

    /// Consumes `literal` (true, false, null) if it is next.
    mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            return false
        }
        index += count
        return true
    }

    /// Scans a string starting at its opening quote; returns the range of its content and whether it has escapes.
    mutating func scanString() throws(ProtocolDecodingError) -> (content: Range<Int>, hasEscapes: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = index
        var hasEscapes = false
        let count = bytes.count
        guard let base = bytes.baseAddress else { throw invalid }
        var position = index
        while true {
            // Fast path over ordinary string bytes, on a local cursor.
            while position < count {
                let byte = base.load(fromByteOffset: position, as: UInt8.self)
                if byte < 0x20 || byte == 0x22 || byte == 0x5C { break }
                position &+= 1
            }
            guard position < count else {
                index = position
                throw invalid
            }
            let byte = base.load(fromByteOffset: position, as: UInt8.self)
            if byte == UInt8(ascii: "\"") {
                index = position &+ 1
                return (start..<position, hasEscapes)
            }
            guard byte == UInt8(ascii: "\\") else {
                index = position
                throw invalid  // a raw control byte
            }
            hasEscapes = true
            position &+= 1
            guard position < count else {
                index = position
                throw invalid
            }
            switch base.load(fromByteOffset: position, as: UInt8.self) {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                position &+= 1
            case UInt8(ascii: "u"):
                guard count &- position > 4 else {
                    index = position
                    throw invalid
                }
                for offset in 1...4 where hexValue(bytes[position + offset]) == nil {
                    index = position
                    throw invalid
                }
                position &+= 5
            default:
                index = position
                throw invalid
            }
        }
    }

    /// Scans a number; returns its range and whether it is a plain integer (no fraction or exponent).
    mutating func scanNumber() throws(ProtocolDecodingError) -> (range: Range<Int>, isInteger: Bool) {
        let start = index
        var isInteger = true
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw invalid }
        index += 1
        if first != UInt8(ascii: "0") {
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let byte = peek(), isDigit(byte) else { throw invalid }
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let byte = peek(), isDigit(byte) else { throw invalid }
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        return (start..<index, isInteger)
    }

    /// Skips one complete JSON value (after optional whitespace), validating it.
    mutating func skipValue() throws(ProtocolDecodingError) {
        var stack = ContainerStack()
        skipWhitespace()
        while true {
            // At the start of a value.
            guard let byte = peek() else { throw invalid }
            switch byte {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    index += 1
                } else {
                    guard stack.depth < maxDepth else { throw .nestingTooDeep }
                    stack.push(isObject: true)
                    try scanMemberKey()
                    continue
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    index += 1
                } else {
                    guard stack.depth < maxDepth else { throw .nestingTooDeep }
                    stack.push(isObject: false)
                    continue
                }
            case UInt8(ascii: "\""):
                _ = try scanString()
            case UInt8(ascii: "t"):
                guard consumeLiteral("true") else { throw invalid }
            case UInt8(ascii: "f"):
                guard consumeLiteral("false") else { throw invalid }
            case UInt8(ascii: "n"):
                guard consumeLiteral("null") else { throw invalid }
            default:
                _ = try scanNumber()
            }
            // After a value: close containers or move to the next element.
            while true {
                guard stack.depth > 0 else { return }
                skipWhitespace()
                guard let next = peek() else { throw invalid }
                if next == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                    if stack.topIsObject { try scanMemberKey() }
                    break
                }
                let closer = stack.topIsObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard next == closer else { throw invalid }
                index += 1
                stack.pop()
            }
        }
    }

    /// Scans `"key" :` and the whitespace after it.
    private mutating func scanMemberKey() throws(ProtocolDecodingError) {
        _ = try scanString()
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
        skipWhitespace()
    }
}

@inline(__always)
func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always)
func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: byte - 0x30
    case 0x41...0x46: byte - 0x41 + 10
    case 0x61...0x66: byte - 0x61 + 10
    default: nil
    }
}

/// A stack of "object or array" flags: the first 64 levels live in a word, deeper ones in an array.
struct ContainerStack {
    private var low: UInt64 = 0
    private var high: [Bool] = []
    private(set) var depth = 0

    mutating func push(isObject: Bool) {
        if depth < 64 {
            if isObject { low |= 1 << UInt64(depth) } else { low &= ~(1 << UInt64(depth)) }
        } else {
            high.append(isObject)
        }
        depth += 1
    }

    mutating func pop() {
        depth -= 1
        if depth >= 64 { high.removeLast() }
    }

    var topIsObject: Bool {
        let top = depth - 1
        return top < 64 ? (low >> UInt64(top)) & 1 == 1 : high[top - 64]
    }
}

/// Checks raw payloads before they are embedded in JSON.
enum JSONValidator {
    /// Whether `bytes` hold exactly one JSON value with optional surrounding whitespace, and whether that
    /// whitespace contains LF bytes (LF can only be whitespace in valid JSON).
    static func check(_ bytes: UnsafeRawBufferPointer) -> (isValid: Bool, hasLineFeed: Bool) {
        var scanner = JSONScanner(bytes: bytes)
        do {
            try scanner.skipValue()
        } catch {
            return (false, false)
        }
        scanner.skipWhitespace()
        return (scanner.isAtEnd, scanner.sawLineFeed)
    }
}
