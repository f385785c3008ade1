/// A configuration file format, chosen by the file's extension as Centrifugo does (`server.md` §1.1).
public enum ConfigFileFormat: String, Sendable, Hashable, CaseIterable {
    /// `.json`
    case json
    /// `.yaml` or `.yml`
    case yaml
    /// `.toml`
    case toml

    /// The format of `path` by its extension (case-sensitive, like Go's viper); nil for any other extension.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...] {
        case "json": self = .json
        case "yaml", "yml": self = .yaml
        case "toml": self = .toml
        default: return nil
        }
    }

    /// Parses `text` in this format into a tree.
    func parse(_ text: String) throws -> ConfigValue {
        switch self {
        case .json: try JSONConfigParser.parse(text)
        case .yaml: try YAMLConfigParser.parse(text)
        case .toml: try TOMLConfigParser.parse(text)
        }
    }
}
