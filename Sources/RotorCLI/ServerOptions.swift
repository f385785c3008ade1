import ArgumentParser
import RotorConfig

/// What the root command's flags ask of the server: which configuration file to read and the options given
/// on the command line, which win over the file and the environment (`server.md` §1.1, §10.1).
public struct ServerOptions: Sendable, Hashable {
    /// The configuration file path (`-c/--config`).
    public var configPath: String
    /// The flags that were given, as option overrides for `ConfigLoader.load(path:environment:overrides:)`.
    public var overrides: ConfigOverrides

    /// Options with the given path and overrides.
    public init(configPath: String = "config.json", overrides: ConfigOverrides = ConfigOverrides()) {
        self.configPath = configPath
        self.overrides = overrides
    }

    /// The options of a parsed root command.
    public init(_ root: RootCommand) {
        var values = root.valueOverrides
        values.merge(root.switches.overrides) { $1 }
        self.init(configPath: root.config, overrides: ConfigOverrides(values))
    }

    /// Parses root-command flags (no subcommand); throws ArgumentParser's error for unknown or malformed
    /// flags.
    public static func parse(_ arguments: [String]) throws -> ServerOptions {
        ServerOptions(try RootCommand.parse(arguments))
    }
}
