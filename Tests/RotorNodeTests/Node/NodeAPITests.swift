import NIOCore
import OrderedCollections
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol
import Testing

@Suite struct NodeAPITests {
    func error<Value>(_ result: APIResult<Value>?) -> UInt32? {
        if case .error(let error) = result { return error.code }
        return nil
    }

    @Test func publishValidatesAndReportsPosition() {
        let harness = NodeHarness()
        #expect(error(harness.publish("", "1")) == 107)
        #expect(error(harness.publish("news:x", "")) == 107)
        #expect(error(harness.publish("nope:x", "1")) == 102)
        guard case .ok(let position) = harness.publish("chat:x", "1") else {
            Issue.record("publish into history channel failed")
            return
        }
        #expect(position == StreamPosition(offset: 1, epoch: "epch"))
        harness.engine.policy = .failing([.publish], with: EngineError("down"))
        #expect(error(harness.publish("chat:x", "2")) == 100)
    }

    @Test func broadcastAnswersPerChannel() {
        let harness = NodeHarness()
        var result: APIResult<[APIResult<StreamPosition>]>?
        harness.node.broadcast(channels: ["chat:a", "nope:b", ""], data: ByteBuffer(string: "1")) { result = $0 }
        guard case .ok(let responses) = result else {
            Issue.record("broadcast failed")
            return
        }
        #expect(responses.map { error($0) } == [nil, 102, 107])
        harness.node.broadcast(channels: [], data: ByteBuffer(string: "1")) { result = $0 }
        #expect(error(result) == 107)
    }

    @Test func historyAPI() {
        let harness = NodeHarness()
        for n in 1...3 { _ = harness.publish("chat:x", "\(n)") }
        var page: APIResult<HistoryPage>?
        harness.node.history(channel: "chat:x", limit: -1, since: nil, reverse: false) { page = $0 }
        if case .ok(let value) = page {
            #expect(value.publications.map(\.offset) == [1, 2, 3])
        } else {
            Issue.record("history failed")
        }
        harness.node.history(
            channel: "chat:x", limit: 10, since: StreamPosition(offset: 1, epoch: "other"), reverse: false
        ) { page = $0 }
        #expect(error(page) == 112)
        harness.node.history(channel: "news:x", limit: 10, since: nil, reverse: false) { page = $0 }
        #expect(error(page) == 108)
        var removed: APIResult<Void>?
        harness.node.historyRemove(channel: "chat:x") { removed = $0 }
        harness.node.history(channel: "chat:x", limit: -1, since: nil, reverse: false) { page = $0 }
        if case .ok(let value) = page {
            #expect(value.publications.isEmpty)
            #expect(value.position.offset == 3)
        }
        #expect(removed != nil)
    }

    @Test func presenceAPI() {
        let harness = NodeHarness()
        let client = harness.connectedClient()
        client.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        var presence: APIResult<OrderedDictionary<String, ClientInfo>>?
        harness.node.presence(channel: "chat:x") { presence = $0 }
        if case .ok(let entries) = presence {
            #expect(entries.keys.elements == [client.handle.clientID])
        } else {
            Issue.record("presence failed")
        }
        harness.node.presence(channel: "news:x") { presence = $0 }
        #expect(error(presence) == 108)
        var stats: APIResult<PresenceStats>?
        harness.node.presenceStats(channel: "") { stats = $0 }
        #expect(error(stats) == 107)
    }

    @Test func serverUnsubscribeDisconnectAndRefresh() {
        let harness = NodeHarness()
        let a = harness.connectedClient(user: "a")
        let b = harness.connectedClient(user: "b")
        a.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        #expect(error(harness.node.unsubscribe(ConnectionSelector(user: "a"), channel: "nope:x")) == 102)
        _ = harness.node.unsubscribe(ConnectionSelector(user: "a"), channel: "news:x")
        #expect(
            a.texts.last == #"{"push":{"channel":"news:x","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}}"#)
        #expect(harness.node.channelCount == 0)

        _ = harness.node.refresh(ConnectionSelector(user: "b"), expired: false, expireAt: nil, info: nil)
        #expect(b.texts.last == #"{"push":{"refresh":{}}}"#)

        _ = harness.node.disconnect(ConnectionSelector(user: "a"))
        #expect(a.closedWith?.code == 3503)
        let custom = Disconnect(code: 4000, reason: "custom", reconnect: true)
        _ = harness.node.disconnect(ConnectionSelector(user: "b", client: "other"), disconnect: custom)
        #expect(b.closedWith == nil)
        _ = harness.node.disconnect(ConnectionSelector(user: "b"), whitelist: [b.handle.clientID], disconnect: custom)
        #expect(b.closedWith == nil)
        _ = harness.node.disconnect(ConnectionSelector(user: "b"), disconnect: custom)
        #expect(b.closedWith == custom)
        #expect(harness.node.connectionCount == 0)
    }

    @Test func userConnectionLimitIs3504() {
        var client = ClientConfiguration()
        client.userConnectionLimit = 1
        let harness = NodeHarness(client: client)
        let first = harness.connectedClient(user: "u")
        let second = harness.connectedClient(user: "u")
        #expect(first.closedWith == nil)
        #expect(second.closedWith?.code == 3504)
        #expect(second.replies.isEmpty)
        let anonymousA = harness.connectedClient(user: "")
        let anonymousB = harness.connectedClient(user: "")
        #expect(anonymousA.closedWith == nil && anonymousB.closedWith == nil)
    }

    @Test func personalSingleConnectionEvictsOlderConnections() {
        var channels = ChannelConfiguration.nodeTesting
        channels.userSubscribeToPersonal = true
        channels.userPersonalChannelNamespace = "chat"
        channels.userPersonalSingleConnection = true
        let harness = NodeHarness(channels: channels)
        let first = harness.connectedClient(user: "u")
        let second = harness.connectedClient(user: "u")
        #expect(first.closedWith?.code == 3504)
        #expect(second.replies.first?.connect?.subs.keys.elements == ["chat:#u"])
    }

    @Test func shutdownClosesEveryoneWith3001() {
        let harness = NodeHarness()
        let a = harness.connectedClient()
        harness.node.shutdown()
        #expect(a.closedWith?.code == 3001)
        let late = TestClient(harness: harness, transport: .webSocket)
        #expect(late.closedWith?.code == 3001)
    }

    @Test func channelsAndInfo() {
        let harness = NodeHarness()
        let a = harness.connectedClient(user: "a")
        let b = harness.connectedClient(user: "b")
        a.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        b.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        b.send(Command(id: 3, .subscribe(SubscribeRequest(channel: "chat:y"))))
        guard case .ok(let all) = harness.node.channels(pattern: "") else {
            Issue.record("channels failed")
            return
        }
        #expect(all.map(\.channel) == ["chat:y", "news:x"])
        #expect(all.map(\.numClients) == [1, 2])
        guard case .ok(let news) = harness.node.channels(pattern: "news:*") else {
            Issue.record("channels failed")
            return
        }
        #expect(news.map(\.channel) == ["news:x"])
        #expect(error(harness.node.channels(pattern: "[")) == 100)
        let info = harness.node.info()
        #expect(info.numClients == 2)
        #expect(info.numUsers == 2)
        #expect(info.numChannels == 2)
        #expect(info.numSubs == 3)
        #expect(info.version == "4.1.5")
    }

    @Test func staleAndExpiryRunOnTheSimulatedClock() {
        var client = ClientConfiguration()
        client.pingInterval = .zero
        let harness = NodeHarness(client: client)
        let idle = TestClient(harness: harness, transport: .webSocket)
        harness.scheduler.advance(by: .seconds(9))
        #expect(idle.closedWith == nil)
        harness.scheduler.advance(by: .seconds(1))
        #expect(idle.closedWith?.code == 3502)
        #expect(harness.node.connectionCount == 0)

        let expiring = harness.connectedClient(
            claims: ConnectionTokenClaims(user: "e", expiresAt: harness.scheduler.now.unixSeconds + 5))
        harness.scheduler.advance(by: .seconds(29))
        #expect(expiring.closedWith == nil)
        harness.scheduler.advance(by: .seconds(1))
        #expect(expiring.closedWith?.code == 3005)
    }

    @Test func pingPongThroughTheNode() {
        let harness = NodeHarness()
        let client = harness.connectedClient()
        harness.scheduler.advance(by: .seconds(25))
        #expect(client.texts.contains("{}"))
        client.send(Command(id: 0))
        harness.scheduler.advance(by: .seconds(20))
        #expect(client.closedWith == nil)
        harness.scheduler.advance(by: .seconds(30))
        #expect(client.closedWith?.code == 3012)
    }
}

@Suite struct ChannelGlobTests {
    @Test(arguments: [
        ("news:*", "news:x", true), ("news:*", "chat:x", false), ("*", "a:b:c", true),
        ("n?ws", "news", true), ("n?ws", "nws", false), ("[a-c]x", "bx", true), ("[!a-c]x", "bx", false),
        ("{news,chat}:x", "chat:x", true), ("{news,chat}:x", "room:x", false), ("a\\*", "a*", true),
        ("a\\*", "ab", false),
    ])
    func matches(pattern: String, channel: String, expected: Bool) {
        #expect(ChannelGlob(pattern)?.matches(channel) == expected)
    }

    @Test(arguments: ["[", "{a,b", "a\\", "[]"])
    func malformed(pattern: String) {
        #expect(ChannelGlob(pattern) == nil)
    }
}
