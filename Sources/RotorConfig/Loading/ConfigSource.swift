/// Where a configuration value came from, highest priority first (`server.md` §1.1).
public enum ConfigSource: Sendable, Hashable, CustomStringConvertible {
    /// A command-line flag that was given explicitly, e.g. `--port`.
    case flag(String)
    /// An environment variable, e.g. `CENTRIFUGO_PORT`.
    case environment(String)
    /// The configuration file at this path.
    case file(String)
    /// The built-in default.
    case defaultValue

    /// `flag --port`, `environment variable CENTRIFUGO_PORT`, the file path, or `default`.
    public var description: String {
        switch self {
        case .flag(let name): "flag --\(name)"
        case .environment(let name): "environment variable \(name)"
        case .file(let path): path
        case .defaultValue: "default"
        }
    }
}
