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
        let signal = await SignalWaiter.next([SIGINT, SIGTERM])
        logger.info("shutting down ...", metadata: ["signal": "\(signal)"])
        let timeout = configuration.general.shutdownTimeout
        let watchdog = Task.detached {
            try await Task.sleep(for: timeout)
            FileHandle.standardError.write(Data("shutdown timeout reached\n".utf8))
            exit(1)
        }
        await server.shutdown()
        watchdog.cancel()
        let delay = configuration.general.shutdownTerminationDelay
        if delay > .zero { try? await Task.sleep(for: delay) }
        return 0
    }
}

/// Waits for one of a set of signals (which are ignored by default handling while the server runs).
enum SignalWaiter {
    static func next(_ signals: [Int32]) async -> Int32 {
        await withCheckedContinuation { continuation in
            let queue = DispatchQueue(label: "rotor.signals")
            let fired = SignalOnce(continuation)
            var sources: [any DispatchSourceSignal] = []
            for number in signals {
                Foundation.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { fired.resume(number) }
                source.resume()
                sources.append(source)
            }
            fired.keep(sources)
        }
    }
}

/// Resumes a continuation once, and keeps the signal sources alive until then.
final class SignalOnce: @unchecked Sendable {
    private var continuation: CheckedContinuation<Int32, Never>?
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()

    init(_ continuation: CheckedContinuation<Int32, Never>) { self.continuation = continuation }

    func keep(_ sources: [any DispatchSourceSignal]) {
        lock.withLock { self.sources = sources }
    }

    func resume(_ signal: Int32) {
        let continuation = lock.withLock {
            defer { self.continuation = nil }
            return self.continuation
        }
        continuation?.resume(returning: signal)
    }
}
