import NIOCore
import RotorCore
import RotorProtocol
import Testing

@Suite struct ClientConnectionDeliveryTests {
    func subscribed(to channel: String, top: StreamPosition? = nil, transport: TransportDescription = .webSocket)
        -> ConnectionHarness
    {
        var harness = ConnectionHarness(transport: transport)
        harness.connect()
        let read = top.map { StreamRead(publications: [], top: $0) }
        harness.subscribe(2, SubscribeRequest(channel: channel), outcome: .subscribed(history: read, buffered: []))
        return harness
    }

    @Test func unpositionedSubscriptionsDeliverEverything() {
        var harness = subscribed(to: "news:x")
        #expect(harness.connection.publicationDecision("news:x", position: StreamPosition()) == .deliver)
        #expect(harness.connection.publicationDecision("news:y", position: StreamPosition()) == .skip)
    }

    @Test func positionedSubscriptionsRequireTheNextOffset() {
        var harness = subscribed(to: "chat:x", top: StreamPosition(offset: 3, epoch: "ep"))
        #expect(
            harness.connection.publicationDecision("chat:x", position: StreamPosition(offset: 4, epoch: "ep"))
                == .deliver)
        #expect(
            harness.connection.publicationDecision("chat:x", position: StreamPosition(offset: 5, epoch: "ep"))
                == .deliver)
        guard
            case .reject(let actions) = harness.connection.publicationDecision(
                "chat:x", position: StreamPosition(offset: 7, epoch: "ep"))
        else {
            Issue.record("a gap must be rejected")
            return
        }
        #expect(actions.pushes.first?.unsubscribe == UnsubscribePush(code: 2500, reason: "insufficient state"))
        #expect(!harness.connection.isSubscribed(to: "chat:x"))
    }

    @Test func epochChangeOnServerSideSubscriptionIs3010() {
        var harness = ConnectionHarness()
        harness.connect(
            ConnectionTokenClaims(user: "42", channels: ["chat:x"]),
            outcomes: [
                "chat:x": .subscribed(
                    history: StreamRead(publications: [], top: StreamPosition(offset: 1, epoch: "ep")), buffered: [])
            ]
        )
        guard
            case .reject(let actions) = harness.connection.publicationDecision(
                "chat:x", position: StreamPosition(offset: 2, epoch: "other"))
        else {
            Issue.record("an epoch change must be rejected")
            return
        }
        #expect(actions.closeCode == 3010)
    }

    @Test func joinLeaveOnlyWhenPushed() {
        let chat = subscribed(to: "chat:x", top: StreamPosition(offset: 0, epoch: "ep"))
        #expect(chat.connection.wantsJoinLeave(in: "chat:x"))
        let news = subscribed(to: "news:x")
        #expect(!news.connection.wantsJoinLeave(in: "news:x"))
    }

    @Test func serverUnsubscribeSends2000() {
        var harness = subscribed(to: "news:x")
        let actions = harness.connection.serverUnsubscribe("news:x")
        #expect(
            actions.pushes == [
                Push(channel: "news:x", .unsubscribe(UnsubscribePush(code: 2000, reason: "server unsubscribe")))
            ])
        #expect(actions.unsubscribeEffects.map(\.channel) == ["news:x"])
        // Empty channel (QUIRK 17): a channel-less push, nothing removed.
        var other = subscribed(to: "news:x")
        let quirk = other.connection.serverUnsubscribe("")
        #expect(quirk.pushes == [Push(.unsubscribe(UnsubscribePush(code: 2000, reason: "server unsubscribe")))])
        #expect(other.connection.isSubscribed(to: "news:x"))
    }

    @Test func serverSubscribeSendsSubscribePush() {
        var harness = ConnectionHarness()
        harness.connect()
        let actions = harness.connection.serverSubscribe(
            ServerSubscription(channel: "chat:y", data: ByteBuffer(text: "{}")), now: harness.now)
        #expect(actions.subscribeEffects.first?.source == .serverAPI)
        let done = harness.complete([
            "chat:y": .subscribed(
                history: StreamRead(publications: [], top: StreamPosition(offset: 2, epoch: "e")), buffered: [])
        ])
        let push = done.pushes.first?.subscribe
        #expect(push?.recoverable == true)
        #expect(push?.positioned == true)
        #expect(push?.offset == 2)
        #expect(push?.data == ByteBuffer(text: "{}"))
        #expect(harness.connection.isSubscribed(to: "chat:y"))
    }

    @Test func serverSubscribeOverTheLimitIs3505() {
        var configuration = ClientConfiguration()
        configuration.channelLimit = 1
        var harness = ConnectionHarness(configuration: configuration)
        harness.connect()
        harness.subscribe(2, SubscribeRequest(channel: "news:x"))
        #expect(
            harness.connection.serverSubscribe(ServerSubscription(channel: "news:y"), now: harness.now).closeCode
                == 3505)
    }

    @Test func serverRefresh() {
        var harness = subscribed(to: "news:x")
        let pushed = harness.connection.serverRefresh(
            expired: false, expireAt: ConnectionHarness.start.unixSeconds + 30, info: nil, now: harness.now)
        #expect(pushed.pushes.first?.refresh == RefreshPush(expires: true, ttl: 30))
        #expect(
            harness.connection.serverRefresh(expired: true, expireAt: nil, info: nil, now: harness.now).closeCode
                == 3005)
    }

    @Test func closingLeavesEveryChannel() {
        var harness = subscribed(to: "chat:x", top: StreamPosition(offset: 0, epoch: "ep"))
        let actions = harness.connection.disconnect(.forceDisconnect)
        #expect(actions.unsubscribeEffects.map(\.channel) == ["chat:x"])
        #expect(actions.closeCode == 3503)
        var gone = subscribed(to: "news:x")
        let cleanup = gone.connection.transportClosed()
        #expect(cleanup.unsubscribeEffects.map(\.channel) == ["news:x"])
        #expect(cleanup.closeCode == nil)
    }
}
