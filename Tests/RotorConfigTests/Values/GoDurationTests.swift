import Testing

@testable import RotorConfig

@Suite struct GoDurationTests {
    @Test(arguments: [
        ("0", Int64(0)),
        ("-0", 0),
        ("+0", 0),
        ("0s", 0),
        ("300s", 300_000_000_000),
        ("1m30s", 90_000_000_000),
        ("1.5h", 5_400_000_000_000),
        ("500ms", 500_000_000),
        ("2h45m", 9_900_000_000_000),
        ("10us", 10_000),
        ("10\u{00B5}s", 10_000),
        ("10\u{03BC}s", 10_000),
        ("7ns", 7),
        ("-1.5s", -1_500_000_000),
        ("+2s", 2_000_000_000),
        (".5s", 500_000_000),
        ("1.s", 1_000_000_000),
        ("1h1m1s1ms1us1ns", 3_661_001_001_001),
        ("2160h", 7_776_000_000_000_000),
        ("9223372036854775807ns", Int64.max),
        ("-9223372036854775808ns", Int64.min),
        ("0.000000001s", 1),
    ])
    func parses(input: String, nanoseconds: Int64) throws {
        #expect(try GoDuration(parsing: input).nanoseconds == nanoseconds)
    }

    @Test(arguments: [
        ("", "time: invalid duration \"\""),
        ("300", "time: missing unit in duration \"300\""),
        ("1.5", "time: missing unit in duration \"1.5\""),
        ("-", "time: invalid duration \"-\""),
        ("s", "time: invalid duration \"s\""),
        (".s", "time: invalid duration \".s\""),
        ("1x", "time: unknown unit \"x\" in duration \"1x\""),
        ("1sec", "time: unknown unit \"sec\" in duration \"1sec\""),
        ("1 s", "time: unknown unit \" s\" in duration \"1 s\""),
        ("true", "time: invalid duration \"true\""),
        ("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\""),
        ("3000000h", "time: invalid duration \"3000000h\""),
        ("1s-2s", "time: unknown unit \"s-\" in duration \"1s-2s\""),
    ])
    func rejects(input: String, message: String) {
        #expect(throws: GoDuration.ParseError.self) { try GoDuration(parsing: input) }
        do {
            _ = try GoDuration(parsing: input)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test(arguments: [
        (Int64(0), "0s"),
        (1, "1ns"),
        (1_500, "1.5\u{00B5}s"),
        (500_000_000, "500ms"),
        (1_500_000_000, "1.5s"),
        (90_000_000_000, "1m30s"),
        (3_600_000_000_000, "1h0m0s"),
        (7_776_000_000_000_000, "2160h0m0s"),
        (-2_000_000_000, "-2s"),
        (25_000_000_000, "25s"),
        (100, "100ns"),
    ])
    func formats(nanoseconds: Int64, text: String) {
        #expect(GoDuration(nanoseconds: nanoseconds).description == text)
    }

    @Test func convertsToAndFromSwiftDuration() {
        #expect(GoDuration(.milliseconds(1500)).nanoseconds == 1_500_000_000)
        #expect(GoDuration(nanoseconds: 42).duration == .nanoseconds(42))
    }
}
