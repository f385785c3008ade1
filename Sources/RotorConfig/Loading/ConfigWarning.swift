/// Something in the configuration that does not stop the server but deserves a log line.
public struct ConfigWarning: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Sendable, Hashable {
        /// The configuration file does not exist, cannot be read or has an unsupported extension
        /// (Centrifugo: `config file not found`).
        case configFileNotFound
        /// A key that is not a Centrifugo v4.1.5 option (Centrifugo ignores it silently).
        case unknownKey
        /// A v3 option that v4 removed or renamed; `replacement` says what to use instead.
        case removedKey(replacement: String)
        /// An option Rotor reads but does not implement yet.
        case unsupportedOption
    }

    /// Where the key was found.
    public var source: ConfigSource
    /// The key (`namespaces[1].publish`), the environment variable, or `""` for the file itself.
    public var key: String
    /// What is wrong.
    public var kind: Kind

    /// A warning about `key` from `source`.
    public init(source: ConfigSource, key: String, kind: Kind) {
        self.source = source
        self.key = key
        self.kind = kind
    }

    /// A log line naming the source and key.
    public var description: String {
        switch kind {
        case .configFileNotFound: "config file not found: \(source)"
        case .unknownKey: "\(source): \(key): unknown option, ignored"
        case .removedKey(let replacement):
            "\(source): \(key): not an option since Centrifugo v4 (\(replacement)), ignored"
        case .unsupportedOption: "\(source): \(key): option is not supported by Rotor yet, ignored"
        }
    }
}
