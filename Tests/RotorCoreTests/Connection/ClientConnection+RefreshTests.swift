import NIOCore
import RotorCore
import RotorProtocol
import Testing

@Suite struct ClientConnectionRefreshTests {
    func connected(
        _ claims: ConnectionTokenClaims = ConnectionTokenClaims(user: "42"),
        configuration: ClientConfiguration = ClientConfiguration(), transport: TransportDescription = .webSocket
    ) -> ConnectionHarness {
        var harness = ConnectionHarness(configuration: configuration, transport: transport)
        harness.connect(
            claims,
            outcomes: Dictionary(
                uniqueKeysWithValues: claims.channels.map {
                    ($0, SubscribeOutcome.subscribed(history: nil, buffered: []))
                }))
        return harness
    }

    @Test func refreshOutcomes() {
        var empty = connected()
        #expect(empty.send(2, .refresh(RefreshRequest(token: ""))).closeCode == 3501)

        var proxied = ClientConfiguration()
        proxied.refreshProxyConfigured = true
        var serverSide = connected(configuration: proxied)
        #expect(serverSide.send(2, .refresh(RefreshRequest(token: "t"))).closeCode == 3501)

        var invalid = connected()
        _ = invalid.send(2, .refresh(RefreshRequest(token: "t")))
        #expect(invalid.verifyConnectionToken(.invalid(reason: "x")).closeCode == 3500)

        var otherUser = connected()
        _ = otherUser.send(2, .refresh(RefreshRequest(token: "t")))
        #expect(otherUser.verifyConnectionToken(.valid(ConnectionTokenClaims(user: "43"))).closeCode == 3500)

        var expired = connected()
        _ = expired.send(2, .refresh(RefreshRequest(token: "t")))
        #expect(expired.verifyConnectionToken(.expired).closeCode == 3005)

        var past = connected()
        _ = past.send(2, .refresh(RefreshRequest(token: "t")))
        let claims = ConnectionTokenClaims(
            user: "42", expiresAt: ConnectionHarness.start.unixSeconds + 10,
            expireAt: ConnectionHarness.start.unixSeconds - 1)
        #expect(past.verifyConnectionToken(.valid(claims)).errorCodes == [110])

        var forever = connected()
        _ = forever.send(2, .refresh(RefreshRequest(token: "t")))
        #expect(
            forever.verifyConnectionToken(.valid(ConnectionTokenClaims(user: "42"))).replies.first?.refresh
                == RefreshResult())
    }

    @Test func changedTokenChannelsAre3010() {
        var harness = connected(ConnectionTokenClaims(user: "42", channels: ["news:a"]))
        _ = harness.send(2, .refresh(RefreshRequest(token: "t")))
        #expect(
            harness.verifyConnectionToken(.valid(ConnectionTokenClaims(user: "42", channels: ["news:b"]))).closeCode
                == 3010)

        var same = connected(ConnectionTokenClaims(user: "42", channels: ["news:a"]))
        _ = same.send(2, .refresh(RefreshRequest(token: "t")))
        #expect(
            same.verifyConnectionToken(.valid(ConnectionTokenClaims(user: "42", channels: ["news:a"]))).closeCode == nil
        )
    }

    @Test func v1RefreshResultCarriesClientAndVersion() {
        var harness = connected(transport: TransportDescription(name: "websocket", version: .v1))
        _ = harness.send(2, .refresh(RefreshRequest(token: "t")))
        let result = harness.verifyConnectionToken(.valid(ConnectionTokenClaims(user: "42"))).replies.first?.refresh
        #expect(result?.client == "client-1")
        #expect(result?.version == "4.1.5")
    }

    func subscribedWithToken() -> ConnectionHarness {
        var harness = connected()
        _ = harness.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        let claims = SubscriptionTokenClaims(
            user: "42", channel: "$news:x", expiresAt: ConnectionHarness.start.unixSeconds + 10)
        _ = harness.verifySubscriptionToken(.valid(claims))
        _ = harness.complete(["$news:x": .subscribed(history: nil, buffered: [])])
        return harness
    }

    @Test func subRefreshOutcomes() {
        var harness = subscribedWithToken()
        #expect(harness.send(3, .subRefresh(SubRefreshRequest(channel: ""))).closeCode == 3501)

        harness = subscribedWithToken()
        #expect(harness.send(3, .subRefresh(SubRefreshRequest(channel: "news:y", token: "t"))).errorCodes == [103])
        #expect(harness.send(4, .subRefresh(SubRefreshRequest(channel: "$news:x"))).errorCodes == [107])

        _ = harness.send(5, .subRefresh(SubRefreshRequest(channel: "$news:x", token: "t")))
        let renewed = SubscriptionTokenClaims(
            user: "42", channel: "$news:x", expiresAt: ConnectionHarness.start.unixSeconds + 100)
        #expect(
            harness.verifySubscriptionToken(.valid(renewed)).replies.first?.subRefresh
                == SubRefreshResult(expires: true, ttl: 100))

        _ = harness.send(6, .subRefresh(SubRefreshRequest(channel: "$news:x", token: "t")))
        #expect(
            harness.verifySubscriptionToken(.valid(SubscriptionTokenClaims(user: "42", channel: "$news:z"))).closeCode
                == 3500)

        var expired = subscribedWithToken()
        _ = expired.send(3, .subRefresh(SubRefreshRequest(channel: "$news:x", token: "t")))
        #expect(expired.verifySubscriptionToken(.expired).replies.first?.subRefresh == SubRefreshResult())

        var past = subscribedWithToken()
        _ = past.send(3, .subRefresh(SubRefreshRequest(channel: "$news:x", token: "t")))
        let claims = SubscriptionTokenClaims(
            user: "42", channel: "$news:x", expireAt: ConnectionHarness.start.unixSeconds - 5)
        #expect(past.verifySubscriptionToken(.valid(claims)).errorCodes == [110])
    }
}

/// Boundaries as centrifuge v0.28.2 draws them: connect and sub_refresh reject an expiry strictly in the
/// past (equal to now is accepted with ttl 0); subscribe and refresh need a positive ttl.
@Suite struct ExpiryBoundaryTests {
    @Test func connectAcceptsAnExpiryEqualToNow() {
        var harness = ConnectionHarness()
        let now = ConnectionHarness.start.unixSeconds
        let result = harness.connect(ConnectionTokenClaims(user: "42", expireAt: now)).replies.first?.connect
        #expect(result?.expires == true)
        #expect(result?.ttl == 0)
        var past = ConnectionHarness()
        #expect(past.connect(ConnectionTokenClaims(user: "42", expireAt: now - 1)).errorCodes == [110])
    }

    @Test func subRefreshAcceptsAnExpiryEqualToNowButSubscribeDoesNot() {
        var harness = ConnectionHarness()
        harness.connect()
        let now = ConnectionHarness.start.unixSeconds
        _ = harness.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        #expect(
            harness.verifySubscriptionToken(
                .valid(SubscriptionTokenClaims(user: "42", channel: "$news:x", expireAt: now))
            ).errorCodes == [110])
        _ = harness.send(3, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        _ = harness.verifySubscriptionToken(
            .valid(SubscriptionTokenClaims(user: "42", channel: "$news:x", expireAt: now + 60)))
        _ = harness.complete(["$news:x": .subscribed(history: nil, buffered: [])])
        _ = harness.send(4, .subRefresh(SubRefreshRequest(channel: "$news:x", token: "t")))
        let refreshed = harness.verifySubscriptionToken(
            .valid(SubscriptionTokenClaims(user: "42", channel: "$news:x", expireAt: now)))
        #expect(refreshed.replies.first?.subRefresh == SubRefreshResult(expires: true, ttl: 0))
    }

    @Test func refreshKeepsTheInfoWhenTheNewTokenHasNone() {
        var harness = ConnectionHarness()
        harness.connect(ConnectionTokenClaims(user: "42", info: ByteBuffer(string: #"{"a":1}"#)))
        _ = harness.send(2, .refresh(RefreshRequest(token: "t")))
        _ = harness.verifyConnectionToken(.valid(ConnectionTokenClaims(user: "42")))
        #expect(harness.connection.connectionInfo == ByteBuffer(string: #"{"a":1}"#))
    }
}
