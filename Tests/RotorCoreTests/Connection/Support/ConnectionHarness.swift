import NIOCore
import OrderedCollections
import RotorCore
import RotorProtocol

/// Drives one `ClientConnection` on a hand-moved clock and answers effects explicitly.
struct ConnectionHarness {
    var connection: ClientConnection
    var now: Timestamp

    static let start = Timestamp.unixSeconds(1_700_000_000)

    init(
        configuration: ClientConfiguration = ClientConfiguration(),
        channels: ChannelConfiguration = .testing,
        transport: TransportDescription = .webSocket,
        firstPingDelay: Duration = .seconds(5)
    ) {
        now = Self.start
        connection = ClientConnection(
            clientID: "client-1",
            sessionID: "session-1",
            nodeID: "node-1",
            transport: transport,
            configuration: configuration,
            rules: try! ChannelRules(channels),
            firstPingDelay: firstPingDelay,
            now: now
        )
    }

    mutating func send(_ id: UInt32, _ request: Request) -> [ConnectionAction] {
        connection.receive(.request(id: id, request), now: now)
    }

    mutating func send(_ command: ClientCommand) -> [ConnectionAction] {
        connection.receive(command, now: now)
    }

    /// Connects with a token whose verification is answered with `claims`; returns the actions after the
    /// verification answer.
    @discardableResult
    mutating func connect(
        _ claims: ConnectionTokenClaims = ConnectionTokenClaims(user: "42"),
        request: ConnectRequest = ConnectRequest(token: "token"),
        outcomes: [String: SubscribeOutcome] = [:]
    ) -> [ConnectionAction] {
        var request = request
        if request.token.isEmpty { request.token = "token" }
        let first = send(1, .connect(request))
        precondition(first == [.verifyConnectionToken(request.token)], "unexpected \(first)")
        let actions = connection.connectionTokenVerified(.valid(claims), now: now)
        guard actions.contains(where: { if case .subscribe = $0 { true } else { false } }) else { return actions }
        return actions + connection.subscriptionsCompleted(outcomes, now: now)
    }

    mutating func verifyConnectionToken(_ verification: TokenVerification<ConnectionTokenClaims>) -> [ConnectionAction]
    {
        connection.connectionTokenVerified(verification, now: now)
    }

    mutating func verifySubscriptionToken(_ verification: TokenVerification<SubscriptionTokenClaims>)
        -> [ConnectionAction]
    {
        connection.subscriptionTokenVerified(verification, now: now)
    }

    mutating func complete(_ outcomes: [String: SubscribeOutcome]) -> [ConnectionAction] {
        connection.subscriptionsCompleted(outcomes, now: now)
    }

    /// Subscribes to `channel` and answers the engine with a plain success (or `outcome`).
    @discardableResult
    mutating func subscribe(
        _ id: UInt32,
        _ request: SubscribeRequest,
        outcome: SubscribeOutcome = .subscribed(history: nil, buffered: [])
    ) -> [ConnectionAction] {
        let actions = send(id, .subscribe(request))
        guard actions.contains(where: { if case .subscribe = $0 { true } else { false } }) else { return actions }
        return actions + complete([request.channel: outcome])
    }

    mutating func advance(by duration: Duration) -> [ConnectionAction] {
        now = now + duration
        return connection.timersFired(now: now)
    }
}

extension ChannelConfiguration {
    /// The namespaces of the recordings' default config (`Fixtures/recorded`).
    static var testing: ChannelConfiguration {
        var configuration = ChannelConfiguration()
        var chat = ChannelOptions()
        chat.allowSubscribeForClient = true
        chat.allowPublishForSubscriber = true
        chat.presence = true
        chat.allowPresenceForSubscriber = true
        chat.historySize = 10
        chat.historyTTL = .seconds(300)
        chat.allowHistoryForSubscriber = true
        chat.forceRecovery = true
        chat.joinLeave = true
        chat.forcePushJoinLeave = true
        var news = ChannelOptions()
        news.allowSubscribeForClient = true
        news.allowPublishForClient = true
        var locked = ChannelOptions()
        locked.presence = true
        locked.historySize = 5
        locked.historyTTL = .seconds(60)
        var hist = ChannelOptions()
        hist.allowSubscribeForClient = true
        hist.allowPublishForClient = true
        hist.historySize = 20
        hist.historyTTL = .seconds(300)
        hist.allowHistoryForClient = true
        var user = ChannelOptions()
        user.allowUserLimitedChannels = true
        var room = ChannelOptions()
        room.allowSubscribeForClient = true
        room.joinLeave = true
        room.presence = true
        room.allowPresenceForClient = true
        room.allowSubscribeForAnonymous = true
        room.allowPresenceForAnonymous = true
        configuration.namespaces = [
            ChannelNamespace(name: "chat", options: chat),
            ChannelNamespace(name: "news", options: news),
            ChannelNamespace(name: "locked", options: locked),
            ChannelNamespace(name: "hist", options: hist),
            ChannelNamespace(name: "user", options: user),
            ChannelNamespace(name: "room", options: room),
        ]
        return configuration
    }
}

extension Array where Element == ConnectionAction {
    var replies: [Reply] {
        compactMap { if case .reply(let reply) = $0 { reply } else { nil } }
    }

    var pushes: [Push] {
        compactMap { if case .push(let push) = $0 { push } else { nil } }
    }

    /// Error codes of the error replies, in order.
    var errorCodes: [UInt32] { replies.compactMap { $0.error?.code } }

    /// The code of the close action, if any.
    var closeCode: UInt32? {
        for action in self { if case .close(let disconnect) = action { return disconnect.code } }
        return nil
    }

    var subscribeEffects: [SubscribeEffect] {
        var effects: [SubscribeEffect] = []
        for action in self { if case .subscribe(let batch) = action { effects += batch } }
        return effects
    }

    var unsubscribeEffects: [UnsubscribeEffect] {
        compactMap { if case .unsubscribe(let effect) = $0 { effect } else { nil } }
    }

    var stopsReading: Bool { contains(.stopReading) }
}

extension ByteBuffer {
    init(text: String) { self.init(string: text) }
}
