import OrderedCollections

/// One value of a configuration tree, whatever file format or source it came from.
///
/// Objects keep their keys as written and in file order; the loader lower-cases top-level keys as Centrifugo does.
public enum ConfigValue: Sendable, Hashable {
    /// An explicit null (JSON `null`, YAML `~` or an empty value); treated as unset.
    case null
    /// A boolean.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A floating-point number (JSON numbers with a fraction or exponent, TOML/YAML floats).
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([ConfigValue])
    /// An object (JSON object, YAML mapping, TOML table).
    case object(OrderedDictionary<String, ConfigValue>)

    /// A short name of the value's type for error messages (`string`, `number`, `array` …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
