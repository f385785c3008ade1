import Logging
import RotorConfig

/// Process-wide logging from `log_level` and `log_file` (`server.md` §11): JSON lines appended to `log_file`
/// when set; else the console form on stdout when stdout is a terminal; else JSON lines on stderr. `none`
/// silences everything.
enum LogSetup {
    /// What `bootstrap` chose.
    struct Choice {
        /// The level loggers should use.
        var level: Logger.Level
        /// Why `log_file` could not be used (logging then goes to the default destination).
        var fileError: LogFileError?
    }

    /// Logging before the configuration is known (errors reading it): JSON lines on stderr, or the console
    /// form on a terminal.
    static func bootstrapFallback() {
        let (sink, format) = defaultDestination()
        LoggingSystem.bootstrap { _ in RotorLogHandler(sink: sink, format: format, level: .info) }
    }

    /// Sets up the process's log handler for `options`.
    static func bootstrap(_ options: GeneralOptions) -> Choice {
        let level = level(options.logLevel)
        guard let level else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return Choice(level: .critical)
        }
        var destination = defaultDestination()
        var fileError: LogFileError?
        if !options.logFile.isEmpty {
            switch LogSink.appending(to: options.logFile) {
            case .success(let file): destination = (file, .json)
            case .failure(let error): fileError = error
            }
        }
        let (sink, format) = destination
        LoggingSystem.bootstrap { _ in RotorLogHandler(sink: sink, format: format, level: level) }
        return Choice(level: level, fileError: fileError)
    }

    /// The console form on stdout when it is a terminal, JSON lines on stderr otherwise.
    static func defaultDestination() -> (LogSink, LogFormat) {
        LogSink.standardOutput.isTerminal ? (.standardOutput, .console) : (.standardError, .json)
    }

    /// `log_level` → swift-log level (case-insensitive; unknown → info); nil for `none`.
    static func level(_ name: String) -> Logger.Level? {
        switch name.lowercased() {
        case "trace": .trace
        case "debug": .debug
        case "warn": .warning
        case "error": .error
        case "fatal": .critical
        case "none": nil
        default: .info
        }
    }
}
