import Foundation
import RotorCLI

/// A scratch directory for one test, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-cli-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name`; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        _ = FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8))
        return file(name)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Fixed surroundings for in-process runs.
enum CLITest {
    /// 2023-11-14T22:13:20Z.
    static let issuedAt: Int64 = 1_700_000_000

    static func context(
        environment: [String: String] = [:], at seconds: Int64 = issuedAt, lines: [String] = []
    ) -> CLIContext {
        let input = LineQueue(lines)
        return CLIContext(
            environment: environment,
            now: { Date(timeIntervalSince1970: TimeInterval(seconds) + 0.25) },
            readLine: { input.next() }
        )
    }

    static func run(
        _ arguments: [String], environment: [String: String] = [:], at seconds: Int64 = issuedAt,
        lines: [String] = []
    ) async -> CLIResult {
        await RotorCLI.run(arguments, context: context(environment: environment, at: seconds, lines: lines))
    }

    /// The second line of a `gentoken`/`gensubtoken` output.
    static func token(of result: CLIResult) -> String {
        String(result.stdout.split(separator: "\n").last ?? "")
    }

    /// The decoded claims segment of `token`.
    static func claims(of token: String) -> String {
        let parts = token.split(separator: ".")
        var base64 = String(parts[1]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
    }
}

/// Lines served to `readLine`, shared safely between the test and the command.
final class LineQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]

    init(_ lines: [String]) { self.lines = lines }

    func next() -> String? {
        lock.lock()
        defer { lock.unlock() }
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}

/// Collects what a command streams to `CLIContext.outputSink`.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ chunk: String) {
        lock.lock()
        defer { lock.unlock() }
        text += chunk
    }

    var collected: String {
        lock.lock()
        defer { lock.unlock() }
        return text
    }
}
