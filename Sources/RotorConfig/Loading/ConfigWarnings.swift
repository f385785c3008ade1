/// The warnings of `server.md` §1.4 and of options Rotor does not implement yet.
enum ConfigWarnings {
    /// Unknown top-level keys in the file and flags, unknown `CENTRIFUGO_*` variables, and unsupported
    /// options set to a non-default value.
    static func collect(layers: ConfigLayers, configuration: RotorConfiguration) -> [ConfigWarning] {
        var warnings: [ConfigWarning] = []
        func unknown(_ key: String, _ source: ConfigSource) {
            let removed = OptionCatalog.removedTopLevel[key] ?? OptionCatalog.removedChannelOptions[key]
            warnings.append(
                ConfigWarning(
                    source: source, key: key, kind: removed.map { .removedKey(replacement: $0) } ?? .unknownKey))
        }
        for key in layers.overrides.values.keys.sorted() where OptionCatalog.byKey[key] == nil {
            unknown(key, .flag(key))
        }
        let known = Set(OptionCatalog.table.map { ConfigLayers.environmentName(of: $0.key) })
        for variable in layers.environment.keys.sorted()
        where variable.hasPrefix("CENTRIFUGO_") && !known.contains(variable) {
            unknown(String(variable.dropFirst("CENTRIFUGO_".count)).lowercased(), .environment(variable))
        }
        for key in layers.file.keys where OptionCatalog.byKey[key] == nil {
            unknown(key, .file(layers.filePath))
        }
        let defaults = RotorConfiguration().optionValues
        let values = configuration.optionValues
        for spec in OptionCatalog.table where !spec.supported && values[spec.key] != defaults[spec.key] {
            warnings.append(
                ConfigWarning(source: configuration.source(of: spec.key), key: spec.key, kind: .unsupportedOption))
        }
        return warnings
    }
}
