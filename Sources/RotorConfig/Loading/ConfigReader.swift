/// Reads typed option values from the layered sources, turning every type or duration problem into a
/// `ConfigurationError` that names the source and the key; records where each set option came from.
struct ConfigReader {
    /// The sources.
    let layers: ConfigLayers
    /// Where every option read so far came from, when not from its default.
    private(set) var sources: [String: ConfigSource] = [:]
    /// Warnings found while reading (unknown fields of objects).
    var warnings: [ConfigWarning] = []

    /// A reader over `layers`.
    init(_ layers: ConfigLayers) {
        self.layers = layers
    }

    /// The raw value of `key` and its source, recorded.
    mutating func raw(_ key: String) -> (value: ConfigValue, source: ConfigSource) {
        let found = layers.lookup(key)
        if found.source != .defaultValue { sources[key] = found.source }
        return found
    }

    /// A boolean option.
    mutating func bool(_ key: String) throws(ConfigurationError) -> Bool {
        let (value, source) = raw(key)
        guard let result = value.goBool else { throw mismatch(key, source, "a boolean", value) }
        return result
    }

    /// An integer option.
    mutating func int(_ key: String) throws(ConfigurationError) -> Int {
        let (value, source) = raw(key)
        guard let result = value.goInt else { throw mismatch(key, source, "an integer", value) }
        return result
    }

    /// A string option.
    mutating func string(_ key: String) throws(ConfigurationError) -> String {
        let (value, source) = raw(key)
        guard let result = value.goString else { throw mismatch(key, source, "a string", value) }
        return result
    }

    /// A string-list option.
    mutating func stringList(_ key: String) throws(ConfigurationError) -> [String] {
        let (value, source) = raw(key)
        guard let result = value.goStringList else { throw mismatch(key, source, "a list of strings", value) }
        return result
    }

    /// A top-level duration option (`GetDuration`): a Go duration string, at least 1ms when positive.
    mutating func duration(_ key: String) throws(ConfigurationError) -> Duration {
        try readDuration(key, wholeSeconds: false)
    }

    /// A duration option that must be whole seconds (`history_ttl`, `history_meta_ttl`, `presence_ttl`).
    mutating func secondsDuration(_ key: String) throws(ConfigurationError) -> Duration {
        try readDuration(key, wholeSeconds: true)
    }

    /// The objects of an object-list option, with unknown fields (not in `known`) warned about.
    mutating func objects(_ key: String, known: Set<String>) throws(ConfigurationError) -> [ObjectFields] {
        let (value, source) = raw(key)
        let objects = try ObjectList.objects(value, key: key, source: source)
        for object in objects {
            for field in object.unknownFields(known: known) {
                let removed = key == "namespaces" ? OptionCatalog.removedChannelOptions[field.lowercased()] : nil
                let kind: ConfigWarning.Kind = removed.map { .removedKey(replacement: $0) } ?? .unknownKey
                warnings.append(ConfigWarning(source: source, key: "\(object.path).\(field)", kind: kind))
            }
        }
        return objects
    }

    private mutating func readDuration(_ key: String, wholeSeconds: Bool) throws(ConfigurationError) -> Duration {
        let (value, source) = raw(key)
        guard let text = value.goString else { throw mismatch(key, source, "a duration string", value) }
        func malformed(_ reason: String) -> ConfigurationError {
            ConfigurationError(source: source, key: key, problem: .malformedDuration(key: key, reason: reason))
        }
        let parsed: GoDuration
        do {
            parsed = try GoDuration(parsing: text)
        } catch {
            throw malformed(error.description)
        }
        let nanos = parsed.nanoseconds
        if nanos > 0 && nanos < 1_000_000 {
            throw malformed("\(parsed), minimal duration resolution is 1ms \u{2013} make sure correct time unit set")
        }
        if wholeSeconds && nanos > 0 && nanos < 1_000_000_000 {
            throw malformed("\(parsed), minimal duration resolution is 1s for this key")
        }
        if wholeSeconds && nanos > 0 && nanos % 1_000_000_000 != 0 {
            throw malformed("\(parsed), sub-second precision is not supported for this key")
        }
        return parsed.duration
    }

    private func mismatch(
        _ key: String,
        _ source: ConfigSource,
        _ expected: String,
        _ value: ConfigValue
    ) -> ConfigurationError {
        ConfigurationError(
            source: source, key: key, problem: .typeMismatch(expected: expected, found: value.errorDescription))
    }
}
