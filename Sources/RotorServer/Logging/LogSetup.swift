import Logging
import RotorConfig

/// Process-wide logging from `log_level` and `log_file` (`server.md` §11).
enum LogSetup {
    /// What `bootstrap` chose.
    struct Choice {
        var level: Logger.Level
    }

    /// Logging before the configuration is known (errors reading it).
    static func bootstrapFallback() {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    }

    /// Sets up the process's log handler for `options`.
    static func bootstrap(_ options: GeneralOptions) -> Choice {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        return Choice(level: level(options.logLevel))
    }

    /// `log_level` → swift-log level (unknown → info).
    static func level(_ name: String) -> Logger.Level {
        switch name.lowercased() {
        case "trace": .trace
        case "debug": .debug
        case "warn": .warning
        case "error": .error
        case "fatal", "none": .critical
        default: .info
        }
    }
}
