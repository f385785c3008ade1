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
        let info = ClientInfo(
            user: "u", client: "c", connInfo: ByteBuffer(string: "{}"), chanInfo: ByteBuffer(string: "[1]"))
        let publication = Publication(
            data: ByteBuffer(string: "\"d\""), info: info, offset: 9, tags: ["k": "v", "a": "b"])
        let subscribe = SubscribeResult(
            expires: true, ttl: 1, recoverable: true, epoch: "e", publications: [publication, publication],
            recovered: true,
            offset: 2, positioned: true, data: ByteBuffer(string: "3"), wasRecovering: true)
        let messages: [Reply] = [
            Reply(
                id: 1,
                result: .connect(
                    ConnectResult(
                        client: "c", version: "v", expires: true, ttl: 2, data: ByteBuffer(string: "1"),
                        subs: ["x": subscribe, "y": SubscribeResult()], ping: 25, pong: true, session: "s", node: "n"))),
            Reply(id: 2, result: .subscribe(subscribe)),
            Reply(
                id: 3, result: .presence(PresenceResult(presence: ["c": info, "d": ClientInfo(user: "", client: "d")]))),
            Reply(id: 4, result: .presenceStats(PresenceStatsResult(numClients: 3, numUsers: 2))),
            Reply(id: 5, result: .history(HistoryResult(publications: [publication], epoch: "e", offset: 7))),
            Reply(id: 6, result: .rpc(RPCResult(data: ByteBuffer(string: "{}")))),
            Reply(id: 7, result: .refresh(RefreshResult(client: "c", version: "v", expires: true, ttl: 3))),
            Reply(id: 8, result: .subRefresh(SubRefreshResult(expires: true, ttl: 4))),
            Reply(id: 9, result: .ping(PingResult())),
            Reply(id: 10, error: ReplyError(code: 1000, message: "custom", temporary: true)),
            Reply(push: Push(channel: "ch", .publication(publication))),
            Reply(push: Push(channel: "ch", .join(Join(info: info)))),
            Reply(push: Push(channel: "ch", .leave(Leave(info: info)))),
            Reply(
                push: Push(
                    channel: "ch",
                    .subscribe(
                        SubscribePush(
                            recoverable: true, epoch: "e", offset: 1, positioned: true, data: ByteBuffer(string: "1"))))
            ),
            Reply(push: Push(.message(MessagePush(data: ByteBuffer(string: "1"))))),
            Reply(
                push: Push(
                    .connect(
                        ConnectPush(
                            client: "c", version: "v", data: ByteBuffer(string: "1"), subs: ["x": subscribe],
                            expires: true, ttl: 1, ping: 2, pong: true, session: "s", node: "n")))),
            Reply(push: Push(.disconnect(DisconnectPush(code: 4000, reason: "r", reconnect: true)))),
            Reply(push: Push(.refresh(RefreshPush(expires: true, ttl: 5)))),
        ]
        for codec in [MessageCodec.json, MessageCodec.protobuf] {
            for message in messages {
                #expect(try codec.decode(Reply.self, from: codec.encode(message)) == message, "\(codec.encoding)")
            }
        }
        let commands: [Command] = [
            Command(
                id: 1,
                .connect(
                    ConnectRequest(
                        token: "t", data: ByteBuffer(string: "1"),
                        subs: ["a": SubscribeRequest(recover: true, epoch: "e", offset: 3)], name: "n", version: "v"))),
            Command(
                id: 2,
                .subscribe(
                    SubscribeRequest(
                        channel: "c", token: "t", recover: true, epoch: "e", offset: 1, data: ByteBuffer(string: "2"),
                        positioned: true, recoverable: true, joinLeave: true))),
            Command(id: 3, .unsubscribe(UnsubscribeRequest(channel: "c"))),
            Command(id: 4, .publish(PublishRequest(channel: "c", data: ByteBuffer(string: "{}")))),
            Command(id: 5, .presence(PresenceRequest(channel: "c"))),
            Command(id: 6, .presenceStats(PresenceStatsRequest(channel: "c"))),
            Command(
                id: 7,
                .history(
                    HistoryRequest(channel: "c", limit: 10, since: StreamPosition(offset: 4, epoch: "e"), reverse: true)
                )),
            Command(id: 8, .ping(PingRequest())),
            Command(id: 0, .send(SendRequest(data: ByteBuffer(string: "1")))),
            Command(id: 9, .rpc(RPCRequest(data: ByteBuffer(string: "1"), method: "m"))),
            Command(id: 10, .refresh(RefreshRequest(token: "t"))),
            Command(id: 11, .subRefresh(SubRefreshRequest(channel: "c", token: "t"))),
            Command(id: 12, method: 3, params: ByteBuffer(string: "{}")),
        ]
        for codec in [MessageCodec.json, MessageCodec.protobuf] {
            for command in commands {
                #expect(try codec.decode(Command.self, from: codec.encode(command)) == command, "\(codec.encoding)")
            }
        }
    }
}
