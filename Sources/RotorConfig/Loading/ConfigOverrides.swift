/// Option values from command-line flags that were given explicitly; they win over every other source.
///
/// The CLI fills this with the flags the user typed (an unset flag must not appear: its default is only a
/// fallback, `server.md` §1.1). Keys are option names (`port`, `log_level`); values are as parsed by the CLI.
public struct ConfigOverrides: Sendable, Hashable {
    /// Flag values by option key.
    public var values: [String: ConfigValue]

    /// Overrides from `values` (option key → value).
    public init(_ values: [String: ConfigValue] = [:]) {
        self.values = values
    }

    /// Sets or reads the value of option `key`.
    public subscript(key: String) -> ConfigValue? {
        get { values[key] }
        set { values[key] = newValue }
    }
}
