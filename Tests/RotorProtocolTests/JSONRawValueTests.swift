import NIOCore
import RotorProtocol
import Testing

/// The public JSON reader (`JSONRawValue`, `JSONValueStream`) and writer (`JSONBuilder`).
@Suite struct JSONRawValueTests {
    func parse(_ text: String) throws -> JSONRawValue {
        try JSONRawValue.parse(ByteBuffer(string: text))
    }

    @Test func kindsAndExactBytes() throws {
        let value = try parse(#"  {"a" : [1, 2.5e3], "b":"x\"y", "c":true, "d":null, "e":-0}  "#)
        #expect(value.kind == .object)
        #expect(String(buffer: value.raw) == #"{"a" : [1, 2.5e3], "b":"x\"y", "c":true, "d":null, "e":-0}"#)
        let members = try value.members()
        #expect(members.map(\.key) == ["a", "b", "c", "d", "e"])
        #expect(members.map(\.value.kind) == [.array, .string, .bool, .null, .number])
        #expect(String(buffer: members[0].value.raw) == "[1, 2.5e3]")
        #expect(try members[0].value.elements().map { String(buffer: $0.raw) } == ["1", "2.5e3"])
        #expect(try members[1].value.string() == "x\"y")
        #expect(try members[2].value.bool())
        #expect(members[3].value.isNull)
        #expect(try members[4].value.integer(Int32.self) == 0)
        #expect(try members[0].value.elements()[1].double() == 2500)
    }

    @Test func escapedKeysAndDuplicates() throws {
        let members = try parse(#"{"\u0061":1,"a":2,"\ud83d\ude00":"\u00e9"}"#).members()
        #expect(members.map(\.key) == ["a", "a", "😀"])
        #expect(try members[2].value.string() == "é")
    }

    @Test func strictAccessors() throws {
        #expect(throws: ProtocolDecodingError.self) { try parse(#""1""#).integer(Int.self) }
        #expect(throws: ProtocolDecodingError.self) { try parse("1.0").integer(Int.self) }
        #expect(throws: ProtocolDecodingError.self) { try parse("1e2").integer(Int.self) }
        #expect(throws: ProtocolDecodingError.self) { try parse("-1").integer(UInt32.self) }
        #expect(throws: ProtocolDecodingError.self) { try parse("-0").integer(UInt64.self) }
        #expect(throws: ProtocolDecodingError.self) { try parse("4294967296").integer(UInt32.self) }
        #expect(throws: ProtocolDecodingError.self) { try parse("1").string() }
        #expect(throws: ProtocolDecodingError.self) { try parse("null").string() }
        #expect(throws: ProtocolDecodingError.self) { try parse("1").bool() }
        #expect(throws: ProtocolDecodingError.self) { try parse("[]").members() }
        #expect(throws: ProtocolDecodingError.self) { try parse("{}").elements() }
        #expect(try parse("4294967295").integer(UInt32.self) == .max)
        #expect(try parse("-9223372036854775808").integer(Int64.self) == .min)
        #expect(try parse("-2147483648").integer(Int32.self) == .min)
        #expect(throws: ProtocolDecodingError.self) { try parse("-2147483649").integer(Int32.self) }
        #expect(try parse("18446744073709551615").integer(UInt64.self) == .max)
    }

    @Test func parseRejectsInvalidOrTrailingInput() {
        for text in ["", " ", "{", "{}}", "{} {}", "[1,]", "tru", "01", "{\"a\"}", "\"\\x\"", "1 2"] {
            #expect(throws: ProtocolDecodingError.self, "\(text)") { try parse(text) }
        }
    }

    @Test func streamReadsConcatenatedValues() throws {
        var stream = JSONValueStream(ByteBuffer(string: " {\"a\":1}{\"b\":2}\n[3]\t\"s\" 4 null\n"))
        var texts: [String] = []
        while let value = try stream.next() { texts.append(String(buffer: value.raw)) }
        #expect(texts == [#"{"a":1}"#, #"{"b":2}"#, "[3]", #""s""#, "4", "null"])
        var empty = JSONValueStream(ByteBuffer(string: " \n "))
        #expect(try empty.next() == nil)
    }

    @Test func streamStopsAtMalformedValue() throws {
        var stream = JSONValueStream(ByteBuffer(string: "{} {x} {}"))
        #expect(try stream.next() != nil)
        #expect(throws: ProtocolDecodingError.self) { try stream.next() }
        var glued = JSONValueStream(ByteBuffer(string: "12x"))
        #expect(try glued.next().map { String(buffer: $0.raw) } == "12")
        #expect(throws: ProtocolDecodingError.self) { try glued.next() }
    }

    @Test func builderPlacesSeparatorsAndEscapes() {
        var json = JSONBuilder()
        json.beginObject()
        json.key("s")
        json.string("a\"<b>&\n\u{2028}")
        json.key("n")
        json.integer(-5)
        json.key("list")
        json.beginArray()
        json.bool(true)
        json.null()
        json.beginObject()
        json.endObject()
        json.beginArray()
        json.endArray()
        json.endArray()
        json.key("raw")
        json.rawValue(ByteBuffer(string: "{ \"k\" : 1 }"))
        json.key("compact")
        json.compactedValue(ByteBuffer(string: " { \"k<\" : [ 1 , \"a b&\\\" >\u{2029}\" ] } "))
        json.endObject()
        #expect(
            String(buffer: json.buffer)
                == #"{"s":"a\"\u003cb\u003e\u0026\n\u2028","n":-5,"list":[true,null,{},[]],"raw":{ "k" : 1 },"compact":{"k\u003c":[1,"a b\u0026\" \u003e\u2029"]}}"#
        )
    }

    @Test func builderFormatsDoublesLikeGo() {
        func text(_ value: Double) -> String {
            var json = JSONBuilder()
            json.double(value)
            return String(buffer: json.buffer)
        }
        #expect(text(60) == "60")
        #expect(text(0) == "0")
        #expect(text(-3) == "-3")
        #expect(text(0.5) == "0.5")
        #expect(text(1.25e-7) == "1.25e-7")
        #expect(text(1e21) == "1e+21")
        #expect(text(123456789012) == "123456789012")
        #expect(text(.nan) == "0")
    }
}
