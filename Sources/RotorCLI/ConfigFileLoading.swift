import RotorConfig

/// How the token commands read the configuration: like Centrifugo's `readConfig`, a missing file is not an
/// error (environment variables still apply), a broken one is.
enum ConfigFileLoading {
    /// The loaded configuration, or the line to print after `error: `.
    static func load(path: String, context: CLIContext) -> Result<LoadedConfiguration, CommandFailure> {
        do {
            return .success(try ConfigLoader.load(path: path, environment: context.environment))
        } catch {
            return .failure(CommandFailure("error: \(readErrorMessage(error))"))
        }
    }

    /// Centrifugo prints viper's parse error (`While parsing config: <reason>`) for a broken file; errors only
    /// Rotor detects while reading (types, durations, startup checks) name the file and key.
    static func readErrorMessage(_ error: ConfigurationError) -> String {
        switch error.problem {
        case .jsonSyntax(let syntax): "While parsing config: \(syntax.reason)"
        case .fileSyntax(let reason): "While parsing config: \(reason)"
        default: error.description
        }
    }

    /// `checkconfig`'s message for a configuration Rotor refuses (`server.md` §10.2): Centrifugo's text for the
    /// problems Centrifugo's `checkconfig` reports (JSON syntax, other syntax as viper's `While parsing config`,
    /// channel rules), otherwise `configuration error: <file>: <key>: <problem>`.
    static func checkMessage(_ error: ConfigurationError) -> String {
        switch error.problem {
        case .jsonSyntax(let syntax): syntax.description
        case .fileSyntax(let reason): "configuration error: While parsing config: \(reason)"
        case .channel(let channel): "configuration error: \(channel)"
        default: "configuration error: \(error.description)"
        }
    }
}

/// A command's failure: the line it prints on standard output before exiting with status 1.
struct CommandFailure: Error {
    /// The complete line, e.g. `error: no HMAC secret key set`.
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
