import Foundation
import Logging
import RotorConfig
import Testing

@testable import RotorServer

@Suite("Log levels and destinations")
struct LogSetupTests {
    @Test("log_level names map case-insensitively; unknown is info; none silences")
    func levels() {
        #expect(LogSetup.level("TRACE") == .trace)
        #expect(LogSetup.level("debug") == .debug)
        #expect(LogSetup.level("Info") == .info)
        #expect(LogSetup.level("warn") == .warning)
        #expect(LogSetup.level("error") == .error)
        #expect(LogSetup.level("fatal") == .critical)
        #expect(LogSetup.level("bogus") == .info)
        #expect(LogSetup.level("none") == nil)
    }

    @Test("a log file gets JSON lines appended, and events below the level are dropped")
    func fileAndFiltering() throws {
        let path = NSTemporaryDirectory() + "rotor-log-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "previous line\n".write(toFile: path, atomically: true, encoding: .utf8)
        let sink = try LogSink.appending(to: path).get()
        let logger = Logger(label: "test") { _ in
            RotorLogHandler(sink: sink, format: .json, level: .warning, clock: { 0 })
        }
        logger.info("dropped")
        logger.warning("kept", metadata: ["limit": "5"])
        logger.error("also kept")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == "previous line")
        let time = LogTime.rfc3339(0)
        #expect(lines[1] == #"{"level":"warn","limit":"5","time":"\#(time)","message":"kept"}"#)
        #expect(lines[2] == #"{"level":"error","time":"\#(time)","message":"also kept"}"#)
    }

    @Test("a log file that cannot be opened is reported with its path")
    func unopenableFile() {
        let result = LogSink.appending(to: "/nonexistent-dir/rotor.log")
        guard case .failure(let error) = result else {
            Issue.record("opened a file in a missing directory")
            return
        }
        #expect(error.description.hasPrefix("error opening log file /nonexistent-dir/rotor.log: "))
    }
}
