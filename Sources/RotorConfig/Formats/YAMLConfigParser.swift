import OrderedCollections
import Yams

/// Reads a YAML document into a `ConfigValue` tree, with scalars typed by the YAML core resolver.
enum YAMLConfigParser {
    /// Parses the first document of `text`; an empty document is an empty object.
    static func parse(_ text: String) throws -> ConfigValue {
        guard let node = try Yams.compose(yaml: text) else { return .object([:]) }
        return convert(node)
    }

    private static func convert(_ node: Node) -> ConfigValue {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(ConfigValue.bool) ?? .string(scalar.string)
            case .int:
                if let int = node.int { return .int(int) }
                return node.float.map(ConfigValue.double) ?? .string(scalar.string)
            case .float: return node.float.map(ConfigValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var object = OrderedDictionary<String, ConfigValue>()
            for (key, value) in mapping {
                object[key.string ?? "\(key)"] = convert(value)
            }
            return .object(object)
        case .sequence(let sequence):
            return .array(sequence.map(convert))
        case .alias:
            return .null
        }
    }
}
