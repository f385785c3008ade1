import NIOCore
import OrderedCollections

/// Writes protocol messages as the reference server's JSON (spec §2.1): snake_case keys in field order,
/// omit-if-zero except the "always written" fields, raw embedded payloads without LF bytes, HTML-safe
/// string escaping. Each raw payload is checked to be exactly one JSON value (a payload that is not
/// cannot travel on a JSON connection, spec §2.1) unless the caller vouches for it.
struct JSONWriter: MessageVisitor {
    var out: RawOutput
    /// Whether payloads are already known to be single JSON values without LF bytes.
    let payloadsAreValidJSON: Bool
    /// Whether the object being written already has a field (so the next one needs a comma).
    private var hasField = false

    init(out: RawOutput, payloadsAreValidJSON: Bool) {
        self.out = out
        self.payloadsAreValidJSON = payloadsAreValidJSON
    }

    mutating func writeObject<M: ProtocolMessage>(_ message: M) throws(ProtocolEncodingError) {
        let outer = hasField
        hasField = false
        out.byte(UInt8(ascii: "{"))
        try message.traverse(&self)
        out.byte(UInt8(ascii: "}"))
        hasField = outer
    }

    @inline(__always)
    private mutating func writeKey(_ key: StaticString) {
        if hasField { out.byte(UInt8(ascii: ",")) }
        hasField = true
        out.byte(UInt8(ascii: "\""))
        out.staticString(key)
        out.byte(UInt8(ascii: "\""))
        out.byte(UInt8(ascii: ":"))
    }

    mutating func visitString(_ value: String, field: Int, key: StaticString, always: Bool) {
        guard always || !value.isEmpty else { return }
        writeKey(key)
        JSONStringEscaper.writeQuoted(value, to: &out)
    }

    mutating func visitRaw(_ value: ByteBuffer?, field: Int, key: StaticString) throws(ProtocolEncodingError) {
        guard let value else { return }
        writeKey(key)
        let isValid = value.withUnsafeReadableBytes { bytes in
            var hasLineFeed = false
            if !payloadsAreValidJSON {
                let check = JSONValidator.check(bytes)
                guard check.isValid else { return false }
                hasLineFeed = check.hasLineFeed
            }
            if hasLineFeed {
                for byte in bytes where byte != 0x0A { out.byte(byte) }
            } else {
                out.bytes(bytes)
            }
            return true
        }
        guard isValid else { throw .payloadNotJSON }
    }

    mutating func visitBytesAsString(_ value: ByteBuffer?, field: Int, key: StaticString) {
        guard let value else { return }
        writeKey(key)
        value.withUnsafeReadableBytes { JSONStringEscaper.writeQuoted(bytes: $0, to: &out) }
    }

    mutating func visitBool(_ value: Bool, field: Int, key: StaticString) {
        guard value else { return }
        writeKey(key)
        out.staticString("true")
    }

    mutating func visitUInt32(_ value: UInt32, field: Int, key: StaticString, always: Bool) {
        guard always || value != 0 else { return }
        writeKey(key)
        out.decimal(UInt64(value))
    }

    mutating func visitUInt64(_ value: UInt64, field: Int, key: StaticString, always: Bool) {
        guard always || value != 0 else { return }
        writeKey(key)
        out.decimal(value)
    }

    mutating func visitInt32(_ value: Int32, field: Int, key: StaticString) {
        guard value != 0 else { return }
        writeKey(key)
        if value < 0 { out.byte(UInt8(ascii: "-")) }
        out.decimal(UInt64(value.magnitude))
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
        out.byte(UInt8(ascii: "["))
        for index in value.indices {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            try writeObject(value[index])
        }
        out.byte(UInt8(ascii: "]"))
    }

    mutating func visitMap<M: ProtocolMessage>(
        _ value: OrderedDictionary<String, M>, field: Int, key: StaticString, always: Bool
    ) throws(ProtocolEncodingError) {
        guard always || !value.isEmpty else { return }
        writeKey(key)
        out.byte(UInt8(ascii: "{"))
        for index in value.elements.indices {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            JSONStringEscaper.writeQuoted(value.keys[index], to: &out)
            out.byte(UInt8(ascii: ":"))
            try writeObject(value.values[index])
        }
        out.byte(UInt8(ascii: "}"))
    }

    mutating func visitStringMap(_ value: OrderedDictionary<String, String>, field: Int, key: StaticString) {
        guard !value.isEmpty else { return }
        writeKey(key)
        out.byte(UInt8(ascii: "{"))
        for index in value.elements.indices {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            JSONStringEscaper.writeQuoted(value.keys[index], to: &out)
            out.byte(UInt8(ascii: ":"))
            JSONStringEscaper.writeQuoted(value.values[index], to: &out)
        }
        out.byte(UInt8(ascii: "}"))
    }
}
