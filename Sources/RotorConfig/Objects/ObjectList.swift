/// Splits an object-list option (`namespaces`, `rpc_namespaces`, `proxies`) into its objects: an array in the
/// file, or a string holding a JSON array (how the environment supplies them, `server.md` §1.1).
enum ObjectList {
    /// The objects of `key`, each with its key path and decoding mode.
    static func objects(
        _ value: ConfigValue,
        key: String,
        source: ConfigSource
    ) throws(ConfigurationError) -> [ObjectFields] {
        let items: [ConfigValue]
        let mode: ObjectFields.Mode
        switch value {
        case .null: return []
        case .array(let array):
            items = array
            mode = .weak
        case .string(let text):
            let parsed: ConfigValue
            do {
                parsed = try JSONConfigParser.parse(text)
            } catch {
                throw ConfigurationError(source: source, key: key, problem: .jsonSyntax(error))
            }
            guard case .array(let array) = parsed else {
                throw ConfigurationError(
                    source: source, key: key, problem: .typeMismatch(expected: "a JSON array", found: parsed.typeName))
            }
            items = array
            mode = .json
        default:
            throw ConfigurationError(
                source: source, key: key, problem: .typeMismatch(expected: "an array", found: value.errorDescription))
        }
        var result: [ObjectFields] = []
        for (index, item) in items.enumerated() {
            let path = "\(key)[\(index)]"
            guard case .object(let fields) = item else {
                throw ConfigurationError(
                    source: source, key: path,
                    problem: .typeMismatch(expected: "an object", found: item.errorDescription))
            }
            result.append(ObjectFields(fields: fields, mode: mode, path: path, source: source))
        }
        return result
    }
}
