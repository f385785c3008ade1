import Testing

@testable import RotorTokens

@Suite struct JSONCursorTests {
    private func skip(_ json: String) -> String? {
        var cursor = JSONCursor(Array(json.utf8))
        guard let range = try? cursor.skipValue(), (try? cursor.finish()) != nil else { return nil }
        return String(decoding: cursor.bytes[range], as: UTF8.self)
    }

    @Test func skipReturnsTheExactValueBytes() {
        #expect(skip(#"  {"a" : [1, 2], "b":{}}  "#) == #"{"a" : [1, 2], "b":{}}"#)
        #expect(skip("[ ]") == "[ ]")
        #expect(skip("-0.5e+3") == "-0.5e+3")
        #expect(skip(#""x\u00e9\n""#) == #""x\u00e9\n""#)
        #expect(skip("null") == "null")
    }

    @Test func skipRefusesMalformedJSON() {
        for json in [
            "{", "[1,]", #"{"a":1,}"#, #"{"a" 1}"#, "01", "1.", "-", "+1", "tru", #""\x""#, "\"a\u{01}\"", "[1 2]",
            #"{"a":1}x"#, "", #"{1:2}"#, #""\u12G4""#,
        ] {
            #expect(skip(json) == nil, "\(json)")
        }
    }

    @Test func nestingIsBoundedWithoutRecursion() {
        let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        #expect(skip(deep) == nil)
        let allowed = String(repeating: "[", count: 9_000) + String(repeating: "]", count: 9_000)
        #expect(skip(allowed) == allowed)
    }

    @Test func stringsDecodeEscapesAndSurrogates() throws {
        var cursor = JSONCursor(Array(#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800x""#.utf8))
        #expect(try cursor.readString() == "a\"\\/\u{08}\u{0C}\n\r\t\u{E9}\u{1F600}\u{FFFD}x")
    }

    @Test func objectsAndArraysIterate() throws {
        var cursor = JSONCursor(Array(#"{"k": [1, "two"], "n": null}"#.utf8))
        try cursor.enterObject()
        var first = true
        #expect(try cursor.nextKey(first: &first) == "k")
        try cursor.enterArray()
        var firstElement = true
        #expect(try cursor.nextElement(first: &firstElement))
        #expect(try cursor.readNumberText() == "1")
        #expect(try cursor.nextElement(first: &firstElement))
        #expect(try cursor.readString() == "two")
        #expect(try !cursor.nextElement(first: &firstElement))
        #expect(try cursor.nextKey(first: &first) == "n")
        #expect(try cursor.peekKind() == .null)
        try cursor.readNull()
        #expect(try cursor.nextKey(first: &first) == nil)
        try cursor.finish()
    }
}
