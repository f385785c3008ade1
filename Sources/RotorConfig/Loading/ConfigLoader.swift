import RotorCore
import RotorTokens

/// A configuration that passed every startup check, with what the server builds from it.
public struct LoadedConfiguration: Sendable {
    /// Every option.
    public var configuration: RotorConfiguration
    /// The validated channel rules.
    public var rules: ChannelRules
    /// The validated token options.
    public var tokens: TokenConfiguration
    /// Things to log: missing file, unknown keys, unsupported options.
    public var warnings: [ConfigWarning]
    /// The configuration file that was read; nil when none was found.
    public var filePath: String?
}

/// Loads the configuration as Centrifugo v4.1.5 does at startup (`server.md` §1.1, §1.3).
public enum ConfigLoader {
    /// Reads the file at `path` (missing → warning, not an error), layers environment variables and explicit
    /// flags over it, reads every option and runs every startup check.
    public static func load(
        path: String,
        environment: [String: String] = [:],
        overrides: ConfigOverrides = ConfigOverrides()
    ) throws(ConfigurationError) -> LoadedConfiguration {
        let file = try ConfigFile.read(path: path)
        var loaded = try load(file: file ?? [:], path: path, environment: environment, overrides: overrides)
        if file == nil {
            loaded.filePath = nil
            loaded.warnings.insert(ConfigWarning(source: .file(path), key: "", kind: .configFileNotFound), at: 0)
        }
        return loaded
    }

    /// Like `load(path:…)` with the file's text given; `path` is only named in messages.
    public static func load(
        contents: String,
        format: ConfigFileFormat,
        path: String,
        environment: [String: String] = [:],
        overrides: ConfigOverrides = ConfigOverrides()
    ) throws(ConfigurationError) -> LoadedConfiguration {
        let file = try ConfigFile.parse(contents, format: format, path: path)
        return try load(file: file, path: path, environment: environment, overrides: overrides)
    }

    private static func load(
        file: ConfigLayers.FileObject,
        path: String,
        environment: [String: String],
        overrides: ConfigOverrides
    ) throws(ConfigurationError) -> LoadedConfiguration {
        let layers = ConfigLayers(overrides: overrides, environment: environment, file: file, filePath: path)
        var reader = ConfigReader(layers)
        let configuration = try RotorConfiguration(reading: &reader)
        let rules = try configuration.channelRules()
        try configuration.validateOptions()
        let tokens = try configuration.tokenConfiguration()
        let warnings = reader.warnings + ConfigWarnings.collect(layers: layers, configuration: configuration)
        return LoadedConfiguration(
            configuration: configuration, rules: rules, tokens: tokens, warnings: warnings, filePath: path)
    }
}
