import OrderedCollections

/// The fields of one object of `namespaces`, `rpc_namespaces` or `proxies`, read with the semantics of the
/// form it came in (`server.md` §1.1): a file array is decoded weakly (like Go's mapstructure: numbers,
/// strings and booleans interchange; a duration number is nanoseconds), a JSON string strictly (like
/// `encoding/json`: types must match; durations are strings or nanosecond numbers, at least 1ms).
struct ObjectFields {
    /// How values are decoded.
    enum Mode {
        /// mapstructure with weakly typed input (objects in the file).
        case weak
        /// encoding/json (the option given as a JSON string, e.g. from an environment variable).
        case json
    }

    /// The object.
    let fields: OrderedDictionary<String, ConfigValue>
    /// How to decode it.
    let mode: Mode
    /// Its key path, e.g. `namespaces[2]`.
    let path: String
    /// Where it came from.
    let source: ConfigSource

    /// The value of `name`, matched case-insensitively as both Go decoders do; nil when absent or null.
    func value(_ name: String) -> ConfigValue? {
        if let exact = fields[name] { return exact == .null ? nil : exact }
        let match = fields.first { $0.key.lowercased() == name }?.value
        return match == .null ? nil : match
    }

    /// Field names that are not in `known` (compared case-insensitively).
    func unknownFields(known: Set<String>) -> [String] {
        fields.keys.filter { !known.contains($0.lowercased()) }
    }

    /// A boolean field.
    func bool(_ name: String) throws(ConfigurationError) -> Bool? {
        guard let value = value(name) else { return nil }
        switch (mode, value) {
        case (_, .bool(let flag)): return flag
        case (.weak, .int(let number)): return number != 0
        case (.weak, .double(let number)): return number != 0
        case (.weak, .string(let text)):
            if text.isEmpty { return false }
            if let flag = ConfigValue.parseBool(text) { return flag }
        default: break
        }
        throw mismatch(name, "a boolean", value)
    }

    /// An integer field.
    func int(_ name: String) throws(ConfigurationError) -> Int? {
        guard let value = value(name) else { return nil }
        switch (mode, value) {
        case (_, .int(let number)): return number
        case (.weak, .double(let number)) where number.isFinite && abs(number) < 9.2e18: return Int(number)
        case (.weak, .bool(let flag)): return flag ? 1 : 0
        case (.weak, .string(let text)):
            if text.isEmpty { return 0 }
            if let number = ConfigValue.parseInt(text) { return number }
        default: break
        }
        throw mismatch(name, "an integer", value)
    }

    /// A string field.
    func string(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = value(name) else { return nil }
        switch (mode, value) {
        case (_, .string(let text)): return text
        case (.weak, .bool(let flag)): return flag ? "1" : "0"
        case (.weak, .int(let number)): return String(number)
        case (.weak, .double(let number)): return ConfigValue.formatFloat(number)
        default: throw mismatch(name, "a string", value)
        }
    }

    /// A list-of-strings field (weak mode also takes one comma-separated string).
    func stringList(_ name: String) throws(ConfigurationError) -> [String]? {
        guard let value = value(name) else { return nil }
        switch (mode, value) {
        case (.weak, .string(let text)):
            return text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        case (_, .array(let items)):
            var result: [String] = []
            for item in items {
                switch (mode, item) {
                case (_, .string(let text)): result.append(text)
                case (.weak, _) where item.goString != nil: result.append(item.goString ?? "")
                default: throw mismatch(name, "a list of strings", value)
                }
            }
            return result
        default: throw mismatch(name, "a list of strings", value)
        }
    }

    /// A duration field: a Go duration string, or a number of nanoseconds (`server.md` §15 quirk 7). From a
    /// JSON string, positive values below 1ms are rejected.
    func duration(_ name: String) throws(ConfigurationError) -> Duration? {
        guard let value = value(name) else { return nil }
        let key = "\(path).\(name)"
        func malformed(_ reason: String) -> ConfigurationError {
            ConfigurationError(source: source, key: key, problem: .malformedDuration(key: key, reason: reason))
        }
        let parsed: GoDuration
        switch (mode, value) {
        case (_, .string(let text)):
            do {
                parsed = try GoDuration(parsing: text)
            } catch {
                throw malformed(error.description)
            }
        case (_, .int(let number)): parsed = GoDuration(nanoseconds: Int64(number))
        case (_, .double(let number)) where number.isFinite && abs(number) < 9.2e18:
            parsed = GoDuration(nanoseconds: Int64(number))
        case (.weak, .bool(let flag)): parsed = GoDuration(nanoseconds: flag ? 1 : 0)
        default: throw mismatch(name, "a duration", value)
        }
        if mode == .json, parsed.nanoseconds > 0, parsed.nanoseconds < 1_000_000 {
            throw malformed("\(parsed), minimal duration resolution is 1ms \u{2013} make sure correct time unit set")
        }
        return parsed.duration
    }

    private func mismatch(_ name: String, _ expected: String, _ value: ConfigValue) -> ConfigurationError {
        ConfigurationError(
            source: source,
            key: "\(path).\(name)",
            problem: .typeMismatch(expected: expected, found: value.errorDescription)
        )
    }
}
