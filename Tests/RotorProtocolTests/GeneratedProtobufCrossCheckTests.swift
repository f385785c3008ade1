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

    /// The shared samples, plus payloads only Protobuf can carry.
    static let replies: [Reply] =
        SampleMessages.replies + [
            Reply(id: 9, result: .rpc(RPCResult(data: ByteBuffer(bytes: [0, 1, 2])))),
            Reply(push: Push(type: 7, channel: "c", data: ByteBuffer(bytes: [0xFF, 0x00]))),
        ]

    static let commands: [Command] =
        SampleMessages.commands + [
            Command(id: 4, .publish(PublishRequest(channel: "c", data: ByteBuffer(repeating: 0x7A, count: 200))))
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
