import Dispatch
import Foundation
import Logging
import RotorCLI
import RotorConfig

/// Runs the server as `rotor [flags]` does (`server.md` §7.2, §10.1): loads the configuration (file, then
/// `CENTRIFUGO_*` environment, then flags), sets up logging, writes the pid file, serves until SIGINT or
/// SIGTERM, then shuts down gracefully within `shutdown_timeout`.
public enum ServerRunner {
    /// Runs until a signal; returns the process exit status.
    public static func run(_ options: ServerOptions, environment: [String: String]) async -> Int32 {
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigLoader.load(
                path: options.configPath, environment: environment, overrides: options.overrides)
        } catch {
            LogSetup.bootstrapFallback()
            Logger(label: "rotor").critical("\(error)")
            return 1
        }
        let configuration = loaded.configuration
        let logging = LogSetup.bootstrap(configuration.general)
        var logger = Logger(label: "rotor")
        logger.logLevel = logging.level
        if let fileError = logging.fileError {
            logger.critical("\(fileError)")
            return 1
        }
        let absolutePath = URL(fileURLWithPath: options.configPath).standardizedFileURL.path
        logger.info(
            "starting Rotor",
            metadata: [
                "version": "\(RotorVersion.current)", "pid": "\(ProcessInfo.processInfo.processIdentifier)",
                "engine": "\(configuration.general.engine)",
            ])
        logger.info("using config file", metadata: ["path": "\(absolutePath)"])
        if loaded.filePath == nil { logger.warning("config file not found") }
        for warning in loaded.warnings { logger.warning("\(warning)") }
        if configuration.general.engine != "memory" {
            logger.critical(
                "engine \"\(configuration.general.engine)\" is not supported by this build of Rotor yet (option engine); use memory"
            )
            return 1
        }
        if !configuration.general.broker.isEmpty {
            logger.critical(
                "broker \"\(configuration.general.broker)\" is not supported by this build of Rotor yet (option broker)"
            )
            return 1
        }
        if configuration.http.allowedOrigins == ["*"] {
            logger.warning(
                "usage of allowed_origins * is discouraged for security reasons, consider setting exact list of origins"
            )
        }
        let pidFile = configuration.general.pidFile
        if !pidFile.isEmpty {
            do {
                try "\(ProcessInfo.processInfo.processIdentifier)".write(
                    toFile: pidFile, atomically: true, encoding: .utf8)
            } catch {
                logger.critical("error writing PID: \(error)")
                return 1
            }
        }
        defer { if !pidFile.isEmpty { try? FileManager.default.removeItem(atPath: pidFile) } }

        let server: Server
        do {
            server = try await Server.start(
                loaded: loaded, logger: logger, hostname: ProcessInfo.processInfo.hostName,
                testRoutes: environment["ROTOR_TEST_ROUTES"] == "1")
        } catch {
            logger.critical("\(error)")
            return 1
        }
        var signal = SIGTERM
        for await received in SignalWaiter.stream([SIGINT, SIGTERM, SIGHUP]) {
            signal = received
            if received != SIGHUP { break }
            checkReload(options, environment: environment, logger: logger)
        }
        logger.info("shutting down ...", metadata: ["signal": "\(signal)"])
        let timeout = configuration.general.shutdownTimeout
        let watchdog = Task.detached {
            try await Task.sleep(for: timeout)
            FileHandle.standardError.write(Data("shutdown timeout reached\n".utf8))
            if !pidFile.isEmpty { try? FileManager.default.removeItem(atPath: pidFile) }
            exit(1)
        }
        await server.shutdown()
        watchdog.cancel()
        let delay = configuration.general.shutdownTerminationDelay
        if delay > .zero { try? await Task.sleep(for: delay) }
        return 0
    }

    /// SIGHUP (Centrifugo reloads the configuration): re-reads and validates the file and logs the outcome;
    /// this build cannot swap the new rules in yet, so it says that a restart is needed to apply them.
    private static func checkReload(_ options: ServerOptions, environment: [String: String], logger: Logger) {
        logger.info("reloading configuration")
        do {
            _ = try ConfigLoader.load(path: options.configPath, environment: environment, overrides: options.overrides)
            logger.warning("configuration is valid, but this build of Rotor cannot apply it without a restart")
        } catch {
            logger.error("\(error)")
        }
    }
}

/// Delivers a set of signals (whose default handling is turned off while the server runs).
enum SignalWaiter {
    /// The first of `signals` to arrive.
    static func next(_ signals: [Int32]) async -> Int32 {
        for await signal in stream(signals) { return signal }
        return signals[0]
    }

    /// Every arrival of one of `signals`, until the stream is dropped.
    static func stream(_ signals: [Int32]) -> AsyncStream<Int32> {
        AsyncStream { continuation in
            let queue = DispatchQueue(label: "rotor.signals")
            var sources: [any DispatchSourceSignal] = []
            for number in signals {
                Foundation.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                sources.append(source)
            }
            let kept = SignalSources(sources)
            continuation.onTermination = { _ in kept.cancel() }
        }
    }
}

/// Keeps the signal sources of one stream alive until the stream ends, then cancels them (dispatch sources
/// are thread-safe and the list never changes).
final class SignalSources: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    init(_ sources: [any DispatchSourceSignal]) { self.sources = sources }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
