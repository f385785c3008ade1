import Foundation
import NIOCore
import NIOPosix

/// One `rotor` child process for a test: the built executable spawned with Foundation's `Process`, its
/// stdout and stderr captured in files, and bounded waits for its port and its exit.
final class RotorProcess {
    /// Raised when the executable is missing or an awaited condition did not happen in time.
    struct Failure: Error, CustomStringConvertible {
        let description: String

        /// A wait for `what` ran out; `output` is what the process printed so far.
        static func timeout(_ what: String, output: String) -> Failure {
            Failure(description: "timed out waiting for \(what); output so far:\n\(output)")
        }
    }

    /// The `rotor` executable next to the test bundle (both live in the build's products directory).
    static var executable: URL {
        get throws {
            let candidates = [
                URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
                Bundle.main.bundleURL.deletingLastPathComponent(),
                Bundle.main.bundleURL,
            ]
            for directory in candidates {
                let binary = directory.appendingPathComponent("rotor")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            }
            throw Failure(description: "no rotor executable next to the tests (run `swift build --build-tests`)")
        }
    }

    private let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

    /// Starts `rotor arguments` in `directory` with the test's environment minus every `CENTRIFUGO_*`
    /// variable, plus `environment`.
    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        stdoutURL = directory.appendingPathComponent("rotor-\(UUID().uuidString).stdout")
        stderrURL = directory.appendingPathComponent("rotor-\(UUID().uuidString).stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        process.executableURL = try Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CENTRIFUGO_") }
        inherited.merge(environment) { _, new in new }
        process.environment = inherited
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    /// The process id.
    var pid: Int32 { process.processIdentifier }

    /// What the process wrote to stdout so far.
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }

    /// What the process wrote to stderr so far.
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Both streams, for assertions that do not care where a line went.
    var output: String { stdout + stderr }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        if process.isRunning { kill(process.processIdentifier, signal) }
    }

    /// Kills the process if it still runs and reaps it; safe to call in every path.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Waits for the exit and returns the exit status (`timeout` bounds the wait).
    func exitStatus(timeout: Duration = .seconds(15)) async throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning {
            guard clock.now < deadline else { throw Failure.timeout("the process to exit", output: output) }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Waits until `127.0.0.1:port` accepts a TCP connection (fails early if the process exits first).
    func waitForPort(_ port: Int, timeout: Duration = .seconds(10)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            guard process.isRunning else { throw Failure.timeout("port \(port) (the process exited)", output: output) }
            if await Self.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure.timeout("port \(port)", output: output)
    }

    /// Waits until the output (stdout and stderr) contains `text` `count` times.
    func waitForOutput(_ text: String, count: Int = 1, timeout: Duration = .seconds(10)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while output.components(separatedBy: text).count - 1 < count {
            guard clock.now < deadline else { throw Failure.timeout("\"\(text)\" in the output", output: output) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Whether something listens on `127.0.0.1:port`.
    static func accepts(port: Int) async -> Bool {
        do {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(2))
                .connect(host: "127.0.0.1", port: port).get()
            try? await channel.close().get()
            return true
        } catch {
            return false
        }
    }

    /// Runs `body` with a running `rotor arguments`; the process is killed afterwards whatever happens.
    static func with<T>(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:],
        _ body: (RotorProcess) async throws -> T
    ) async throws -> T {
        let rotor = try RotorProcess(arguments, in: directory, environment: environment)
        defer { rotor.stop() }
        return try await body(rotor)
    }

    /// Runs `rotor arguments` to its end and returns its exit status and output.
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:]
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await with(arguments, in: directory, environment: environment) { rotor in
            let status = try await rotor.exitStatus()
            return (status, rotor.stdout, rotor.stderr)
        }
    }
}
