import NIOCore
import OrderedCollections
import RotorCore
import RotorProtocol
import Testing

@Suite struct ClientConnectionConnectTests {
    @Test func tokenConnectRepliesWithClientVersionPingAndPong() {
        var harness = ConnectionHarness()
        let actions = harness.connect()
        #expect(actions.contains(.register(user: "42")))
        let result = actions.replies.first?.connect
        #expect(result?.client == "client-1")
        #expect(result?.version == "4.1.5")
        #expect(result?.ping == 25)
        #expect(result?.pong == true)
        #expect(result?.expires == false)
        #expect(harness.connection.isConnected)
    }

    @Test func commandBeforeConnectIsBadRequest() {
        var harness = ConnectionHarness()
        #expect(harness.send(1, .subscribe(SubscribeRequest(channel: "news:x"))).closeCode == 3501)
        #expect(harness.connection.isClosed)
    }

    @Test func pongBeforeConnectIsBadRequest() {
        var harness = ConnectionHarness()
        #expect(harness.send(.pong).closeCode == 3501)
    }

    @Test func secondConnectIsBadRequest() {
        var harness = ConnectionHarness()
        harness.connect()
        #expect(harness.send(2, .connect(ConnectRequest(token: "token"))).closeCode == 3501)
    }

    @Test func noCredentialsIsBadRequestWithoutReply() {
        var harness = ConnectionHarness()
        let actions = harness.send(1, .connect(ConnectRequest()))
        #expect(actions.replies.isEmpty)
        #expect(actions.closeCode == 3501)
    }

    @Test(arguments: [true, false])
    func anonymousConnectWhenAllowed(insecure: Bool) {
        var configuration = ClientConfiguration()
        configuration.allowAnonymousConnectWithoutToken = !insecure
        var channels = ChannelConfiguration.testing
        channels.clientInsecure = insecure
        var harness = ConnectionHarness(configuration: configuration, channels: channels)
        let actions = harness.send(1, .connect(ConnectRequest()))
        #expect(actions.contains(.register(user: "")))
        #expect(actions.replies.first?.connect?.client == "client-1")
    }

    @Test func expiredTokenIs109AndUnusable() {
        var harness = ConnectionHarness()
        _ = harness.send(1, .connect(ConnectRequest(token: "t")))
        let actions = harness.verifyConnectionToken(.expired)
        #expect(actions.errorCodes == [109])
        #expect(actions.stopsReading)
        // Any later command on the unusable connection is a protocol violation (4.1.3+).
        #expect(harness.send(2, .subscribe(SubscribeRequest(channel: "news:x"))).closeCode == 3501)
    }

    @Test func invalidTokenIs3500() {
        var harness = ConnectionHarness()
        _ = harness.send(1, .connect(ConnectRequest(token: "t")))
        #expect(harness.verifyConnectionToken(.invalid(reason: "bad signature")).closeCode == 3500)
    }

    @Test func verifierFailureIs100() {
        var harness = ConnectionHarness()
        _ = harness.send(1, .connect(ConnectRequest(token: "t")))
        #expect(harness.verifyConnectionToken(.failed(reason: "b64info")).errorCodes == [100])
    }

    @Test func anonymousTokenDisallowedIs3507() {
        var configuration = ClientConfiguration()
        configuration.disallowAnonymousConnectionTokens = true
        var harness = ConnectionHarness(configuration: configuration)
        #expect(harness.connect(ConnectionTokenClaims(user: "")).closeCode == 3507)
    }

    @Test func tokenChannelInUnknownNamespaceIs102() {
        var harness = ConnectionHarness()
        #expect(harness.connect(ConnectionTokenClaims(user: "42", channels: ["nope:x"])).errorCodes == [102])
    }

    @Test func expireAtInThePastIs110() {
        var harness = ConnectionHarness()
        let claims = ConnectionTokenClaims(
            user: "42",
            expiresAt: ConnectionHarness.start.unixSeconds + 3600,
            expireAt: ConnectionHarness.start.unixSeconds - 1
        )
        #expect(harness.connect(claims).errorCodes == [110])
    }

    @Test func expiringTokenReportsTTL() {
        var harness = ConnectionHarness()
        let claims = ConnectionTokenClaims(user: "42", expiresAt: ConnectionHarness.start.unixSeconds + 600)
        let result = harness.connect(claims).replies.first?.connect
        #expect(result?.expires == true)
        #expect(result?.ttl == 600)
    }

    @Test func insecureModeIgnoresTokenExpiry() {
        var channels = ChannelConfiguration.testing
        channels.clientInsecure = true
        var harness = ConnectionHarness(channels: channels)
        let claims = ConnectionTokenClaims(user: "42", expiresAt: ConnectionHarness.start.unixSeconds + 600)
        #expect(harness.connect(claims).replies.first?.connect?.expires == false)
    }

    @Test func tokenChannelsBecomeServerSideSubscriptions() {
        var harness = ConnectionHarness()
        let claims = ConnectionTokenClaims(user: "42", channels: ["news:a", "chat:b"])
        let top = StreamPosition(offset: 3, epoch: "abcd")
        let actions = harness.connect(
            claims,
            outcomes: [
                "news:a": .subscribed(history: nil, buffered: []),
                "chat:b": .subscribed(history: StreamRead(publications: [], top: top), buffered: []),
            ]
        )
        let effects = actions.subscribeEffects
        #expect(effects.map(\.channel) == ["news:a", "chat:b"])
        #expect(effects.allSatisfy { $0.source == .connectionToken })
        let subs = actions.replies.first?.connect?.subs
        #expect(subs?.keys.elements == ["news:a", "chat:b"])
        #expect(subs?["news:a"] == SubscribeResult())
        #expect(subs?["chat:b"]?.recoverable == true)
        #expect(subs?["chat:b"]?.epoch == "abcd")
        #expect(subs?["chat:b"]?.offset == 3)
        // chat has join_leave: the join is announced after the reply.
        let replyIndex = actions.firstIndex { if case .reply = $0 { true } else { false } }!
        let joinIndex = actions.firstIndex { if case .publishJoin(channel: "chat:b", _) = $0 { true } else { false } }!
        #expect(replyIndex < joinIndex)
    }

    @Test func subsClaimWinsOverChannels() {
        var harness = ConnectionHarness()
        var subs = OrderedDictionary<String, TokenSubscriptionOptions>()
        subs["news:a"] = TokenSubscriptionOptions(data: ByteBuffer(text: #"{"x":1}"#))
        let claims = ConnectionTokenClaims(user: "42", channels: ["news:b"], subs: subs)
        let actions = harness.connect(claims, outcomes: ["news:a": .subscribed(history: nil, buffered: [])])
        #expect(actions.subscribeEffects.map(\.channel) == ["news:a"])
        #expect(actions.replies.first?.connect?.subs["news:a"]?.data == ByteBuffer(text: #"{"x":1}"#))
    }

    @Test func tooManyServerSideSubscriptionsIs3505() {
        var configuration = ClientConfiguration()
        configuration.channelLimit = 1
        var harness = ConnectionHarness(configuration: configuration)
        #expect(harness.connect(ConnectionTokenClaims(user: "42", channels: ["news:a", "news:b"])).closeCode == 3505)
    }

    @Test func clientRequestedSubsInUnknownNamespaceIs3501() {
        var harness = ConnectionHarness()
        var request = ConnectRequest(token: "t")
        request.subs["nope:x"] = SubscribeRequest()
        #expect(harness.connect(request: request).closeCode == 3501)
    }

    @Test func clientRequestedSubsAddedOnlyWhereAllowed() {
        var harness = ConnectionHarness()
        var request = ConnectRequest(token: "t")
        request.subs["news:x"] = SubscribeRequest()
        request.subs["locked:x"] = SubscribeRequest()
        request.subs["$news:x"] = SubscribeRequest()
        let actions = harness.connect(request: request, outcomes: ["news:x": .subscribed(history: nil, buffered: [])])
        #expect(actions.subscribeEffects.map(\.channel) == ["news:x"])
        #expect(actions.subscribeEffects.first?.source == .connectRequest)
    }

    @Test func personalChannelSubscribedAtConnect() {
        var channels = ChannelConfiguration.testing
        channels.userSubscribeToPersonal = true
        channels.userPersonalChannelNamespace = "news"
        var harness = ConnectionHarness(channels: channels)
        let actions = harness.connect(outcomes: ["news:#42": .subscribed(history: nil, buffered: [])])
        #expect(actions.subscribeEffects.map(\.channel) == ["news:#42"])
        #expect(actions.subscribeEffects.first?.source == .personalChannel)
        #expect(actions.replies.first?.connect?.subs.keys.elements == ["news:#42"])
    }

    @Test func serverSideSubscribeFailureIs3004() {
        var harness = ConnectionHarness()
        let actions = harness.connect(
            ConnectionTokenClaims(user: "42", channels: ["news:a"]),
            outcomes: ["news:a": .failed]
        )
        #expect(actions.closeCode == 3004)
    }

    @Test func connectSubsRecoveryUsesTheRequestedPosition() {
        var harness = ConnectionHarness()
        var request = ConnectRequest(token: "t")
        request.subs["chat:a"] = SubscribeRequest(recover: true, epoch: "abcd", offset: 1)
        let publication = Publication(data: ByteBuffer(text: "1"), offset: 2)
        let read = StreamRead(publications: [publication], top: StreamPosition(offset: 2, epoch: "abcd"))
        let actions = harness.connect(
            ConnectionTokenClaims(user: "42", channels: ["chat:a"]),
            request: request,
            outcomes: ["chat:a": .subscribed(history: read, buffered: [])]
        )
        #expect(actions.subscribeEffects.first?.recoverSince == StreamPosition(offset: 1, epoch: "abcd"))
        let result = actions.replies.first?.connect?.subs["chat:a"]
        #expect(result?.recovered == true)
        #expect(result?.publications == [publication])
        #expect(result?.offset == 1)
    }

    @Test func unidirectionalConnectSendsConnectPushAndMapsErrors() {
        let transport = TransportDescription(name: "uni_sse", isUnidirectional: true)
        var harness = ConnectionHarness(transport: transport)
        let actions = harness.connect()
        let push = actions.pushes.first?.connect
        #expect(push?.client == "client-1")
        #expect(push?.session == "session-1")
        #expect(push?.pong == false)
        #expect(push?.ping == 25)

        var expired = ConnectionHarness(transport: transport)
        _ = expired.send(1, .connect(ConnectRequest(token: "t")))
        #expect(expired.verifyConnectionToken(.expired).closeCode == 3005)
    }

    @Test func emulationConnectCarriesSessionAndNode() {
        let transport = TransportDescription(name: "http_stream", isEmulation: true)
        var harness = ConnectionHarness(transport: transport)
        let result = harness.connect().replies.first?.connect
        #expect(result?.session == "session-1")
        #expect(result?.node == "node-1")
    }

    @Test func v1ConnectHasNoPingOrPong() {
        var harness = ConnectionHarness(transport: TransportDescription(name: "websocket", version: .v1))
        let result = harness.connect().replies.first?.connect
        #expect(result?.ping == 0)
        #expect(result?.pong == false)
    }

    @Test func commandsQueuedBehindConnectRunAfterIt() {
        var harness = ConnectionHarness()
        _ = harness.send(1, .connect(ConnectRequest(token: "t")))
        #expect(harness.send(2, .ping(PingRequest())).isEmpty)
        let actions = harness.verifyConnectionToken(.valid(ConnectionTokenClaims(user: "42")))
        #expect(actions.replies.map(\.id) == [1, 2])
        #expect(actions.errorCodes == [108])
    }
}

@Suite struct PersonalChannelPrecedenceTests {
    @Test func personalChannelDefaultsReplaceATokenEntryForIt() {
        var channels = ChannelConfiguration.testing
        channels.userSubscribeToPersonal = true
        channels.userPersonalChannelNamespace = "chat"
        var harness = ConnectionHarness(channels: channels)
        var subs = OrderedDictionary<String, TokenSubscriptionOptions>()
        subs["chat:#42"] = TokenSubscriptionOptions(override: SubscriptionOverride(presence: false))
        let actions = harness.send(1, .connect(ConnectRequest(token: "t")))
        #expect(actions == [.verifyConnectionToken("t")])
        let effects = harness.verifyConnectionToken(.valid(ConnectionTokenClaims(user: "42", subs: subs)))
            .subscribeEffects
        #expect(effects.map(\.channel) == ["chat:#42"])
        #expect(effects.first?.source == .personalChannel)
        #expect(effects.first?.features.presence == true)
    }
}
