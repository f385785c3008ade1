import NIOCore
import RotorProtocol
import Testing

/// JSON rules of spec §2.1: what the reference writes and what its decoder accepts.
@Suite struct JSONCodecTests {
    let json = MessageCodec.json

    func channelJSON(_ channel: String) throws -> String {
        try json.encode(UnsubscribeRequest(channel: channel)).string
    }

    @Test func stringEscapingIsHTMLSafe() throws {
        #expect(try channelJSON("a\"b\\c") == #"{"channel":"a\"b\\c"}"#)
        #expect(try channelJSON("\n\r\t") == #"{"channel":"\n\r\t"}"#)
        #expect(try channelJSON("\u{01}\u{1f}\u{08}\u{0c}") == #"{"channel":"\u0001\u001f\u0008\u000c"}"#)
        #expect(try channelJSON("<b>&") == #"{"channel":"\u003cb\u003e\u0026"}"#)
        #expect(try channelJSON("\u{2028}x\u{2029}") == #"{"channel":"\u2028x\u2029"}"#)
        // Slash and non-ASCII are written literally.
        #expect(try channelJSON("a/b é 日本 🎉") == #"{"channel":"a/b é 日本 🎉"}"#)
    }

    @Test func invalidUTF8BytesBecomeReplacementEscapes() throws {
        // EmulationRequest.data is a bytes field carried as a JSON string: each invalid byte → \ufffd.
        let request = EmulationRequest(data: ByteBuffer(bytes: [0x61, 0xFF, 0x62, 0xC3, 0x28, 0xE2, 0x80, 0xA8]))
        #expect(try json.encode(request).string == #"{"data":"a\ufffdb\ufffd(\u2028"}"#)
    }

    @Test func rawPayloadsAreEmbeddedWithoutLineFeeds() throws {
        let pretty = ByteBuffer(string: "{\n  \"a\": [1,\r\n 2]\n}")
        let push = Push(channel: "c", .publication(Publication(data: pretty)))
        #expect(try json.encode(push).string == "{\"channel\":\"c\",\"pub\":{\"data\":{  \"a\": [1,\r 2]}}}")
        // Any JSON value is a valid payload, including strings, numbers and null.
        for value in [#""text""#, "12.5e3", "null", "true", "[]", " {} "] {
            let encoded = try json.encode(Publication(data: ByteBuffer(string: value))).string
            #expect(encoded == #"{"data":\#(value)}"#)
        }
    }

    @Test func nonJSONPayloadsCannotBeSentToJSONConnections() throws {
        for payload in ["not json", "{", "1 2", "{\"a\":}", "\u{01}"] {
            let reply = Reply(push: Push(channel: "c", .publication(Publication(data: ByteBuffer(string: payload)))))
            var buffer = ByteBuffer(string: "prefix")
            #expect(throws: ProtocolEncodingError.payloadNotJSON) { try json.encode(reply, into: &buffer) }
            #expect(buffer.string == "prefix", "a failed encoding leaves the buffer as it was")
        }
        // The same payload is fine for Protobuf connections.
        let binary = Publication(data: ByteBuffer(bytes: [0xFF, 0x00]))
        #expect(try MessageCodec.protobuf.encode(binary).hex == "22 02 ff 00")
    }

    @Test func numbersAreDecimalAndUnquoted() throws {
        let position = StreamPosition(offset: UInt64.max, epoch: "e")
        #expect(try json.encode(position).string == #"{"offset":18446744073709551615,"epoch":"e"}"#)
        #expect(try json.encode(HistoryRequest(channel: "c", limit: -1)).string == #"{"channel":"c","limit":-1}"#)
        #expect(
            try json.encode(HistoryRequest(channel: "c", limit: Int32.min)).string
                == #"{"channel":"c","limit":-2147483648}"#)
    }

    @Test func decoderIgnoresUnknownKeysAndMatchesKeysCaseInsensitively() throws {
        let command = try json.decode(
            Command.self, from: ByteBuffer(string: #"{"ID":5,"Publish":{"CHANNEL":"c","data":1},"x":[{"y":null}]}"#))
        #expect(command.id == 5)
        #expect(command.publish == PublishRequest(channel: "c", data: ByteBuffer(string: "1")))
        // Escaped keys are resolved before matching.
        let escaped = try json.decode(Command.self, from: ByteBuffer(string: #"{"\u0069d":3}"#))
        #expect(escaped.id == 3)
    }

    @Test func nullMeansUnsetExceptForRawFields() throws {
        let command = try json.decode(
            Command.self,
            from: ByteBuffer(string: #"{"id":null,"subscribe":null,"publish":{"channel":null,"data":null}}"#))
        #expect(command.id == 0)
        #expect(command.subscribe == nil)
        #expect(command.publish?.channel == "")
        #expect(command.publish?.data.string == "null", "a null raw payload is the 4 bytes `null`")
    }

    @Test func rawFieldsKeepTheirExactText() throws {
        let text = #"{"id":1,"publish":{"channel":"c","data": {"a" : [1, 2.50, "\u00e9"]} }}"#
        let command = try json.decode(Command.self, from: ByteBuffer(string: text))
        #expect(command.publish?.data.string == #"{"a" : [1, 2.50, "\u00e9"]}"#)
        #expect(try json.decode(PublishRequest.self, from: ByteBuffer(string: #"{"data":"" }"#)).data.string == #""""#)
    }

    @Test func stringsAreUnescaped() throws {
        let text = #"{"channel":"a\"\\\/\b\f\n\r\t\u00e9\ud83c\udf89\ud800x"}"#
        let request = try json.decode(UnsubscribeRequest.self, from: ByteBuffer(string: text))
        #expect(request.channel == "a\"\\/\u{08}\u{0c}\n\r\té🎉\u{FFFD}x")
    }

    @Test func numbersMustFitTheirField() throws {
        let rejected = [
            #"{"id":-1}"#, #"{"id":1.0}"#, #"{"id":1e2}"#, #"{"id":"1"}"#, #"{"id":4294967296}"#,
            #"{"id":true}"#, #"{"id":01}"#, #"{"id":-0}"#,
        ]
        for text in rejected {
            #expect(throws: ProtocolDecodingError.self, "\(text)") {
                try json.decode(Command.self, from: ByteBuffer(string: text))
            }
        }
        #expect(try json.decode(Command.self, from: ByteBuffer(string: #"{"id":4294967295}"#)).id == UInt32.max)
        let history = try json.decode(HistoryRequest.self, from: ByteBuffer(string: #"{"limit":-2147483648}"#))
        #expect(history.limit == Int32.min)
        #expect(throws: ProtocolDecodingError.self) {
            try json.decode(HistoryRequest.self, from: ByteBuffer(string: #"{"limit":2147483648}"#))
        }
        let position = try json.decode(
            StreamPosition.self, from: ByteBuffer(string: #"{"offset":18446744073709551615}"#))
        #expect(position.offset == UInt64.max)
        #expect(throws: ProtocolDecodingError.self) {
            try json.decode(StreamPosition.self, from: ByteBuffer(string: #"{"offset":18446744073709551616}"#))
        }
    }

    @Test func malformedJSONIsRejected() throws {
        let rejected = [
            "", " ", "[]", "\"x\"", "{", "{\"id\":1", "{\"id\":1,}", "{\"id\" 1}", "{'id':1}", "{\"a\":[1,]}",
            "{\"a\":\"\u{01}\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":tru}", "{\"a\":-}", "{\"a\":1.}",
            "{\"a\":1e}", "{\"connect\":[]}", "{\"connect\":{\"subs\":[]}}", "{\"id\":1,\"id\":\"x\"}",
        ]
        for text in rejected {
            #expect(throws: ProtocolDecodingError.self, "\(text)") {
                try json.decode(Command.self, from: ByteBuffer(string: text))
            }
        }
        #expect(throws: ProtocolDecodingError.typeMismatch(offset: 11)) {
            try json.decode(Command.self, from: ByteBuffer(string: #"{"connect":[]}"#))
        }
    }

    @Test func bytesAfterTheFirstValueAreIgnored() throws {
        // The reference parser returns the rest of the line without an error (spec §2.1).
        let command = try json.decode(Command.self, from: ByteBuffer(string: #"{"id":1}}}garbage"#))
        #expect(command.id == 1)
    }

    @Test func deepNestingIsBoundedWithoutRecursion() throws {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        #expect(throws: ProtocolDecodingError.nestingTooDeep) {
            try json.decode(PublishRequest.self, from: ByteBuffer(string: #"{"data":\#(deep)}"#))
        }
        let fine = String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        let request = try json.decode(PublishRequest.self, from: ByteBuffer(string: #"{"data":\#(fine)}"#))
        #expect(request.data.readableBytes == fine.utf8.count)
    }

    @Test func duplicateKeysMergeSubMessagesAndOverwriteScalars() throws {
        let command = try json.decode(
            Command.self, from: ByteBuffer(string: #"{"id":1,"id":2,"connect":{"token":"a"},"connect":{"name":"n"}}"#))
        #expect(command.id == 2)
        #expect(command.connect == ConnectRequest(token: "a", name: "n"))
    }

    @Test func dispatchOrderFollowsTheSpec() throws {
        // connect wins over everything, ping over subscribe, send after rpc.
        let text = #"{"id":1,"subscribe":{"channel":"a"},"ping":{},"connect":{}}"#
        #expect(try json.decode(Command.self, from: ByteBuffer(string: text)).request == .connect(ConnectRequest()))
        let pingFirst = #"{"id":1,"subscribe":{"channel":"a"},"ping":{}}"#
        #expect(try json.decode(Command.self, from: ByteBuffer(string: pingFirst)).request == .ping(PingRequest()))
        let rpcFirst = #"{"id":1,"send":{},"rpc":{"method":"m"}}"#
        #expect(
            try json.decode(Command.self, from: ByteBuffer(string: rpcFirst)).request == .rpc(RPCRequest(method: "m")))
    }
}

/// Payload checks done once at ingress, and the encode that then trusts them.
@Suite struct JSONPayloadTests {
    @Test func normalizedPayloadsLoseLineFeedsAndInvalidOnesAreRefused() {
        #expect(JSONPayload.normalized(ByteBuffer(string: "{\n\"a\": 1\n}"))?.string == "{\"a\": 1}")
        #expect(JSONPayload.normalized(ByteBuffer(string: #"{"a":1}"#))?.string == #"{"a":1}"#)
        #expect(JSONPayload.normalized(ByteBuffer(string: "\"x\"\n"))?.string == "\"x\"")
        #expect(JSONPayload.normalized(ByteBuffer(string: "nope")) == nil)
        #expect(JSONPayload.normalized(ByteBuffer(string: "1 2")) == nil)
        #expect(JSONPayload.normalized(ByteBuffer()) == nil)
    }

    @Test func trustedEncodeMatchesCheckedEncodeForNormalizedPayloads() throws {
        let payload = JSONPayload.normalized(ByteBuffer(string: "{\n\"text\": \"hi\"\n}"))!
        let reply = Reply(push: Push(channel: "c", .publication(Publication(data: payload, offset: 3))))
        var checked = ByteBuffer()
        var trusted = ByteBuffer()
        try MessageCodec.json.encode(reply, into: &checked)
        try MessageCodec.json.encode(reply, into: &trusted, payloadsAreValidJSON: true)
        #expect(checked == trusted)
        #expect(trusted.string == #"{"push":{"channel":"c","pub":{"data":{"text": "hi"},"offset":3}}}"#)
    }
}
