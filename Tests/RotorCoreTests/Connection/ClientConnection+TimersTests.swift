import NIOCore
import RotorCore
import RotorProtocol
import Testing

@Suite struct ClientConnectionTimersTests {
    @Test func staleConnectionIs3502() {
        var harness = ConnectionHarness()
        #expect(harness.connection.nextDeadline == ConnectionHarness.start + .seconds(10))
        #expect(harness.advance(by: .seconds(9)).isEmpty)
        #expect(harness.advance(by: .seconds(1)).closeCode == 3502)
    }

    @Test func staleFiresOnAnUnusableConnectionToo() {
        var harness = ConnectionHarness()
        _ = harness.send(1, .connect(ConnectRequest(token: "t")))
        _ = harness.verifyConnectionToken(.expired)
        #expect(harness.advance(by: .seconds(10)).closeCode == 3502)
    }

    @Test func pingThenPongKeepsTheConnection() {
        var harness = ConnectionHarness(firstPingDelay: .seconds(5))
        harness.connect()
        #expect(harness.advance(by: .seconds(5)) == [.ping])
        #expect(harness.send(.pong).isEmpty)
        #expect(harness.advance(by: .seconds(8)).isEmpty)
        // Next ping one interval after the previous one.
        #expect(harness.advance(by: .seconds(17)) == [.ping])
    }

    @Test func missingPongIs3012() {
        var harness = ConnectionHarness(firstPingDelay: .seconds(5))
        harness.connect()
        #expect(harness.advance(by: .seconds(5)) == [.ping])
        #expect(harness.advance(by: .seconds(7)).isEmpty)
        #expect(harness.advance(by: .seconds(1)).closeCode == 3012)
    }

    @Test func unsolicitedOrSecondPongIs3501() {
        var early = ConnectionHarness()
        early.connect()
        #expect(early.send(.pong).closeCode == 3501)

        var twice = ConnectionHarness(firstPingDelay: .seconds(1))
        twice.connect()
        _ = twice.advance(by: .seconds(1))
        #expect(twice.send(.pong).isEmpty)
        #expect(twice.send(.pong).closeCode == 3501)
    }

    @Test func unidirectionalPingsNeedNoPong() {
        var harness = ConnectionHarness(
            transport: TransportDescription(name: "uni_websocket", isUnidirectional: true), firstPingDelay: .seconds(1))
        harness.connect()
        #expect(harness.advance(by: .seconds(1)) == [.ping])
        #expect(harness.advance(by: .seconds(25)) == [.ping])
    }

    @Test func v1GetsNoApplicationPings() {
        var harness = ConnectionHarness(transport: TransportDescription(name: "websocket", version: .v1))
        harness.connect()
        #expect(!harness.advance(by: .seconds(60)).contains(.ping))
    }

    @Test func expiredConnectionIs3005AfterTheGraceDelay() {
        var configuration = ClientConfiguration()
        configuration.pingInterval = .zero
        var harness = ConnectionHarness(configuration: configuration)
        harness.connect(ConnectionTokenClaims(user: "42", expiresAt: ConnectionHarness.start.unixSeconds + 60))
        #expect(harness.advance(by: .seconds(84)).closeCode == nil)
        #expect(harness.advance(by: .seconds(1)).closeCode == 3005)
    }

    @Test func refreshedConnectionDoesNotExpire() {
        var configuration = ClientConfiguration()
        configuration.pingInterval = .zero
        var harness = ConnectionHarness(configuration: configuration)
        harness.connect(ConnectionTokenClaims(user: "42", expiresAt: ConnectionHarness.start.unixSeconds + 60))
        _ = harness.advance(by: .seconds(50))
        _ = harness.send(2, .refresh(RefreshRequest(token: "new")))
        let claims = ConnectionTokenClaims(user: "42", expiresAt: ConnectionHarness.start.unixSeconds + 600)
        #expect(harness.verifyConnectionToken(.valid(claims)).replies.first?.refresh?.ttl == 550)
        #expect(harness.advance(by: .seconds(60)).closeCode == nil)
    }

    @Test func periodicTickRefreshesPresence() {
        var configuration = ClientConfiguration()
        configuration.pingInterval = .zero
        var harness = ConnectionHarness(configuration: configuration)
        harness.connect()
        harness.subscribe(2, SubscribeRequest(channel: "room:x"))
        let actions = harness.advance(by: .seconds(27))
        #expect(
            actions == [
                .updatePresence([PresenceEntry(channel: "room:x", info: ClientInfo(user: "42", client: "client-1"))])
            ])
    }

    @Test func expiredClientSideSubscriptionGets2501() {
        var configuration = ClientConfiguration()
        configuration.pingInterval = .zero
        var harness = ConnectionHarness(configuration: configuration)
        harness.connect()
        _ = harness.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        let claims = SubscriptionTokenClaims(
            user: "42", channel: "$news:x", expiresAt: ConnectionHarness.start.unixSeconds + 10)
        _ = harness.verifySubscriptionToken(.valid(claims))
        _ = harness.complete(["$news:x": .subscribed(history: nil, buffered: [])])
        #expect(harness.advance(by: .seconds(27)).pushes.isEmpty)
        let actions = harness.advance(by: .seconds(27))
        #expect(actions.pushes.first?.unsubscribe == UnsubscribePush(code: 2501, reason: "subscription expired"))
        #expect(actions.unsubscribeEffects.map(\.channel) == ["$news:x"])
        #expect(!harness.connection.isSubscribed(to: "$news:x"))
    }

    @Test func expiredV1SubscriptionIs3006() {
        var harness = ConnectionHarness(transport: TransportDescription(name: "websocket", version: .v1))
        harness.connect()
        _ = harness.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        let claims = SubscriptionTokenClaims(
            user: "42", channel: "$news:x", expiresAt: ConnectionHarness.start.unixSeconds + 10)
        _ = harness.verifySubscriptionToken(.valid(claims))
        _ = harness.complete(["$news:x": .subscribed(history: nil, buffered: [])])
        _ = harness.advance(by: .seconds(27))
        #expect(harness.advance(by: .seconds(27)).closeCode == 3006)
    }

    @Test func positionCheckDetectsAnOutdatedSubscription() {
        var configuration = ClientConfiguration()
        configuration.pingInterval = .zero
        var harness = ConnectionHarness(configuration: configuration)
        harness.connect()
        let top = StreamPosition(offset: 3, epoch: "ep")
        harness.subscribe(
            2, SubscribeRequest(channel: "chat:x"),
            outcome: .subscribed(history: StreamRead(publications: [], top: top), buffered: []))
        #expect(!harness.advance(by: .seconds(27)).contains(.checkPositions(["chat:x"])))
        #expect(harness.advance(by: .seconds(27)).contains(.checkPositions(["chat:x"])))
        #expect(harness.connection.positionsChecked(["chat:x": top], now: harness.now).isEmpty)
        // Errors reading the top are ignored.
        let failedRead: [String: StreamPosition?] = ["chat:x": StreamPosition?.none]
        #expect(harness.connection.positionsChecked(failedRead, now: harness.now).isEmpty)
        let moved = harness.connection.positionsChecked(
            ["chat:x": StreamPosition(offset: 4, epoch: "ep")], now: harness.now)
        #expect(moved.pushes.first?.unsubscribe == UnsubscribePush(code: 2500, reason: "insufficient state"))
    }
}

@Suite struct LatePingTimerTests {
    @Test func aLatePingCountsItsPongTimeoutFromWhenItWasSent() {
        var harness = ConnectionHarness(firstPingDelay: .seconds(5))
        harness.connect()
        // The timer fires 20 s late (a stalled loop or a clock jump): the ping goes out now.
        #expect(harness.advance(by: .seconds(25)) == [.ping])
        #expect(harness.advance(by: .seconds(7)).isEmpty)
        #expect(harness.send(.pong).isEmpty)
        #expect(harness.advance(by: .seconds(10)).isEmpty)
    }

    @Test func timestampsPrintNineDecimals() {
        #expect(Timestamp(nanosecondsSinceEpoch: 1_700_000_000_075_919_680).description == "1700000000.075919680s")
    }
}
