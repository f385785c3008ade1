import NIOCore
import OrderedCollections
import RotorCore
import RotorProtocol
import Testing

@Suite struct ClientConnectionCommandsTests {
    func connected(transport: TransportDescription = .webSocket, channels: ChannelConfiguration = .testing)
        -> ConnectionHarness
    {
        var harness = ConnectionHarness(channels: channels, transport: transport)
        harness.connect()
        return harness
    }

    @Test func publishCarriesPublisherInfoAndRepliesAfterEngine() {
        var harness = connected()
        let actions = harness.send(2, .publish(PublishRequest(channel: "news:x", data: ByteBuffer(text: "{}"))))
        guard case .publish(let channel, let publication) = actions.first else {
            Issue.record("expected a publish effect, got \(actions)")
            return
        }
        #expect(channel == "news:x")
        #expect(publication.info?.user == "42")
        #expect(publication.info?.client == "client-1")
        #expect(
            harness.connection.publishCompleted(succeeded: true, now: harness.now).replies.map(\.publish) == [
                PublishResult()
            ])
    }

    @Test func publishFailures() {
        var harness = connected()
        _ = harness.send(2, .publish(PublishRequest(channel: "news:x", data: ByteBuffer(text: "1"))))
        #expect(harness.connection.publishCompleted(succeeded: false, now: harness.now).errorCodes == [100])
        #expect(
            harness.send(3, .publish(PublishRequest(channel: "chat:x", data: ByteBuffer(text: "1")))).errorCodes == [
                103
            ])
        #expect(
            harness.send(4, .publish(PublishRequest(channel: "nope:x", data: ByteBuffer(text: "1")))).errorCodes == [
                102
            ])
        #expect(harness.send(5, .publish(PublishRequest(channel: "news:x"))).closeCode == 3501)
    }

    @Test func publishForSubscriberNeedsSubscription() {
        var harness = connected()
        harness.subscribe(
            2, SubscribeRequest(channel: "chat:x"),
            outcome: .subscribed(history: StreamRead(publications: [], top: StreamPosition()), buffered: []))
        let actions = harness.send(3, .publish(PublishRequest(channel: "chat:x", data: ByteBuffer(text: "1"))))
        #expect(actions.contains { if case .publish = $0 { true } else { false } })
    }

    @Test func presenceAndStats() {
        var harness = connected()
        #expect(harness.send(2, .presence(PresenceRequest(channel: "news:x"))).errorCodes == [108])
        #expect(harness.send(3, .presence(PresenceRequest(channel: "chat:x"))).errorCodes == [103])
        #expect(harness.send(4, .presence(PresenceRequest(channel: ""))).closeCode == 3501)

        var room = connected()
        #expect(room.send(2, .presence(PresenceRequest(channel: "room:x"))) == [.presence(channel: "room:x")])
        var entries = OrderedDictionary<String, ClientInfo>()
        entries["client-1"] = ClientInfo(user: "42", client: "client-1")
        #expect(room.connection.presenceCompleted(entries, now: room.now).replies.first?.presence?.presence == entries)
        #expect(
            room.send(3, .presenceStats(PresenceStatsRequest(channel: "room:x"))) == [.presenceStats(channel: "room:x")]
        )
        let stats = room.connection.presenceStatsCompleted(clients: 2, users: 1, now: room.now).replies.first?
            .presenceStats
        #expect(stats == PresenceStatsResult(numClients: 2, numUsers: 1))
        _ = room.send(4, .presence(PresenceRequest(channel: "room:x")))
        #expect(room.connection.presenceCompleted(nil, now: room.now).errorCodes == [100])
    }

    @Test func historyRules() {
        var harness = connected()
        #expect(harness.send(2, .history(HistoryRequest(channel: "news:x"))).errorCodes == [108])
        #expect(harness.send(3, .history(HistoryRequest(channel: "chat:x"))).errorCodes == [103])
        #expect(
            harness.send(4, .history(HistoryRequest(channel: "hist:x", limit: 1000))) == [
                .history(channel: "hist:x", limit: 300, since: nil, reverse: false)
            ])
        _ = harness.connection.historyCompleted(StreamRead(publications: [], top: StreamPosition()), now: harness.now)
        #expect(
            harness.send(5, .history(HistoryRequest(channel: "hist:x", limit: -1))) == [
                .history(channel: "hist:x", limit: 300, since: nil, reverse: false)
            ])
        _ = harness.connection.historyCompleted(StreamRead(publications: [], top: StreamPosition()), now: harness.now)
        let reverseZero = HistoryRequest(
            channel: "hist:x", limit: 10, since: StreamPosition(offset: 0, epoch: "e"), reverse: true)
        #expect(harness.send(6, .history(reverseZero)).errorCodes == [107])
        let since = HistoryRequest(channel: "hist:x", limit: 10, since: StreamPosition(offset: 1, epoch: "old"))
        _ = harness.send(7, .history(since))
        #expect(
            harness.connection.historyCompleted(
                StreamRead(publications: [], top: StreamPosition(offset: 2, epoch: "new")), now: harness.now
            ).errorCodes == [112])
        _ = harness.send(8, .history(HistoryRequest(channel: "hist:x")))
        #expect(harness.connection.historyCompleted(nil, now: harness.now).errorCodes == [100])
        _ = harness.send(9, .history(HistoryRequest(channel: "hist:x", limit: 1)))
        let read = StreamRead(
            publications: [Publication(data: ByteBuffer(text: "1"), offset: 1)],
            top: StreamPosition(offset: 1, epoch: "e"))
        let result = harness.connection.historyCompleted(read, now: harness.now).replies.first?.history
        #expect(result == HistoryResult(publications: read.publications, epoch: "e", offset: 1))
    }

    @Test func rpcWithoutProxyIs108() {
        var harness = connected()
        #expect(harness.send(2, .rpc(RPCRequest(data: ByteBuffer(text: "{}"), method: "m"))).errorCodes == [108])
    }

    @Test func sendIs3508() {
        var harness = connected()
        #expect(harness.send(0, .send(SendRequest(data: ByteBuffer(text: "{}")))).closeCode == 3508)
    }

    @Test func v2PingIs108AndV1PingIsEmptyResult() {
        var v2 = connected()
        #expect(v2.send(2, .ping(PingRequest())).errorCodes == [108])
        var v1 = connected(transport: TransportDescription(name: "websocket", version: .v1))
        #expect(v1.send(2, .ping(PingRequest())).replies == [Reply(id: 2, result: .ping(PingResult()))])
    }

    @Test func malformedCommandsAre3501() {
        var harness = connected()
        #expect(harness.send(.malformed).closeCode == 3501)
        var v1 = connected(transport: TransportDescription(name: "websocket", version: .v1))
        #expect(
            v1.send(ClientCommand.v1(id: 0, .request(.subscribe(SubscribeRequest(channel: "news:x"))))).closeCode
                == 3501)
    }

    @Test func unknownV1MethodIs104AndStopsReading() {
        var v1 = connected(transport: TransportDescription(name: "websocket", version: .v1))
        let actions = v1.send(ClientCommand.v1(id: 5, .unknownMethod(42)))
        #expect(actions.errorCodes == [104])
        #expect(actions.stopsReading)
        #expect(v1.send(6, .ping(PingRequest())).isEmpty)
    }

    @Test func commandsAfterAClosingCommandAreDropped() {
        var harness = connected()
        _ = harness.send(2, .publish(PublishRequest(channel: "news:x", data: ByteBuffer(text: "1"))))
        _ = harness.send(3, .send(SendRequest(data: ByteBuffer(text: "1"))))
        _ = harness.send(4, .ping(PingRequest()))
        let actions = harness.connection.publishCompleted(succeeded: true, now: harness.now)
        #expect(actions.replies.map(\.id) == [2])
        #expect(actions.closeCode == 3508)
    }

    @Test func v2ClassifiesPongsAndMissingRequests() {
        #expect(ClientCommand.v2(Command(id: 0)) == .pong)
        #expect(ClientCommand.v2(Command(id: 3)) == .malformed)
        #expect(ClientCommand.v2(Command(id: 3, .ping(PingRequest()))) == .request(id: 3, .ping(PingRequest())))
        #expect(ClientCommand.v2(Command(id: 0, .send(SendRequest()))) == .request(id: 0, .send(SendRequest())))
    }
}
