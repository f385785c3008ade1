/// What one `rotor` invocation wrote and the exit status it ends with.
public struct CLIResult: Sendable, Hashable {
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
    /// The process exit status.
    public var status: Int32

    /// A result with the given output and status.
    public init(stdout: String = "", stderr: String = "", status: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// Collects a command's output; commands never print directly, so tests can run them in-process.
struct CLIOutput {
    private(set) var stdout = ""
    private(set) var stderr = ""
    /// Receives standard output at once instead of collecting it (`CLIContext.outputSink`).
    let sink: (@Sendable (String) -> Void)?

    init(sink: (@Sendable (String) -> Void)? = nil) {
        self.sink = sink
    }

    /// Writes `text` and a newline to standard output.
    mutating func line(_ text: String) {
        if let sink {
            sink(text + "\n")
        } else {
            stdout += text + "\n"
        }
    }

    /// The collected output with `status`.
    func result(_ status: Int32) -> CLIResult {
        CLIResult(stdout: stdout, stderr: stderr, status: status)
    }
}
