import NIOCore
import RotorProtocol

extension JSONValue {
    /// Parses one JSON document (surrounding whitespace allowed); nil if it is not valid JSON.
    public init?(parsing text: String) {
        self.init(parsing: ByteBuffer(string: text))
    }

    /// Parses UTF-8 bytes as one JSON document.
    public init?(parsing bytes: [UInt8]) {
        self.init(parsing: ByteBuffer(bytes: bytes))
    }

    /// Parses the readable bytes of `buffer` as one JSON document, with RotorProtocol's reader.
    public init?(parsing buffer: ByteBuffer) {
        guard let raw = try? JSONRawValue.parse(buffer) else { return nil }
        self.init(raw)
    }

    /// The tree of a raw value (duplicate object keys: the last wins).
    public init?(_ raw: JSONRawValue) {
        switch raw.kind {
        case .null: self = .null
        case .bool:
            guard let value = try? raw.bool() else { return nil }
            self = .bool(value)
        case .number:
            guard let value = try? raw.double() else { return nil }
            self = .number(value)
        case .string:
            guard let value = try? raw.string() else { return nil }
            self = .string(value)
        case .array:
            guard let elements = try? raw.elements() else { return nil }
            var values: [JSONValue] = []
            for element in elements {
                guard let value = JSONValue(element) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case .object:
            guard let members = try? raw.members() else { return nil }
            var values: [String: JSONValue] = [:]
            for member in members {
                guard let value = JSONValue(member.value) else { return nil }
                values[member.key] = value
            }
            self = .object(values)
        }
    }
}
