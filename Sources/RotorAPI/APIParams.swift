import NIOCore
import OrderedCollections
import RotorProtocol

/// A request object read the way Go's `encoding/json` fills a struct (`server.md` §4.1): keys match
/// field names case-insensitively, the last duplicate wins, unknown keys are ignored, `null` leaves a
/// field at its zero value (raw fields excepted: they keep the 4 bytes `null`), and a value of the wrong
/// type is an error.
struct APIParams {
    private var members: [String: JSONRawValue] = [:]

    /// The empty object (what `null` decodes to).
    init() {}

    /// Reads an object or `null`; anything else is a type error.
    init(_ value: JSONRawValue) throws(ProtocolDecodingError) {
        if value.isNull { return }
        guard value.kind == .object else { throw .typeMismatch(offset: 0) }
        for (key, member) in try value.members() { members[key.lowercased()] = member }
    }

    /// The member named `key`, if present (including `null`).
    subscript(key: String) -> JSONRawValue? { members[key] }

    /// Whether a member named `key` is present (even as `null`).
    func contains(_ key: String) -> Bool { members[key] != nil }

    /// A present, non-null member.
    private func value(_ key: String) -> JSONRawValue? {
        guard let value = members[key], !value.isNull else { return nil }
        return value
    }

    func string(_ key: String) throws(ProtocolDecodingError) -> String {
        try value(key)?.string() ?? ""
    }

    func bool(_ key: String) throws(ProtocolDecodingError) -> Bool {
        try value(key)?.bool() ?? false
    }

    func integer<T: FixedWidthInteger>(_ key: String, as type: T.Type = T.self) throws(ProtocolDecodingError) -> T {
        try value(key)?.integer(T.self) ?? 0
    }

    /// A raw JSON field: its bytes (the 4 bytes `null` for `null`), or nil when absent.
    func raw(_ key: String) -> ByteBuffer? {
        members[key]?.raw
    }

    /// A nested object, or nil when absent or `null`.
    func object(_ key: String) throws(ProtocolDecodingError) -> APIParams? {
        guard let value = value(key) else { return nil }
        return try APIParams(value)
    }

    /// A list of strings (`null` elements are empty strings).
    func strings(_ key: String) throws(ProtocolDecodingError) -> [String] {
        guard let value = value(key) else { return [] }
        guard value.kind == .array else { throw .typeMismatch(offset: 0) }
        var result: [String] = []
        for element in try value.elements() {
            result.append(element.isNull ? "" : try element.string())
        }
        return result
    }

    /// A map of strings to strings (`null` values are empty strings); order as in the document.
    func stringMap(_ key: String) throws(ProtocolDecodingError) -> OrderedDictionary<String, String> {
        guard let value = value(key) else { return [:] }
        guard value.kind == .object else { throw .typeMismatch(offset: 0) }
        var result: OrderedDictionary<String, String> = [:]
        for (name, element) in try value.members() {
            result[name] = element.isNull ? "" : try element.string()
        }
        return result
    }

    /// A `{"value": bool}` wrapper (`BoolValue`), or nil when absent or `null`.
    func boolValue(_ key: String) throws(ProtocolDecodingError) -> Bool? {
        guard let wrapper = try object(key) else { return nil }
        return try wrapper.bool("value")
    }

    /// A `{"offset", "epoch"}` stream position, or nil when absent or `null`.
    func streamPosition(_ key: String) throws(ProtocolDecodingError) -> StreamPosition? {
        guard let position = try object(key) else { return nil }
        return StreamPosition(
            offset: try position.integer("offset", as: UInt64.self), epoch: try position.string("epoch"))
    }
}
