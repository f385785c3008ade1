import Foundation

/// What a `rotor` command may read from its surroundings: the environment (for `CENTRIFUGO_*` options), the
/// clock, and standard input. Tests pass fixed values; the executable passes the process's own.
public struct CLIContext: Sendable {
    /// Environment variables.
    public var environment: [String: String]
    /// The current time, asked once per token operation.
    public var now: @Sendable () -> Date
    /// Reads one line of standard input (without the newline); nil at the end.
    public var readLine: @Sendable () -> String?
    /// When set, a subcommand's standard output is handed to it line by line as it is produced (so `codec`
    /// answers each typed frame at once) and is left out of `CLIResult.stdout`.
    public var outputSink: (@Sendable (String) -> Void)?
    /// Runs `rotor serve`'s static file server (directory, address, port) until the process is stopped and
    /// returns its exit status; nil where no server can run (then `serve` fails with a message).
    public var serveStaticFiles: (@Sendable (_ directory: String, _ address: String, _ port: Int) async -> Int32)?

    /// A context with the given surroundings.
    public init(
        environment: [String: String] = [:],
        now: @escaping @Sendable () -> Date = { Date() },
        readLine: @escaping @Sendable () -> String? = { nil },
        outputSink: (@Sendable (String) -> Void)? = nil
    ) {
        self.environment = environment
        self.now = now
        self.readLine = readLine
        self.outputSink = outputSink
    }

    /// The running process's environment, clock and standard input.
    public static var process: CLIContext {
        CLIContext(
            environment: ProcessInfo.processInfo.environment,
            now: { Date() },
            readLine: { Swift.readLine(strippingNewline: true) },
            outputSink: { FileHandle.standardOutput.write(Data($0.utf8)) }
        )
    }
}
