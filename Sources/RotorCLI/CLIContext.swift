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

    /// A context with the given surroundings.
    public init(
        environment: [String: String] = [:],
        now: @escaping @Sendable () -> Date = { Date() },
        readLine: @escaping @Sendable () -> String? = { nil }
    ) {
        self.environment = environment
        self.now = now
        self.readLine = readLine
    }

    /// The running process's environment, clock and standard input.
    public static var process: CLIContext {
        CLIContext(
            environment: ProcessInfo.processInfo.environment,
            now: { Date() },
            readLine: { Swift.readLine(strippingNewline: true) }
        )
    }
}
