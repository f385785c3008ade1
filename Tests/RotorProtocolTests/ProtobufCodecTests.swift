import NIOCore
import RotorProtocol
import Testing

/// Protobuf rules of spec §2.1 and §4.2, and robustness against hostile input.
@Suite struct ProtobufCodecTests {
    let pb = MessageCodec.protobuf

    func decodeCommand(_ hex: String) throws -> Command {
        try pb.decode(Command.self, from: ByteBuffer(bytes(hex: hex)))
    }

    @Test func zeroScalarsAreOmittedAndSetSubMessagesAlwaysWritten() throws {
        #expect(try pb.encode(Reply(id: 0, result: .publish(PublishResult()))).hex == "42 00")
        #expect(try pb.encode(Reply.ping).readableBytes == 0)
        #expect(try pb.encode(SubscribeResult(expires: false, ttl: 0, epoch: "")).readableBytes == 0)
        // Map entries carry key and value even when both are empty.
        #expect(try pb.encode(PresenceResult(presence: ["": ClientInfo()])).hex == "0a 04 0a 00 12 00")
        #expect(try pb.encode(Publication(tags: ["": ""])).hex == "3a 04 0a 00 12 00")
    }

    @Test func negativeInt32UsesTenByteVarints() throws {
        let encoded = try pb.encode(HistoryRequest(limit: -1))
        #expect(encoded.hex == "38 ff ff ff ff ff ff ff ff ff 01")
        #expect(try pb.decode(HistoryRequest.self, from: encoded).limit == -1)
    }

    @Test func longSubMessagesGetMultiByteLengths() throws {
        let payload = ByteBuffer(repeating: 0x61, count: 300)
        let reply = Reply(push: Push(channel: "c", .publication(Publication(data: payload, offset: 1))))
        let encoded = try pb.encode(reply)
        #expect(try pb.decode(Reply.self, from: encoded) == reply)
        // push(4) len=311 → 22 b7 02 …; channel; pub(4) len=305 → 22 b1 02; data(4) len=300 → 22 ac 02
        #expect(encoded.getBytes(at: 0, length: 3) == [0x22, 0xB7, 0x02])
        #expect(encoded.readableBytes == 3 + 311)
    }

    @Test func unknownFieldsAreSkipped() throws {
        // id=1, field 99 varint, field 100 fixed64, field 101 bytes, field 102 fixed32, a group (field 103)
        // holding a varint, then subscribe {channel:"a"}.
        let command = try decodeCommand(
            "08 01 98 06 05 a1 06 01 02 03 04 05 06 07 08 aa 06 02 78 79 b5 06 01 02 03 04 bb 06 08 05 bc 06 2a 03 0a 01 61"
        )
        #expect(command == Command(id: 1, .subscribe(SubscribeRequest(channel: "a"))))
    }

    @Test func hostileInputIsRejected() throws {
        let cases: [(String, ProtocolDecodingError)] = [
            ("08", .truncated),  // tag without value
            ("08 80", .truncated),  // varint cut short
            ("08 ff ff ff ff ff ff ff ff ff ff 01", .malformedVarint),  // 11-byte varint
            ("00 01", .invalidTag),  // field number 0
            ("9e 06", .invalidTag),  // unknown field 99 with wire type 6
            ("9c 06", .invalidTag),  // stray end-group of field 99
            ("0e", .wrongWireType(field: 1)),  // id with wire type 6
            ("0a 01 61", .wrongWireType(field: 1)),  // id sent as bytes
            ("22 05 0a 03 61", .lengthExceedsInput(declared: 5, available: 3)),
            ("22 ff ff ff ff 0f", .lengthExceedsInput(declared: 4_294_967_295, available: 0)),
        ]
        for (hex, error) in cases {
            #expect(throws: error, "\(hex)") { try decodeCommand(hex) }
        }
    }

    @Test func varintPrefixesAreCheckedBeforeAnythingIsRead() throws {
        // The reference allocates 4 GiB for this prefix and closes late (spec §4.2); Rotor rejects it at once.
        var decoder = FrameDecoder<Command>(frame: ByteBuffer(bytes(hex: "ff ff ff ff 0f")), encoding: .protobuf)
        #expect(throws: ProtocolDecodingError.lengthExceedsInput(declared: 4_294_967_295, available: 0)) {
            try decoder.next()
        }
        var overflow = FrameDecoder<Command>(
            frame: ByteBuffer(bytes(hex: "ff ff ff ff ff ff ff ff ff ff ff")), encoding: .protobuf)
        #expect(throws: ProtocolDecodingError.malformedVarint) { try overflow.next() }
        // Messages before the bad one are still delivered.
        var partial = FrameDecoder<Command>(frame: ByteBuffer(bytes(hex: "02 08 05 03 08")), encoding: .protobuf)
        #expect(try partial.next() == Command(id: 5))
        #expect(throws: ProtocolDecodingError.lengthExceedsInput(declared: 3, available: 1)) { try partial.next() }
        #expect(try partial.next() == nil)
    }

    @Test func manyMessagesInOneFrame() throws {
        var frame = ByteBuffer()
        for id in 1...5_000 {
            try FrameEncoder(encoding: .protobuf).append(
                Command(id: UInt32(id), .ping(PingRequest())), to: &frame, count: id - 1)
        }
        var decoder = FrameDecoder<Command>(frame: frame, encoding: .protobuf, limits: FrameLimits(maxFrameSize: .max))
        #expect(try decoder.all().count == 5_000)
    }

    @Test func everyModelTypeRoundTripsInBothEncodings() throws {
        for codec in [MessageCodec.json, MessageCodec.protobuf] {
            for reply in SampleMessages.replies {
                #expect(try codec.decode(Reply.self, from: codec.encode(reply)) == reply, "\(codec.encoding)")
            }
            for command in SampleMessages.commands {
                #expect(try codec.decode(Command.self, from: codec.encode(command)) == command, "\(codec.encoding)")
            }
        }
    }

    @Test func mapsKeepTheirOrder() throws {
        let presence = PresenceResult(presence: [
            "z": ClientInfo(user: "1", client: "z"), "a": ClientInfo(user: "2", client: "a"),
            "m": ClientInfo(user: "", client: "m"),
        ])
        for codec in [MessageCodec.json, MessageCodec.protobuf] {
            let decoded = try codec.decode(PresenceResult.self, from: codec.encode(presence))
            #expect(decoded == presence)
            #expect(Array(decoded.presence.keys) == ["z", "a", "m"])
        }
    }
}
