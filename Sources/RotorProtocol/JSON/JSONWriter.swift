import NIOCore
import OrderedCollections

/// Writes protocol messages as the reference server's JSON (spec §2.1): snake_case keys in field order,
/// omit-if-zero except the "always written" fields, raw embedded payloads without LF bytes, HTML-safe
/// string escaping.
struct JSONWriter: MessageVisitor {
    var buffer: ByteBuffer
    /// Whether the object being written already has a field (so the next one needs a comma).
    private var hasField = false

    init(buffer: ByteBuffer) {
        self.buffer = buffer
    }

    mutating func writeObject<M: ProtocolMessage>(_ message: M) throws(ProtocolEncodingError) {
        let outer = hasField
        hasField = false
        buffer.writeInteger(UInt8(ascii: "{"))
        try message.traverse(&self)
        buffer.writeInteger(UInt8(ascii: "}"))
        hasField = outer
    }

    @inline(__always)
    private mutating func writeKey(_ key: StaticString) {
        if hasField {
            buffer.writeInteger(UInt8(ascii: ","))
        }
        hasField = true
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(key)
        buffer.writeInteger(UInt16(0x223A))  // `":`
    }

    mutating func visitString(_ value: String, field: Int, key: StaticString, always: Bool) {
        guard always || !value.isEmpty else { return }
        writeKey(key)
        JSONStringEscaper.writeQuoted(value, to: &buffer)
    }

    mutating func visitRaw(_ value: ByteBuffer, field: Int, key: StaticString) throws(ProtocolEncodingError) {
        guard value.readableBytes > 0 else { return }
        writeKey(key)
        try JSONRawPayload.write(value, to: &buffer)
    }

    mutating func visitBytesAsString(_ value: ByteBuffer, field: Int, key: StaticString) {
        guard value.readableBytes > 0 else { return }
        writeKey(key)
        value.withUnsafeReadableBytes { JSONStringEscaper.writeQuoted(bytes: $0, to: &buffer) }
    }

    mutating func visitBool(_ value: Bool, field: Int, key: StaticString) {
        guard value else { return }
        writeKey(key)
        buffer.writeStaticString("true")
    }

    mutating func visitUInt32(_ value: UInt32, field: Int, key: StaticString, always: Bool) {
        guard always || value != 0 else { return }
        writeKey(key)
        JSONNumber.write(UInt64(value), to: &buffer)
    }

    mutating func visitUInt64(_ value: UInt64, field: Int, key: StaticString, always: Bool) {
        guard always || value != 0 else { return }
        writeKey(key)
        JSONNumber.write(value, to: &buffer)
    }

    mutating func visitInt32(_ value: Int32, field: Int, key: StaticString) {
        guard value != 0 else { return }
        writeKey(key)
        if value < 0 {
            buffer.writeInteger(UInt8(ascii: "-"))
        }
        JSONNumber.write(UInt64(value.magnitude), to: &buffer)
    }

    mutating func visitMessage<M: ProtocolMessage>(_ value: M, field: Int, key: StaticString)
        throws(ProtocolEncodingError)
    {
        writeKey(key)
        try writeObject(value)
    }

    mutating func visitRepeated<M: ProtocolMessage>(_ value: [M], field: Int, key: StaticString, always: Bool)
        throws(ProtocolEncodingError)
    {
        guard always || !value.isEmpty else { return }
        writeKey(key)
        buffer.writeInteger(UInt8(ascii: "["))
        for (index, element) in value.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            try writeObject(element)
        }
        buffer.writeInteger(UInt8(ascii: "]"))
    }

    mutating func visitMap<M: ProtocolMessage>(
        _ value: OrderedDictionary<String, M>, field: Int, key: StaticString, always: Bool
    ) throws(ProtocolEncodingError) {
        guard always || !value.isEmpty else { return }
        writeKey(key)
        buffer.writeInteger(UInt8(ascii: "{"))
        var first = true
        for (entryKey, entryValue) in value {
            if !first { buffer.writeInteger(UInt8(ascii: ",")) }
            first = false
            JSONStringEscaper.writeQuoted(entryKey, to: &buffer)
            buffer.writeInteger(UInt8(ascii: ":"))
            try writeObject(entryValue)
        }
        buffer.writeInteger(UInt8(ascii: "}"))
    }

    mutating func visitStringMap(_ value: OrderedDictionary<String, String>, field: Int, key: StaticString) {
        guard !value.isEmpty else { return }
        writeKey(key)
        buffer.writeInteger(UInt8(ascii: "{"))
        var first = true
        for (entryKey, entryValue) in value {
            if !first { buffer.writeInteger(UInt8(ascii: ",")) }
            first = false
            JSONStringEscaper.writeQuoted(entryKey, to: &buffer)
            buffer.writeInteger(UInt8(ascii: ":"))
            JSONStringEscaper.writeQuoted(entryValue, to: &buffer)
        }
        buffer.writeInteger(UInt8(ascii: "}"))
    }
}

/// Decimal integers as the reference writes them.
enum JSONNumber {
    static func write(_ value: UInt64, to buffer: inout ByteBuffer) {
        if value < 10 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: value) &+ 0x30)
            return
        }
        var digits = 0
        var rest = value
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: digits) { pointer in
            var rest = value
            var position = digits
            while position > 0 {
                position -= 1
                pointer[position] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
            }
            return digits
        }
    }
}

/// Embeds a raw `bytes` payload as a JSON value (spec §2.1).
enum JSONRawPayload {
    /// Writes `payload` without its LF bytes, after checking that it is exactly one JSON value.
    static func write(_ payload: ByteBuffer, to buffer: inout ByteBuffer) throws(ProtocolEncodingError) {
        let isValid = payload.withUnsafeReadableBytes { bytes in JSONValidator.isSingleValue(bytes) }
        guard isValid else { throw .payloadNotJSON }
        payload.withUnsafeReadableBytes { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == 0x0A {
                    if index > start { buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[start..<index])) }
                    start = index + 1
                }
                index += 1
            }
            if start == 0 {
                buffer.writeBytes(bytes)
            } else if start < bytes.count {
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[start...]))
            }
        }
    }
}
