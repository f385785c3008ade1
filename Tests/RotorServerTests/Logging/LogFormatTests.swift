import Foundation
import Logging
import Testing

@testable import RotorServer

@Suite("Log line formats")
struct LogFormatTests {
    @Test("a JSON line has level, the sorted metadata fields, time and message, in that order")
    func jsonShape() throws {
        let line = LogFormat.json.line(
            level: .info, message: "starting \"Rotor\"",
            metadata: ["version": "0.1.0", "engine": "memory", "pid": .stringConvertible(12)], time: 1_687_600_800)
        let time = LogTime.rfc3339(1_687_600_800)
        #expect(
            line
                == #"{"level":"info","engine":"memory","pid":12,"version":"0.1.0","time":"\#(time)","message":"starting \"Rotor\""}"#
                + "\n")
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "starting \"Rotor\"")
    }

    @Test("time is RFC 3339 with second precision and a zone")
    func rfc3339() {
        let time = LogTime.rfc3339(1_687_600_800)
        let pattern = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/#
        #expect(time.wholeMatch(of: pattern) != nil, "\(time)")
        #expect(LogTime.console(1_687_600_800).wholeMatch(of: #/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/#) != nil)
    }

    @Test("level names follow the reference: warning is warn, critical is fatal")
    func levelNames() {
        let names = [Logger.Level.trace, .debug, .info, .notice, .warning, .error, .critical].map(LogFormat.name)
        #expect(names == ["trace", "debug", "info", "info", "warn", "error", "fatal"])
    }

    @Test("the console form is `time [LVL] message key=value` with coloured labels")
    func console() {
        let line = LogFormat.console.line(
            level: .warning, message: "node connection limit reached", metadata: ["limit": "10", "note": "a b"],
            time: 1_687_600_800)
        let plain = line.replacing(#/\u{1b}\[[0-9]+m/#, with: "")
        #expect(
            plain == "\(LogTime.console(1_687_600_800)) [WRN] node connection limit reached limit=10 note=\"a b\"\n")
        #expect(line.contains("\u{1b}[33mWRN\u{1b}[0m"))
    }

    @Test("JSON strings escape quotes, backslashes and control characters")
    func escaping() {
        #expect(LogFormat.jsonString("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }
}
