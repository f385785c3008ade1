import NIOCore
import RotorCore
import RotorProtocol
import Testing

@Suite struct ClientConnectionSubscribeTests {
    func connected(
        _ configuration: ClientConfiguration = ClientConfiguration(), transport: TransportDescription = .webSocket
    )
        -> ConnectionHarness
    {
        var harness = ConnectionHarness(configuration: configuration, transport: transport)
        harness.connect()
        return harness
    }

    @Test func plainSubscribeRepliesEmptyResult() {
        var harness = connected()
        let actions = harness.subscribe(2, SubscribeRequest(channel: "news:x"))
        #expect(actions.replies.map(\.subscribe) == [SubscribeResult()])
        #expect(harness.connection.isSubscribed(to: "news:x"))
    }

    @Test func emptyChannelIs3501() {
        var harness = connected()
        #expect(harness.send(2, .subscribe(SubscribeRequest(channel: ""))).closeCode == 3501)
    }

    @Test func tooLongChannelIs107() {
        var harness = connected()
        let channel = "news:" + String(repeating: "a", count: 251)
        #expect(harness.send(2, .subscribe(SubscribeRequest(channel: channel))).errorCodes == [107])
    }

    @Test func alreadySubscribedIs105() {
        var harness = connected()
        harness.subscribe(2, SubscribeRequest(channel: "news:x"))
        #expect(harness.send(3, .subscribe(SubscribeRequest(channel: "news:x"))).errorCodes == [105])
    }

    @Test func channelLimitIs106() {
        var configuration = ClientConfiguration()
        configuration.channelLimit = 1
        var harness = connected(configuration)
        harness.subscribe(2, SubscribeRequest(channel: "news:x"))
        #expect(harness.send(3, .subscribe(SubscribeRequest(channel: "news:y"))).errorCodes == [106])
    }

    @Test func unknownNamespaceIs102() {
        var harness = connected()
        #expect(harness.send(2, .subscribe(SubscribeRequest(channel: "nope:x"))).errorCodes == [102])
    }

    @Test func nonASCIIChannelIs107() {
        var harness = connected()
        #expect(harness.send(2, .subscribe(SubscribeRequest(channel: "news:é"))).errorCodes == [107])
    }

    @Test func noPermissionIs103() {
        var harness = connected()
        #expect(harness.send(2, .subscribe(SubscribeRequest(channel: "locked:x"))).errorCodes == [103])
    }

    @Test func privateChannelWithoutTokenIs103() {
        var harness = connected()
        #expect(harness.send(2, .subscribe(SubscribeRequest(channel: "$news:x"))).errorCodes == [103])
    }

    @Test func userLimitedChannelAllowsListedUser() {
        var harness = connected()
        #expect(harness.subscribe(2, SubscribeRequest(channel: "user:#42,43")).replies.first?.subscribe != nil)
        #expect(harness.send(3, .subscribe(SubscribeRequest(channel: "user:#1,2"))).errorCodes == [103])
    }

    @Test func subscriptionTokenFlow() {
        var harness = connected()
        let request = SubscribeRequest(channel: "$news:x", token: "sub-token")
        #expect(
            harness.send(2, .subscribe(request)) == [.verifySubscriptionToken(channel: "$news:x", token: "sub-token")])
        let claims = SubscriptionTokenClaims(
            user: "42",
            channel: "$news:x",
            expiresAt: ConnectionHarness.start.unixSeconds + 100,
            data: ByteBuffer(text: #"{"d":1}"#)
        )
        let actions = harness.verifySubscriptionToken(.valid(claims))
        #expect(actions.subscribeEffects.map(\.channel) == ["$news:x"])
        let result = harness.complete(["$news:x": .subscribed(history: nil, buffered: [])]).replies.first?.subscribe
        #expect(result?.expires == true)
        #expect(result?.ttl == 100)
        #expect(result?.data == ByteBuffer(text: #"{"d":1}"#))
    }

    @Test(arguments: [
        SubscriptionTokenClaims(user: "42", channel: "$news:other"),
        SubscriptionTokenClaims(user: "43", channel: "$news:x"),
        SubscriptionTokenClaims(user: "42", channel: "$news:x", client: "someone-else"),
    ])
    func subscriptionTokenMismatchIs3500(claims: SubscriptionTokenClaims) {
        var harness = connected()
        _ = harness.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        #expect(harness.verifySubscriptionToken(.valid(claims)).closeCode == 3500)
    }

    @Test func subscriptionTokenOutcomes() {
        var expired = connected()
        _ = expired.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        #expect(expired.verifySubscriptionToken(.expired).errorCodes == [109])

        var invalid = connected()
        _ = invalid.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        #expect(invalid.verifySubscriptionToken(.invalid(reason: "signature")).errorCodes == [103])

        var unknown = connected()
        _ = unknown.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        #expect(
            unknown.verifySubscriptionToken(.valid(SubscriptionTokenClaims(user: "42", channel: "nope:x"))).errorCodes
                == [102])

        var past = connected()
        _ = past.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
        let claims = SubscriptionTokenClaims(
            user: "42", channel: "$news:x", expireAt: ConnectionHarness.start.unixSeconds)
        #expect(past.verifySubscriptionToken(.valid(claims)).errorCodes == [110])
    }

    @Test func engineFailuresAre3004And100() {
        var failed = connected()
        #expect(failed.subscribe(2, SubscribeRequest(channel: "news:x"), outcome: .failed).closeCode == 3004)
        var history = connected()
        #expect(history.subscribe(2, SubscribeRequest(channel: "chat:x"), outcome: .historyFailed).errorCodes == [100])
        #expect(!history.connection.isSubscribed(to: "chat:x"))
    }

    @Test func positionedSubscriptionReportsTop() {
        var harness = connected()
        let top = StreamPosition(offset: 7, epoch: "ep")
        let actions = harness.subscribe(
            2,
            SubscribeRequest(channel: "chat:x"),
            outcome: .subscribed(history: StreamRead(publications: [], top: top), buffered: [])
        )
        #expect(actions.subscribeEffects.first?.features.recoverable == true)
        #expect(actions.subscribeEffects.first?.features.pushJoinLeave == true)
        let result = actions.replies.first?.subscribe
        #expect(result?.positioned == true)
        #expect(result?.recoverable == true)
        #expect(result?.offset == 7)
        #expect(result?.epoch == "ep")
        #expect(result?.wasRecovering == false)
        #expect(actions.contains { if case .publishJoin(channel: "chat:x", _) = $0 { true } else { false } })
    }

    @Test func recoveredSubscriptionReturnsMissedPublicationsAndRequestPosition() {
        var harness = connected()
        let missed = [
            Publication(data: ByteBuffer(text: "2"), offset: 2), Publication(data: ByteBuffer(text: "3"), offset: 3),
        ]
        let read = StreamRead(publications: missed, top: StreamPosition(offset: 3, epoch: "ep"))
        let actions = harness.subscribe(
            2,
            SubscribeRequest(channel: "chat:x", recover: true, epoch: "ep", offset: 1),
            outcome: .subscribed(history: read, buffered: [])
        )
        #expect(actions.subscribeEffects.first?.recoverSince == StreamPosition(offset: 1, epoch: "ep"))
        let result = actions.replies.first?.subscribe
        #expect(result?.recovered == true)
        #expect(result?.wasRecovering == true)
        #expect(result?.publications == missed)
        #expect(result?.offset == 1)
        #expect(result?.epoch == "ep")
    }

    @Test func epochMismatchIsNotRecovered() {
        var harness = connected()
        let read = StreamRead(publications: [], top: StreamPosition(offset: 3, epoch: "new"))
        let result = harness.subscribe(
            2,
            SubscribeRequest(channel: "chat:x", recover: true, epoch: "old", offset: 3),
            outcome: .subscribed(history: read, buffered: [])
        ).replies.first?.subscribe
        #expect(result?.recovered == false)
        #expect(result?.publications == [])
        #expect(result?.epoch == "new")
        #expect(result?.offset == 3)
        #expect(result?.wasRecovering == true)
    }

    @Test func v1RecoveryIncludesPublicationsAndTop() {
        var harness = connected(transport: TransportDescription(name: "websocket", version: .v1))
        let missed = [Publication(data: ByteBuffer(text: "5"), offset: 5)]
        let read = StreamRead(publications: missed, top: StreamPosition(offset: 5, epoch: "ep"))
        let result = harness.subscribe(
            2,
            SubscribeRequest(channel: "chat:x", recover: true, epoch: "ep", offset: 1),
            outcome: .subscribed(history: read, buffered: [])
        ).replies.first?.subscribe
        #expect(result?.recovered == false)
        #expect(result?.publications == missed)
        #expect(result?.offset == 5)
        #expect(result?.wasRecovering == false)
    }

    @Test func gapBetweenRecoveredAndBufferedIs3010() {
        var harness = connected()
        let read = StreamRead(publications: [Publication(offset: 2)], top: StreamPosition(offset: 2, epoch: "ep"))
        let buffered = [
            PositionedPublication(
                publication: Publication(data: ByteBuffer(text: "4")), position: StreamPosition(offset: 4, epoch: "ep"))
        ]
        let actions = harness.subscribe(
            2,
            SubscribeRequest(channel: "chat:x", recover: true, epoch: "ep", offset: 1),
            outcome: .subscribed(history: read, buffered: buffered)
        )
        #expect(actions.closeCode == 3010)
    }

    @Test func bufferedPublicationsAfterTheTopFollowTheReply() {
        var harness = connected()
        let read = StreamRead(publications: [], top: StreamPosition(offset: 2, epoch: "ep"))
        let buffered = [2, 3].map {
            PositionedPublication(
                publication: Publication(data: ByteBuffer(text: "\($0)")),
                position: StreamPosition(offset: UInt64($0), epoch: "ep"))
        }
        let actions = harness.subscribe(
            2, SubscribeRequest(channel: "chat:x"), outcome: .subscribed(history: read, buffered: buffered))
        #expect(actions.replies.count == 1)
        #expect(actions.pushes.map { $0.pub?.data } == [ByteBuffer(text: "3")])
    }

    @Test func joinLeaveOptInNeedsPresenceForClient() {
        // room: join_leave + allow_presence_for_client → honoured.
        var room = connected()
        let roomEffect = room.send(2, .subscribe(SubscribeRequest(channel: "room:x", joinLeave: true))).subscribeEffects
            .first
        #expect(roomEffect?.features.pushJoinLeave == true)
        // news: no join_leave → not honoured.
        var news = connected()
        let newsEffect = news.send(2, .subscribe(SubscribeRequest(channel: "news:x", joinLeave: true))).subscribeEffects
            .first
        #expect(newsEffect?.features.pushJoinLeave == false)
    }

    @Test func v1SynchronousErrorsStopReading() {
        var harness = connected(transport: TransportDescription(name: "websocket", version: .v1))
        harness.subscribe(2, SubscribeRequest(channel: "news:x"))
        let actions = harness.send(3, .subscribe(SubscribeRequest(channel: "news:x")))
        #expect(actions.errorCodes == [105])
        #expect(actions.stopsReading)
        // Permission errors from Centrifugo's callbacks do not stop reading.
        var other = connected(transport: TransportDescription(name: "websocket", version: .v1))
        #expect(!other.send(2, .subscribe(SubscribeRequest(channel: "locked:x"))).stopsReading)
    }

    @Test func unsubscribeLeavesAndReplies() {
        var harness = connected()
        harness.subscribe(
            2, SubscribeRequest(channel: "chat:x"),
            outcome: .subscribed(history: StreamRead(publications: [], top: StreamPosition()), buffered: []))
        let actions = harness.send(3, .unsubscribe(UnsubscribeRequest(channel: "chat:x")))
        #expect(actions.unsubscribeEffects.map(\.channel) == ["chat:x"])
        #expect(actions.unsubscribeEffects.first?.emitLeave == true)
        #expect(actions.unsubscribeEffects.first?.presence == true)
        #expect(actions.replies.map(\.unsubscribe) == [UnsubscribeResult()])
        #expect(actions.pushes.isEmpty)
        // Not subscribed: still a success.
        #expect(
            harness.send(4, .unsubscribe(UnsubscribeRequest(channel: "chat:x"))).replies.map(\.unsubscribe) == [
                UnsubscribeResult()
            ])
        #expect(harness.send(5, .unsubscribe(UnsubscribeRequest(channel: ""))).closeCode == 3501)
    }
}
