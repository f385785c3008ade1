import Foundation
import OrderedCollections

/// The sources of option values in precedence order: explicit flags, `CENTRIFUGO_*` environment variables,
/// the configuration file, then the built-in defaults (`server.md` §1.1).
struct ConfigLayers: Sendable {
    /// A top-level object with lower-cased keys.
    typealias FileObject = OrderedDictionary<String, ConfigValue>

    /// Explicitly given flags.
    var overrides: ConfigOverrides
    /// The process environment.
    var environment: [String: String]
    /// The file's top-level object with lower-cased keys (empty without a file).
    var file: OrderedDictionary<String, ConfigValue>
    /// The path of the file, for messages.
    var filePath: String

    /// The environment variable of `key`: `CENTRIFUGO_` + the key upper-cased, dots replaced by `_`.
    static func environmentName(of key: String) -> String {
        "CENTRIFUGO_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    /// The value of `key` from the highest-priority source that has it. An empty environment variable and a
    /// null in the file count as unset.
    func lookup(_ key: String) -> (value: ConfigValue, source: ConfigSource) {
        if let value = overrides.values[key], value != .null { return (value, .flag(key)) }
        let variable = Self.environmentName(of: key)
        if let text = environment[variable], !text.isEmpty { return (.string(text), .environment(variable)) }
        if let value = file[key], value != .null { return (value, .file(filePath)) }
        return (OptionCatalog.byKey[key]?.defaultValue ?? .null, .defaultValue)
    }
}
