import NIOCore
import RotorProtocol
import Testing

/// The example exchanges of spec §14, with placeholders filled by fixed values.
@Suite struct SpecExampleTests {
    let json = MessageCodec.json
    let uuid = "9a4b6bde-16c4-4c69-a1d4-7d0e57ba7dd3"
    let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.sig"

    func encoded<M: ProtocolMessage>(_ message: M) throws -> String {
        try json.encode(message).string
    }

    func decoded<M: ProtocolMessage>(_ type: M.Type, _ text: String) throws -> M {
        try json.decode(M.self, from: ByteBuffer(string: text))
    }

    @Test func e1ConnectWithoutExpiry() throws {
        let command = try decoded(Command.self, #"{"id":1,"connect":{"token":"\#(jwt)","name":"conformance"}}"#)
        #expect(command.request == .connect(ConnectRequest(token: jwt, name: "conformance")))
        let reply = Reply(id: 1, result: .connect(ConnectResult(client: uuid, version: "4.1.5", ping: 25, pong: true)))
        #expect(
            try encoded(reply) == #"{"id":1,"connect":{"client":"\#(uuid)","version":"4.1.5","ping":25,"pong":true}}"#)
    }

    @Test func e2ConnectWithExpiry() throws {
        let result = ConnectResult(client: uuid, version: "4.1.5", expires: true, ttl: 3600, ping: 25, pong: true)
        #expect(
            try encoded(Reply(id: 1, result: .connect(result)))
                == #"{"id":1,"connect":{"client":"\#(uuid)","version":"4.1.5","expires":true,"ttl":3600,"ping":25,"pong":true}}"#
        )
    }

    @Test func e3ConnectAndSubscribeInOneFrame() throws {
        let frame = ByteBuffer(
            string: #"{"id":1,"connect":{"token":"\#(jwt)"}}"# + "\n"
                + #"{"id":2,"subscribe":{"channel":"chat:index"}}"#)
        var decoder = FrameDecoder<Command>(frame: frame, encoding: .json)
        let commands = try decoder.all()
        #expect(commands.map(\.id) == [1, 2])
        #expect(commands[1].request == .subscribe(SubscribeRequest(channel: "chat:index")))
        let replies = [
            Reply(id: 1, result: .connect(ConnectResult(client: uuid, version: "4.1.5", ping: 25, pong: true))),
            Reply(id: 2, result: .subscribe(SubscribeResult(recoverable: true, epoch: "AbCd", positioned: true))),
        ]
        let out = try FrameEncoder(encoding: .json).frame(replies)
        #expect(
            out.string
                == #"{"id":1,"connect":{"client":"\#(uuid)","version":"4.1.5","ping":25,"pong":true}}"# + "\n"
                + #"{"id":2,"subscribe":{"recoverable":true,"epoch":"AbCd","positioned":true}}"#)
    }

    @Test func e4PingAndPong() throws {
        #expect(try encoded(Reply.ping) == "{}")
        let pong = try decoded(Command.self, "{}")
        #expect(pong.isPong)
        // Any command without id and without send is a pong, whatever else it holds (trap T4).
        #expect(try decoded(Command.self, #"{"subscribe":{"channel":"x"}}"#).isPong)
        #expect(!(try decoded(Command.self, #"{"send":{"data":{}}}"#).isPong))
    }

    @Test func e5PublicationPushAndPublishReply() throws {
        let command = try decoded(Command.self, #"{"id":3,"publish":{"channel":"chat:index","data":{"text":"hi"}}}"#)
        guard case .publish(let publish) = command.request else {
            Issue.record("not a publish")
            return
        }
        #expect(publish.data.string == #"{"text":"hi"}"#)
        let push = Reply(
            push: Push(
                channel: "chat:index",
                .publication(
                    Publication(data: publish.data, info: ClientInfo(user: "42", client: uuid), offset: 1))))
        #expect(
            try encoded(push)
                == #"{"push":{"channel":"chat:index","pub":{"data":{"text":"hi"},"info":{"user":"42","client":"\#(uuid)"},"offset":1}}}"#
        )
        #expect(try encoded(Reply(id: 3, result: .publish(PublishResult()))) == #"{"id":3,"publish":{}}"#)
    }

    @Test func e6ErrorReplies() throws {
        let cases: [(String, Request, ReplyError)] = [
            (
                #"{"id":4,"subscribe":{"channel":"nope:x"}}"#, .subscribe(SubscribeRequest(channel: "nope:x")),
                .unknownChannel
            ),
            (
                #"{"id":6,"rpc":{"method":"getX","data":{}}}"#,
                .rpc(RPCRequest(data: ByteBuffer(string: "{}"), method: "getX")), .notAvailable
            ),
            (#"{"id":7,"ping":{}}"#, .ping(PingRequest()), .notAvailable),
            (
                #"{"id":8,"history":{"channel":"chat:index","since":{"offset":1,"epoch":"wrong"}}}"#,
                .history(HistoryRequest(channel: "chat:index", since: StreamPosition(offset: 1, epoch: "wrong"))),
                .unrecoverablePosition
            ),
            (
                #"{"id":9,"history":{"channel":"chat:index","reverse":true,"since":{"offset":0}}}"#,
                .history(HistoryRequest(channel: "chat:index", since: StreamPosition(), reverse: true)), .badRequest
            ),
        ]
        for (text, request, error) in cases {
            let command = try decoded(Command.self, text)
            #expect(command.request == request)
            #expect(
                try encoded(Reply(id: command.id, error: error))
                    == #"{"id":\#(command.id),"error":{"code":\#(error.code),"message":"\#(error.message)"}}"#)
        }
    }

    @Test func e7HistoryPresenceAndUnsubscribe() throws {
        let publication = Publication(
            data: ByteBuffer(string: #"{"text":"hi"}"#), info: ClientInfo(user: "42", client: uuid), offset: 1)
        #expect(
            try encoded(
                Reply(id: 10, result: .history(HistoryResult(publications: [publication], epoch: "AbCd", offset: 1))))
                == #"{"id":10,"history":{"publications":[{"data":{"text":"hi"},"info":{"user":"42","client":"\#(uuid)"},"offset":1}],"epoch":"AbCd","offset":1}}"#
        )
        #expect(
            try encoded(Reply(id: 11, result: .history(HistoryResult(epoch: "AbCd", offset: 1))))
                == #"{"id":11,"history":{"publications":[],"epoch":"AbCd","offset":1}}"#)
        // Always-written fields survive zero values.
        #expect(
            try encoded(Reply(id: 11, result: .history(HistoryResult())))
                == #"{"id":11,"history":{"publications":[],"epoch":"","offset":0}}"#)
        #expect(
            try encoded(Reply(id: 12, result: .presenceStats(PresenceStatsResult(numClients: 1, numUsers: 1))))
                == #"{"id":12,"presence_stats":{"num_clients":1,"num_users":1}}"#)
        #expect(
            try encoded(Reply(id: 12, result: .presenceStats(PresenceStatsResult())))
                == #"{"id":12,"presence_stats":{"num_clients":0,"num_users":0}}"#)
        #expect(
            try encoded(
                Reply(id: 13, result: .presence(PresenceResult(presence: [uuid: ClientInfo(user: "42", client: uuid)])))
            )
                == #"{"id":13,"presence":{"presence":{"\#(uuid)":{"user":"42","client":"\#(uuid)"}}}}"#)
        #expect(
            try encoded(Reply(id: 13, result: .presence(PresenceResult()))) == #"{"id":13,"presence":{"presence":{}}}"#)
        #expect(try encoded(Reply(id: 14, result: .unsubscribe(UnsubscribeResult()))) == #"{"id":14,"unsubscribe":{}}"#)
        // An anonymous user is still written.
        #expect(try encoded(ClientInfo(user: "", client: uuid)) == #"{"user":"","client":"\#(uuid)"}"#)
    }

    @Test func e8RecoveryReplies() throws {
        let recovered = SubscribeResult(
            recoverable: true, epoch: "E",
            publications: [
                Publication(data: ByteBuffer(string: "1"), offset: 2),
                Publication(data: ByteBuffer(string: "2"), offset: 3),
            ],
            recovered: true, offset: 1, positioned: true, wasRecovering: true)
        #expect(
            try encoded(Reply(id: 16, result: .subscribe(recovered)))
                == #"{"id":16,"subscribe":{"recoverable":true,"epoch":"E","publications":[{"data":1,"offset":2},{"data":2,"offset":3}],"recovered":true,"offset":1,"positioned":true,"was_recovering":true}}"#
        )
        let notRecovered = SubscribeResult(
            recoverable: true, epoch: "E", offset: 3, positioned: true, wasRecovering: true)
        #expect(
            try encoded(Reply(id: 17, result: .subscribe(notRecovered)))
                == #"{"id":17,"subscribe":{"recoverable":true,"epoch":"E","offset":3,"positioned":true,"was_recovering":true}}"#
        )
    }

    @Test func e9Refresh() throws {
        let command = try decoded(Command.self, #"{"id":18,"refresh":{"token":"\#(jwt)"}}"#)
        #expect(command.request == .refresh(RefreshRequest(token: jwt)))
        #expect(
            try encoded(Reply(id: 18, result: .refresh(RefreshResult(expires: true, ttl: 7200))))
                == #"{"id":18,"refresh":{"expires":true,"ttl":7200}}"#)
        #expect(try encoded(Reply(id: 18, result: .refresh(RefreshResult()))) == #"{"id":18,"refresh":{}}"#)
    }

    @Test func e10ProtocolViolationsThatAreDecodeErrors() throws {
        // A zero-length frame.
        var empty = FrameDecoder<Command>(frame: ByteBuffer(), encoding: .json)
        #expect(throws: ProtocolDecodingError.emptyFrame) { try empty.next() }
        // A trailing empty line: the connect is decoded first, then the error.
        var trailing = FrameDecoder<Command>(
            frame: ByteBuffer(string: #"{"id":1,"connect":{}}"# + "\n\n"), encoding: .json)
        #expect(try trailing.next()?.id == 1)
        #expect(throws: ProtocolDecodingError.emptyLine) { try trailing.next() }
        // Commands that decode but carry no request: the state machine closes with 3501.
        #expect(try decoded(Command.self, #"{"id":2}"#).request == nil)
        #expect(try decoded(Command.self, #"{"id":2,"foo":{}}"#).request == nil)
        // A frame over the 65 536-byte limit.
        let big = ByteBuffer(
            string: #"{"id":1,"publish":{"channel":"c","data":""# + String(repeating: "x", count: 65_536) + #""}}"#)
        var oversized = FrameDecoder<Command>(frame: big, encoding: .json)
        #expect(throws: ProtocolDecodingError.frameTooLarge(size: big.readableBytes, limit: 65_536)) {
            try oversized.next()
        }
    }

    @Test func e12ServerPushes() throws {
        #expect(
            try encoded(
                Reply(push: Push(channel: "chat:index", .join(Join(info: ClientInfo(user: "43", client: uuid))))))
                == #"{"push":{"channel":"chat:index","join":{"info":{"user":"43","client":"\#(uuid)"}}}}"#)
        #expect(
            try encoded(Reply(push: Push(.refresh(RefreshPush(expires: true, ttl: 600)))))
                == #"{"push":{"refresh":{"expires":true,"ttl":600}}}"#)
        #expect(try encoded(Reply(push: Push(.refresh(RefreshPush())))) == #"{"push":{"refresh":{}}}"#)
        // API unsubscribe with an empty channel: no channel key at all.
        #expect(
            try encoded(Reply(push: Push(.unsubscribe(UnsubscribeReason.serverUnsubscribe.push))))
                == #"{"push":{"unsubscribe":{"code":2000,"reason":"server unsubscribe"}}}"#)
    }

    @Test func v1Session() throws {
        let mapping = V1Mapping(.json)
        let connect = try decoded(Command.self, #"{"id":1,"params":{"token":"\#(jwt)"}}"#)
        #expect(try mapping.request(of: connect) == .request(.connect(ConnectRequest(token: jwt))))
        let connectReply = try mapping.reply(
            Reply(id: 1, result: .connect(ConnectResult(client: uuid, version: "4.1.5"))))
        #expect(try encoded(connectReply) == #"{"id":1,"result":{"client":"\#(uuid)","version":"4.1.5"}}"#)

        let subscribe = try decoded(Command.self, #"{"id":2,"method":1,"params":{"channel":"chat:index"}}"#)
        #expect(try mapping.request(of: subscribe) == .request(.subscribe(SubscribeRequest(channel: "chat:index"))))
        let ping = try decoded(Command.self, #"{"id":3,"method":7}"#)
        #expect(try mapping.request(of: ping) == .request(.ping(PingRequest())))
        #expect(try encoded(mapping.reply(Reply(id: 3, result: .ping(PingResult())))) == #"{"id":3}"#)

        let publication = Publication(
            data: ByteBuffer(string: #"{"text":"hi"}"#), info: ClientInfo(user: "42", client: uuid), offset: 1)
        let pushReply = try mapping.reply(Reply(push: Push(channel: "chat:index", .publication(publication))))
        #expect(
            try encoded(pushReply)
                == #"{"result":{"channel":"chat:index","data":{"data":{"text":"hi"},"info":{"user":"42","client":"\#(uuid)"},"offset":1}}}"#
        )
        #expect(try encoded(mapping.reply(Reply(id: 4, result: .publish(PublishResult())))) == #"{"id":4,"result":{}}"#)
        let join = try mapping.reply(
            Reply(push: Push(channel: "chat:index", .join(Join(info: ClientInfo(user: "43", client: uuid))))))
        #expect(
            try encoded(join)
                == #"{"result":{"type":1,"channel":"chat:index","data":{"info":{"user":"43","client":"\#(uuid)"}}}}"#)
        let unknown = try decoded(Command.self, #"{"id":5,"method":99}"#)
        #expect(try mapping.request(of: unknown) == .unknownMethod(99))
        #expect(
            try encoded(mapping.reply(Reply(id: 5, error: .methodNotFound)))
                == #"{"id":5,"error":{"code":104,"message":"method not found"}}"#)
        // Undecodable params are a decode error (3501).
        let bad = try decoded(Command.self, #"{"id":6,"method":1,"params":[1]}"#)
        #expect(throws: ProtocolDecodingError.self) { try mapping.request(of: bad) }
    }

    @Test func unidirectionalPushes() throws {
        let connect = ConnectPush(
            client: uuid, version: "4.1.5", subs: ["#42": SubscribeResult()], ping: 25, session: uuid)
        #expect(
            try encoded(Push(.connect(connect)))
                == ##"{"connect":{"client":"\##(uuid)","version":"4.1.5","subs":{"#42":{}},"ping":25,"session":"\##(uuid)"}}"##
        )
        // Connect push key order differs from ConnectResult: data and subs before expires and ttl (trap T13).
        let expiring = ConnectPush(client: "c", data: ByteBuffer(string: "1"), expires: true, ttl: 5)
        #expect(try encoded(Push(.connect(expiring))) == #"{"connect":{"client":"c","data":1,"expires":true,"ttl":5}}"#)
        let result = ConnectResult(client: "c", expires: true, ttl: 5, data: ByteBuffer(string: "1"))
        #expect(try encoded(result) == #"{"client":"c","expires":true,"ttl":5,"data":1}"#)
        #expect(
            try encoded(Push(channel: "#42", .publication(Publication(data: ByteBuffer(string: #"{"x":1}"#)))))
                == ##"{"channel":"#42","pub":{"data":{"x":1}}}"##)
        let request = try decoded(
            ConnectRequest.self, #"{"token":"t","subs":{"chat":{"recover":true,"epoch":"e","offset":5}}}"#)
        #expect(request.subs["chat"] == SubscribeRequest(recover: true, epoch: "e", offset: 5))
    }

    @Test func emulationRequest() throws {
        let body = #"{"session":"S","node":"N","data":"{\"id\":2,\"subscribe\":{\"channel\":\"chat:index\"}}"}"#
        let request = try decoded(EmulationRequest.self, body)
        #expect(request.node == "N")
        #expect(request.session == "S")
        var commands = FrameDecoder<Command>(frame: request.data, encoding: .json)
        #expect(try commands.all() == [Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:index")))])
        #expect(
            try encoded(request)
                == #"{"node":"N","session":"S","data":"{\"id\":2,\"subscribe\":{\"channel\":\"chat:index\"}}"}"#)
    }

    @Test func protobufExamples() throws {
        let pb = MessageCodec.protobuf
        let encoder = FrameEncoder(encoding: .protobuf)
        var connectFrame = FrameDecoder<Command>(
            frame: ByteBuffer(bytes(hex: "09 08 01 22 05 0a 03 61 62 63")), encoding: .protobuf)
        #expect(try connectFrame.all() == [Command(id: 1, .connect(ConnectRequest(token: "abc")))])
        var subscribeFrame = FrameDecoder<Command>(
            frame: ByteBuffer(bytes(hex: "0a 08 02 2a 06 0a 04 6e 65 77 73")), encoding: .protobuf)
        #expect(try subscribeFrame.all() == [Command(id: 2, .subscribe(SubscribeRequest(channel: "news")))])
        #expect(try encoder.frame([Reply(id: 2, result: .subscribe(SubscribeResult()))]).hex == "04 08 02 32 00")
        #expect(try encoder.frame([Reply.ping]).hex == "00")
        var pong = FrameDecoder<Command>(frame: ByteBuffer(bytes(hex: "00")), encoding: .protobuf)
        #expect(try pong.all().map(\.isPong) == [true])
        #expect(try encoder.frame([Reply(id: 3, result: .unsubscribe(UnsubscribeResult()))]).hex == "04 08 03 3a 00")
        #expect(
            try encoder.frame([Reply(id: 2, error: .permissionDenied)]).hex
                == "19 08 02 12 15 08 67 12 11 70 65 72 6d 69 73 73 69 6f 6e 20 64 65 6e 69 65 64")
        let push = Reply(
            push: Push(channel: "news", .publication(Publication(data: ByteBuffer(string: #"{"a":1}"#), offset: 5))))
        #expect(
            try encoder.frame([push]).hex == "15 22 13 12 04 6e 65 77 73 22 0b 22 07 7b 22 61 22 3a 31 7d 30 05")
        #expect(try pb.decode(Reply.self, from: pb.encode(push)) == push)
    }
}
