import NIOCore
import RotorProtocol
import Testing

/// Framing rules of spec §4 and the version/encoding selection of spec §1.
@Suite struct FramingTests {
    func commands(_ text: String) throws(ProtocolDecodingError) -> [Command] {
        var decoder = FrameDecoder<Command>(frame: ByteBuffer(string: text), encoding: .json)
        return try decoder.all()
    }

    @Test func jsonLinesWithOptionalTrailingLineFeed() throws {
        #expect(try commands(#"{"id":1}"#).map(\.id) == [1])
        #expect(try commands("{\"id\":1}\n").map(\.id) == [1])
        #expect(try commands("{\"id\":1}\n{\"id\":2}").map(\.id) == [1, 2])
        #expect(try commands("{\"id\":1}\r\n{\"id\":2}\r\n").map(\.id) == [1, 2], "CR is JSON whitespace")
    }

    @Test func emptyLinesAreErrorsAfterTheCommandsBeforeThem() throws {
        for text in ["{\"id\":1}\n\n{\"id\":2}", "{\"id\":1}\n\n", "\n", "\n{\"id\":1}"] {
            var decoder = FrameDecoder<Command>(frame: ByteBuffer(string: text), encoding: .json)
            var decoded: [UInt32] = []
            #expect(throws: ProtocolDecodingError.emptyLine, "\(text.debugDescription)") {
                while let command = try decoder.next() { decoded.append(command.id) }
            }
            #expect(decoded == (text.hasPrefix("\n") ? [] : [1]))
            #expect(try decoder.next() == nil, "nothing after the error")
        }
    }

    @Test func prettyPrintedCommandsFail() {
        #expect(throws: ProtocolDecodingError.self) { try commands("{\n\"id\":1\n}") }
    }

    @Test func limitsAreInclusive() throws {
        let text = #"{"id":1,"connect":{"token":""# + String(repeating: "a", count: 100) + #""}}"#
        let size = text.utf8.count
        var atLimit = FrameDecoder<Command>(
            frame: ByteBuffer(string: text), encoding: .json, limits: FrameLimits(maxFrameSize: size))
        #expect(try atLimit.all().count == 1)
        var overLimit = FrameDecoder<Command>(
            frame: ByteBuffer(string: text), encoding: .json, limits: FrameLimits(maxFrameSize: size - 1))
        #expect(throws: ProtocolDecodingError.frameTooLarge(size: size, limit: size - 1)) { try overLimit.all() }
    }

    @Test func outboundLayouts() throws {
        let replies = [Reply(id: 1, result: .publish(PublishResult())), Reply.ping]
        #expect(
            try FrameEncoder(encoding: .json, layout: .joined).frame(replies).string == "{\"id\":1,\"publish\":{}}\n{}")
        #expect(
            try FrameEncoder(encoding: .json, layout: .lineTerminated).frame(replies).string
                == "{\"id\":1,\"publish\":{}}\n{}\n")
        #expect(try FrameEncoder(encoding: .protobuf).frame(replies).hex == "04 08 01 42 00 00")
        // A pre-encoded publication is appended with the same layout rules.
        let shared = try MessageCodec.json.encode(Reply.ping)
        var frame = ByteBuffer()
        let encoder = FrameEncoder(encoding: .json, layout: .joined)
        encoder.appendEncoded(shared, to: &frame, count: 0)
        encoder.appendEncoded(shared, to: &frame, count: 1)
        #expect(frame.string == "{}\n{}")
        var binary = ByteBuffer()
        FrameEncoder(encoding: .protobuf).appendEncoded(
            try MessageCodec.protobuf.encode(Reply(id: 1)), to: &binary, count: 0)
        #expect(binary.hex == "02 08 01")
    }

    @Test func failedAppendLeavesTheFrameIntact() throws {
        let encoder = FrameEncoder(encoding: .json, layout: .joined)
        var frame = ByteBuffer()
        try encoder.append(Reply.ping, to: &frame, count: 0)
        let bad = Reply(push: Push(channel: "c", .publication(Publication(data: ByteBuffer(string: "nope")))))
        #expect(throws: ProtocolEncodingError.payloadNotJSON) { try encoder.append(bad, to: &frame, count: 1) }
        #expect(frame.string == "{}")
    }

    @Test func protocolVersionSelection() {
        #expect(ProtocolVersion.select(queryValue: nil) == .success(.v2))
        #expect(ProtocolVersion.select(queryValue: "") == .success(.v2))
        #expect(ProtocolVersion.select(queryValue: "v1") == .success(.v1))
        #expect(ProtocolVersion.select(queryValue: "v2") == .success(.v2))
        #expect(ProtocolVersion.select(queryValue: nil, v1ByDefault: true) == .success(.v1))
        #expect(ProtocolVersion.select(queryValue: "v3") == .failure(.unknownVersion("v3")))
        #expect(ProtocolVersion.select(queryValue: "v1", v1Disabled: true) == .failure(.v1Disabled))
        #expect(ProtocolVersion.select(queryValue: nil, v1ByDefault: true, v1Disabled: true) == .failure(.v1Disabled))
        #expect(ProtocolVersion.select(queryValue: "v2", v1Disabled: true) == .success(.v2))
    }

    @Test func encodingSelection() {
        #expect(ProtocolEncoding.forWebSocket(format: nil, cfProtocol: nil, subprotocol: nil) == .json)
        #expect(ProtocolEncoding.forWebSocket(format: "protobuf", cfProtocol: nil, subprotocol: nil) == .protobuf)
        #expect(ProtocolEncoding.forWebSocket(format: nil, cfProtocol: "protobuf", subprotocol: nil) == .protobuf)
        #expect(
            ProtocolEncoding.forWebSocket(format: nil, cfProtocol: nil, subprotocol: "centrifuge-protobuf") == .protobuf
        )
        #expect(ProtocolEncoding.forWebSocket(format: "json", cfProtocol: nil, subprotocol: "centrifuge-json") == .json)
        #expect(
            ProtocolEncoding.negotiateSubprotocol(offered: ["centrifuge-protobuf", "centrifuge-json"])
                == "centrifuge-json")
        #expect(ProtocolEncoding.negotiateSubprotocol(offered: ["centrifuge-protobuf"]) == "centrifuge-protobuf")
        #expect(ProtocolEncoding.negotiateSubprotocol(offered: ["chat"]) == nil)
        #expect(ProtocolEncoding.forHTTPStream(contentType: "application/octet-stream") == .protobuf)
        #expect(ProtocolEncoding.forHTTPStream(contentType: "application/octet-stream; charset=x") == .json)
        #expect(ProtocolEncoding.forHTTPStream(contentType: nil) == .json)
    }
}

/// Messages larger than the first reservation are written a second time into a grown buffer.
@Suite struct LargeMessageEncodingTests {
    @Test func largeJSONMessagesAreComplete() throws {
        let escaped = String(repeating: "<\u{01}é\"", count: 5_000)
        let payload = ByteBuffer(string: "[" + String(repeating: "1,", count: 20_000) + "1]")
        let reply = Reply(push: Push(channel: escaped, .publication(Publication(data: payload, offset: 1))))
        var buffer = ByteBuffer(string: "x")
        try MessageCodec.json.encode(reply, into: &buffer)
        #expect(buffer.readString(length: 1) == "x")
        #expect(try MessageCodec.json.decode(Reply.self, from: buffer) == reply)
        let text = buffer.string
        #expect(text.hasPrefix(#"{"push":{"channel":"\u003c\u0001é\"\u003c"#))
        #expect(text.hasSuffix(#"1,1],"offset":1}}}"#))
    }

    @Test func largeProtobufMessagesAreComplete() throws {
        let payload = ByteBuffer(repeating: 0xAB, count: 70_000)
        let reply = Reply(push: Push(channel: "c", .publication(Publication(data: payload, offset: 1))))
        var frame = ByteBuffer()
        try FrameEncoder(encoding: .protobuf).append(reply, to: &frame, count: 0)
        var decoder = FrameDecoder<Reply>(frame: frame, encoding: .protobuf, limits: FrameLimits(maxFrameSize: .max))
        #expect(try decoder.all() == [reply])
        // The frame prefix: 70 017 bytes (Reply → Push → Publication, each with a 3-byte length) as a varint.
        #expect(frame.getBytes(at: 0, length: 4) == [0x81, 0xA3, 0x04, 0x22])
    }
}
