import Foundation
import NIOCore
import RotorProtocol
import SwiftProtobuf
import Testing

private typealias PBCommand = Centrifugal_Centrifuge_Protocol_Command
private typealias PBReply = Centrifugal_Centrifuge_Protocol_Reply
private typealias PBPush = Centrifugal_Centrifuge_Protocol_Push

/// Cross-checks the hand-written Protobuf codec against swift-protobuf types generated from our own
/// `Proto/client.proto`, in both directions.
@Suite struct GeneratedProtobufCrossCheckTests {
    let pb = MessageCodec.protobuf

    /// Messages with at most one map entry each, so swift-protobuf's unordered maps serialise identically.
    static let replies: [Reply] = {
        let info = ClientInfo(
            user: "42", client: "c-1", connInfo: ByteBuffer(string: #"{"n":1}"#), chanInfo: ByteBuffer(string: "[]"))
        let publication = Publication(
            data: ByteBuffer(string: #"{"text":"hi"}"#), info: info, offset: 300, tags: ["k": "v"])
        let subscribe = SubscribeResult(
            expires: true, ttl: 70_000, recoverable: true, epoch: "AbCd", publications: [publication, Publication()],
            recovered: true, offset: UInt64(UInt32.max) + 1, positioned: true, data: ByteBuffer(string: "1"),
            wasRecovering: true)
        return [
            Reply.ping,
            Reply(
                id: 1,
                result: .connect(
                    ConnectResult(
                        client: "c", version: "4.1.5", expires: true, ttl: 1, data: ByteBuffer(string: "{}"),
                        subs: ["#42": subscribe], ping: 25, pong: true, session: "s", node: "n"))),
            Reply(id: 2, result: .subscribe(subscribe)),
            Reply(id: 3, result: .unsubscribe(UnsubscribeResult())),
            Reply(id: 4, result: .publish(PublishResult())),
            Reply(id: 5, result: .presence(PresenceResult(presence: ["c-1": info]))),
            Reply(id: 6, result: .presenceStats(PresenceStatsResult(numClients: 2, numUsers: 1))),
            Reply(id: 7, result: .history(HistoryResult(publications: [publication], epoch: "e", offset: 9))),
            Reply(id: 8, result: .ping(PingResult())),
            Reply(id: 9, result: .rpc(RPCResult(data: ByteBuffer(bytes: [0, 1, 2])))),
            Reply(id: 10, result: .refresh(RefreshResult(client: "c", version: "v", expires: true, ttl: 5))),
            Reply(id: 11, result: .subRefresh(SubRefreshResult(expires: true, ttl: 6))),
            Reply(id: UInt32.max, error: ReplyError(code: 1999, message: "app error", temporary: true)),
            Reply(push: Push(channel: "ch", .publication(publication))),
            Reply(push: Push(channel: "ch", .join(Join(info: info)))),
            Reply(push: Push(channel: "ch", .leave(Leave()))),
            Reply(push: Push(channel: "ch", .unsubscribe(UnsubscribeReason.insufficientState.push))),
            Reply(push: Push(.message(MessagePush(data: ByteBuffer(string: "m"))))),
            Reply(
                push: Push(
                    channel: "ch",
                    .subscribe(
                        SubscribePush(
                            recoverable: true, epoch: "e", offset: 3, positioned: true, data: ByteBuffer(string: "d"))))
            ),
            Reply(
                push: Push(
                    .connect(
                        ConnectPush(
                            client: "c", version: "v", data: ByteBuffer(string: "d"), subs: ["x": SubscribeResult()],
                            expires: true, ttl: 1, ping: 2, pong: true, session: "s", node: "n")))),
            Reply(push: Push(.disconnect(DisconnectPush(code: 3501, reason: "bad request", reconnect: true)))),
            Reply(push: Push(.refresh(RefreshPush(expires: true, ttl: 600)))),
            Reply(id: 12, result: ByteBuffer(string: "v1 result bytes")),
            Reply(push: Push(type: 7, channel: "c", data: ByteBuffer(string: "v1 push bytes"))),
        ]
    }()

    static let commands: [Command] = [
        Command(),
        Command(
            id: 1,
            .connect(
                ConnectRequest(
                    token: "t", data: ByteBuffer(string: "{}"),
                    subs: ["a": SubscribeRequest(recover: true, epoch: "e", offset: 3)], name: "n", version: "v"))),
        Command(
            id: 2,
            .subscribe(
                SubscribeRequest(
                    channel: "c", token: "t", recover: true, epoch: "e", offset: 1 << 40, data: ByteBuffer(string: "2"),
                    positioned: true, recoverable: true, joinLeave: true))),
        Command(id: 3, .unsubscribe(UnsubscribeRequest(channel: "c"))),
        Command(id: 4, .publish(PublishRequest(channel: "c", data: ByteBuffer(repeating: 0x7A, count: 200)))),
        Command(id: 5, .presence(PresenceRequest(channel: "c"))),
        Command(id: 6, .presenceStats(PresenceStatsRequest(channel: "c"))),
        Command(
            id: 7,
            .history(
                HistoryRequest(channel: "c", limit: -5, since: StreamPosition(offset: 4, epoch: "e"), reverse: true))),
        Command(id: 8, .ping(PingRequest())),
        Command(id: 0, .send(SendRequest(data: ByteBuffer(string: "1")))),
        Command(id: 9, .rpc(RPCRequest(data: ByteBuffer(string: "1"), method: "m"))),
        Command(id: 10, .refresh(RefreshRequest(token: "t"))),
        Command(id: 11, .subRefresh(SubRefreshRequest(channel: "c", token: "t"))),
        Command(id: 12, method: 11, params: ByteBuffer(string: "p")),
        Command(id: 13, method: -1),
    ]

    @Test(arguments: replies)
    func repliesMatchGeneratedCode(_ reply: Reply) throws {
        let ours = try pb.encode(reply).bytes
        let generated = try PBReply(serializedBytes: ours)
        #expect(
            try generated.serializedBytes() as [UInt8] == ours, "generated code re-serialises our bytes identically")
        let back = try pb.decode(Reply.self, from: ByteBuffer(try generated.serializedBytes() as [UInt8]))
        #expect(back == reply)
    }

    @Test(arguments: commands)
    func commandsMatchGeneratedCode(_ command: Command) throws {
        let ours = try pb.encode(command).bytes
        let generated = try PBCommand(serializedBytes: ours)
        #expect(try generated.serializedBytes() as [UInt8] == ours)
        #expect(try pb.decode(Command.self, from: ByteBuffer(try generated.serializedBytes() as [UInt8])) == command)
    }

    @Test func generatedMessagesDecodeAsBuiltByTheOtherSide() throws {
        var pub = Centrifugal_Centrifuge_Protocol_Publication()
        pub.data = Data(#"{"a":1}"#.utf8)
        pub.offset = 5
        pub.info.user = "u"
        pub.info.client = "c"
        var push = PBPush()
        push.channel = "news"
        push.pub = pub
        var reply = PBReply()
        reply.push = push
        let decoded = try pb.decode(Reply.self, from: ByteBuffer(try reply.serializedBytes() as [UInt8]))
        #expect(
            decoded
                == Reply(
                    push: Push(
                        channel: "news",
                        .publication(
                            Publication(
                                data: ByteBuffer(string: #"{"a":1}"#), info: ClientInfo(user: "u", client: "c"),
                                offset: 5)))))

        var command = PBCommand()
        command.id = 7
        command.method = .history
        command.history.channel = "h"
        command.history.limit = 10
        command.history.since.epoch = "e"
        let ours = try pb.decode(Command.self, from: ByteBuffer(try command.serializedBytes() as [UInt8]))
        #expect(ours.method == V1Method.history.rawValue)
        #expect(ours.history == HistoryRequest(channel: "h", limit: 10, since: StreamPosition(epoch: "e")))
    }

    @Test func recordedProtobufFramesMatchGeneratedCode() throws {
        var checked = 0
        for name in Recording.allNames {
            for event in Recording.load(name).events where event.kind == "binary" && event.dir == "s2c" {
                guard let frame = event.binary else { continue }
                var decoder = FrameDecoder<Reply>(
                    frame: ByteBuffer(frame), encoding: .protobuf, limits: FrameLimits(maxFrameSize: .max))
                for reply in try decoder.all() {
                    let ours = try pb.encode(reply).bytes
                    let generated = try PBReply(serializedBytes: ours)
                    #expect(try generated.serializedBytes() as [UInt8] == ours, "\(name) seq \(event.seq)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 9, "\(checked)")
    }
}

extension Reply: CustomTestStringConvertible {
    /// The JSON form, for readable test names.
    public var testDescription: String {
        (try? MessageCodec.json.encode(self).string) ?? "Reply(id: \(id))"
    }
}

extension Command: CustomTestStringConvertible {
    /// The JSON form, for readable test names.
    public var testDescription: String {
        (try? MessageCodec.json.encode(self).string) ?? "Command(id: \(id))"
    }
}
