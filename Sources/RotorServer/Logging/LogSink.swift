import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// Where log lines go: a file descriptor (stdout, stderr or the `log_file` opened for appending), written one
/// whole line per `write` under a lock so lines from different threads never interleave.
final class LogSink: Sendable {
    private let descriptor: Int32
    private let lock = NIOLock()

    /// Standard output.
    static let standardOutput = LogSink(descriptor: 1)
    /// Standard error.
    static let standardError = LogSink(descriptor: 2)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// `path` opened for appending (created with mode 0644); nil with the error text when it cannot be.
    static func appending(to path: String) -> Result<LogSink, LogFileError> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failure(LogFileError(path: path, errno: errno)) }
        return .success(LogSink(descriptor: descriptor))
    }

    /// Writes `line`.
    func write(_ line: String) {
        var line = line
        lock.withLock {
            line.withUTF8 { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }
    }

    /// Whether the descriptor is a terminal.
    var isTerminal: Bool { isatty(descriptor) == 1 }
}

/// `log_file` could not be opened.
struct LogFileError: Error, CustomStringConvertible {
    let path: String
    let errno: Int32

    var description: String { "error opening log file \(path): \(String(cString: strerror(errno)))" }
}
