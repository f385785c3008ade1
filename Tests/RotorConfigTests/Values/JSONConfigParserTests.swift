import Testing

@testable import RotorConfig

@Suite struct JSONConfigParserTests {
    @Test func parsesEveryValueKind() throws {
        let value = try JSONConfigParser.parse(
            #"{"a": 1, "b": 1.5, "c": "x\n\u00e9\ud83d\ude00", "d": [true, false, null], "e": {}, "f": -2e2}"#)
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object["a"] == .int(1))
        #expect(object["b"] == .double(1.5))
        #expect(object["c"] == .string("x\n\u{e9}\u{1F600}"))
        #expect(object["d"] == .array([.bool(true), .bool(false), .null]))
        #expect(object["e"] == .object([:]))
        #expect(object["f"] == .double(-200))
        #expect(Array(object.keys) == ["a", "b", "c", "d", "e", "f"])
    }

    @Test(arguments: [
        ("{\n  \"a\": 1,\n}", 3, 1, "invalid character '}' looking for beginning of object key string"),
        ("{\"a\" 1}", 1, 6, "invalid character '1' after object key"),
        ("{\"a\": 1 \"b\": 2}", 1, 9, "invalid character '\"' after object key:value pair"),
        ("[1 2]", 1, 4, "invalid character '2' after array element"),
        ("{\"a\": tru}", 1, 10, "invalid character '}' in literal true (expecting 'e')"),
        ("{\"a\": 1", 1, 7, "unexpected end of JSON input"),
        ("{} x", 1, 4, "invalid character 'x' after top-level value"),
        ("{\"a\": x}", 1, 7, "invalid character 'x' looking for beginning of value"),
    ])
    func reportsSyntaxErrorsWithCentrifugoPositions(text: String, line: Int, column: Int, reason: String) {
        do {
            _ = try JSONConfigParser.parse(text)
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.reason == reason)
            #expect(error.description == "JSON syntax error around line \(line), column \(column): \(reason)")
        }
    }
}
