import NIOCore
import RotorProtocol

/// One message of every kind with every field set, for round-trip and cross-check tests. Payloads are
/// valid JSON (so both encodings can carry them) and maps have one entry (so encoders with unordered
/// maps produce the same bytes).
enum SampleMessages {
    static let info = ClientInfo(
        user: "42", client: "c-1", connInfo: ByteBuffer(string: #"{"n":1}"#), chanInfo: ByteBuffer(string: "[]"))

    static let publication = Publication(
        data: ByteBuffer(string: #"{"text":"hi"}"#), info: info, offset: 300, tags: ["k": "v"])

    static let subscribeResult = SubscribeResult(
        expires: true, ttl: 70_000, recoverable: true, epoch: "AbCd", publications: [publication, Publication()],
        recovered: true, offset: UInt64(UInt32.max) + 1, positioned: true, data: ByteBuffer(string: "1"),
        wasRecovering: true)

    static let replies: [Reply] = [
        Reply.ping,
        Reply(
            id: 1,
            result: .connect(
                ConnectResult(
                    client: "c", version: "4.1.5", expires: true, ttl: 1, data: ByteBuffer(string: "{}"),
                    subs: ["#42": subscribeResult], ping: 25, pong: true, session: "s", node: "n"))),
        Reply(id: 2, result: .subscribe(subscribeResult)),
        Reply(id: 3, result: .unsubscribe(UnsubscribeResult())),
        Reply(id: 4, result: .publish(PublishResult())),
        Reply(id: 5, result: .presence(PresenceResult(presence: ["c-1": info]))),
        Reply(id: 6, result: .presenceStats(PresenceStatsResult(numClients: 2, numUsers: 1))),
        Reply(id: 7, result: .history(HistoryResult(publications: [publication], epoch: "e", offset: 9))),
        Reply(id: 8, result: .ping(PingResult())),
        Reply(id: 9, result: .rpc(RPCResult(data: ByteBuffer(string: "[1,2]")))),
        Reply(id: 10, result: .refresh(RefreshResult(client: "c", version: "v", expires: true, ttl: 5))),
        Reply(id: 11, result: .subRefresh(SubRefreshResult(expires: true, ttl: 6))),
        Reply(id: UInt32.max, error: ReplyError(code: 1999, message: "app error", temporary: true)),
        Reply(push: Push(channel: "ch", .publication(publication))),
        Reply(push: Push(channel: "ch", .join(Join(info: info)))),
        Reply(push: Push(channel: "ch", .leave(Leave()))),
        Reply(push: Push(channel: "ch", .unsubscribe(UnsubscribeReason.insufficientState.push))),
        Reply(push: Push(.message(MessagePush(data: ByteBuffer(string: #""m""#))))),
        Reply(
            push: Push(
                channel: "ch",
                .subscribe(
                    SubscribePush(
                        recoverable: true, epoch: "e", offset: 3, positioned: true, data: ByteBuffer(string: "true"))))),
        Reply(
            push: Push(
                .connect(
                    ConnectPush(
                        client: "c", version: "v", data: ByteBuffer(string: "null"), subs: ["x": SubscribeResult()],
                        expires: true, ttl: 1, ping: 2, pong: true, session: "s", node: "n")))),
        Reply(push: Push(.disconnect(DisconnectPush(code: 3501, reason: "bad request", reconnect: true)))),
        Reply(push: Push(.refresh(RefreshPush(expires: true, ttl: 600)))),
        Reply(id: 12, result: ByteBuffer(string: #"{"v1":"result"}"#)),
        Reply(push: Push(type: 7, channel: "c", data: ByteBuffer(string: #"{"v1":"push"}"#))),
    ]

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
        Command(
            id: 4,
            .publish(
                PublishRequest(channel: "c", data: ByteBuffer(string: "\"" + String(repeating: "z", count: 200) + "\""))
            )),
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
        Command(id: 12, method: 11, params: ByteBuffer(string: #"{"channel":"c"}"#)),
        Command(id: 13, method: -1),
    ]
}
