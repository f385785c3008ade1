import NIOCore
import OrderedCollections
import RotorProtocol

/// One client connection as a state machine (`client-protocol.md` §5–§8, §10–§11).
///
/// Events go in (`receive`, effect answers, `timersFired`, deliveries from the hub, server API operations),
/// `ConnectionAction` values come out; the node performs them and feeds results back. Time enters only as
/// `now`. Commands are handled strictly in order: while one waits for an effect, later ones queue.
public struct ClientConnection: Sendable {
    /// Where the connection is in its life (§5).
    enum State: Sendable {
        /// Transport open; no successful connect yet (the stale timer runs).
        case awaitingConnect
        /// A connect is in progress (token verification or server-side subscriptions).
        case connecting
        /// Authenticated; commands are served.
        case connected
        /// A connect failed with an error reply: every further command is a protocol violation (3501).
        case unusable
        /// Closed; nothing more happens.
        case closed
    }

    /// The client id (UUID) the node assigned.
    public let clientID: String
    /// The session id sent to unidirectional and emulation clients.
    public let sessionID: String
    /// The node id sent to emulation clients.
    public let nodeID: String
    /// The transport's protocol properties.
    public let transport: TransportDescription
    let configuration: ClientConfiguration
    let rules: ChannelRules

    var state: State = .awaitingConnect
    /// The user id; `""` for anonymous.
    public internal(set) var user = ""
    /// Connection info from the token.
    public internal(set) var connectionInfo = ByteBuffer()
    /// Opaque connection meta from the token.
    public internal(set) var meta = ByteBuffer()
    /// Unix seconds when the connection expires; 0 = never.
    var expireAt: Int64 = 0
    /// Channels subscribed because the connection token listed them.
    var tokenChannels: Set<String> = []
    var subscriptions: OrderedDictionary<String, ChannelSubscription> = [:]
    /// Subscribe-push data of server API subscriptions still in progress.
    var serverSubscribeData: [String: ByteBuffer] = [:]

    var inFlight: InFlight?
    var queued: [ClientCommand] = []

    var staleDeadline: Timestamp?
    var nextPingAt: Timestamp?
    var pongDeadline: Timestamp?
    var nextTickAt: Timestamp?
    let firstPingDelay: Duration

    /// A new connection whose transport opened at `now`. `firstPingDelay` is the node's random pick in
    /// [0, ping interval) (the reference's first ping comes at a random moment).
    public init(
        clientID: String,
        sessionID: String = "",
        nodeID: String = "",
        transport: TransportDescription,
        configuration: ClientConfiguration,
        rules: ChannelRules,
        firstPingDelay: Duration = .zero,
        now: Timestamp
    ) {
        self.clientID = clientID
        self.sessionID = sessionID
        self.nodeID = nodeID
        self.transport = transport
        self.configuration = configuration
        self.rules = rules
        self.firstPingDelay = firstPingDelay
        self.staleDeadline = now + configuration.staleCloseDelay
    }

    /// Whether the connection authenticated and is not closed.
    public var isConnected: Bool {
        if case .connected = state { return true }
        return false
    }

    /// Whether the connection is closed.
    public var isClosed: Bool {
        if case .closed = state { return true }
        return false
    }

    /// Who this connection is, as presence and publications show it.
    public var clientInfo: ClientInfo { ClientInfo(user: user, client: clientID, connInfo: connectionInfo) }

    /// The channels the connection is in (live or subscribing).
    public var channels: some Collection<String> { subscriptions.keys }

    /// Whether the connection is live in `channel`.
    public func isSubscribed(to channel: String) -> Bool { subscriptions[channel]?.phase == .live }

    /// The earliest moment `timersFired(now:)` has something to do.
    public var nextDeadline: Timestamp? {
        [staleDeadline, nextPingAt, pongDeadline, nextTickAt, expiryDeadline].compactMap { $0 }.min()
    }

    /// Who this connection is in `channel` (channel info included).
    func info(in channel: String) -> ClientInfo {
        var info = clientInfo
        if let channelInfo = subscriptions[channel]?.channelInfo { info.chanInfo = channelInfo }
        return info
    }

    // MARK: Commands

    /// A command from the client.
    public mutating func receive(_ command: ClientCommand, now: Timestamp) -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        switch state {
        case .closed:
            return []
        case .connecting:
            queued.append(command)
            return []
        case .connected where stoppedReading:
            // v1 after a synchronous error: the reference reads nothing more from this connection.
            return []
        case .awaitingConnect, .unusable, .connected:
            if inFlight != nil {
                queued.append(command)
                return []
            }
            handle(command, now: now, into: &actions)
            drainQueue(now: now, into: &actions)
        }
        return actions
    }

    /// Runs queued commands until one waits for an effect or the connection closes.
    mutating func drainQueue(now: Timestamp, into actions: inout [ConnectionAction]) {
        while inFlight == nil, !queued.isEmpty {
            switch state {
            case .closed:
                queued.removeAll()
                return
            case .connecting:
                return
            case .awaitingConnect, .unusable, .connected:
                if stoppedReading {
                    queued.removeAll()
                    return
                }
                let next = queued.removeFirst()
                handle(next, now: now, into: &actions)
            }
        }
    }

    /// Set once the machine asked the shell to stop reading; queued commands are dropped.
    var stoppedReading = false

    /// Whether the machine asked the shell to stop reading: a shell that decoded several commands from one
    /// frame must not hand over the rest (spec §5: after a failed connect the rest of the frame is not
    /// processed).
    public var hasStoppedReading: Bool { stoppedReading }

    mutating func handle(_ command: ClientCommand, now: Timestamp, into actions: inout [ConnectionAction]) {
        switch state {
        case .closed, .connecting:
            return
        case .unusable:
            close(.badRequest, into: &actions)
            return
        case .awaitingConnect:
            guard case .request(let id, .connect(let request)) = command else {
                close(.badRequest, into: &actions)
                return
            }
            startConnect(id: id, request, now: now, into: &actions)
            return
        case .connected:
            break
        }
        switch command {
        case .pong:
            receivePong(into: &actions)
        case .malformed:
            close(.badRequest, into: &actions)
        case .unknownV1Method(let id):
            failSynchronously(id: id, .methodNotFound, into: &actions)
        case .request(let id, let request):
            handle(id: id, request, now: now, into: &actions)
        }
    }

    mutating func handle(id: UInt32, _ request: Request, now: Timestamp, into actions: inout [ConnectionAction]) {
        switch request {
        case .connect:
            close(.badRequest, into: &actions)
        case .subscribe(let subscribe):
            startSubscribe(id: id, subscribe, now: now, into: &actions)
        case .unsubscribe(let unsubscribe):
            handleUnsubscribe(id: id, unsubscribe, into: &actions)
        case .publish(let publish):
            handlePublish(id: id, publish, into: &actions)
        case .presence(let presence):
            handlePresence(id: id, channel: presence.channel, stats: false, into: &actions)
        case .presenceStats(let stats):
            handlePresence(id: id, channel: stats.channel, stats: true, into: &actions)
        case .history(let history):
            handleHistory(id: id, history, into: &actions)
        case .rpc:
            // Without an RPC proxy Centrifugo registers no RPC handler (§6.7).
            failSynchronously(id: id, .notAvailable, into: &actions)
        case .send:
            // Centrifugo never registers a message handler (§6.8).
            close(.notAvailable, into: &actions)
        case .ping:
            if transport.version == .v1 {
                actions.append(.reply(Reply(id: id, result: .ping(PingResult()))))
            } else {
                actions.append(.reply(Reply(id: id, error: .notAvailable)))
            }
        case .refresh(let refresh):
            startRefresh(id: id, refresh, into: &actions)
        case .subRefresh(let subRefresh):
            startSubRefresh(id: id, subRefresh, into: &actions)
        }
    }

    // MARK: Replies

    /// Sends an error reply for a command.
    func fail(id: UInt32, _ error: ReplyError, into actions: inout [ConnectionAction]) {
        actions.append(.reply(Reply(id: id, error: error)))
    }

    /// An error the reference library produces synchronously: on v1 it also stops reading (§6.0).
    mutating func failSynchronously(id: UInt32, _ error: ReplyError, into actions: inout [ConnectionAction]) {
        fail(id: id, error, into: &actions)
        if transport.version == .v1 { stopReading(into: &actions) }
    }

    mutating func stopReading(into actions: inout [ConnectionAction]) {
        guard !stoppedReading else { return }
        stoppedReading = true
        queued.removeAll()
        actions.append(.stopReading)
    }

    // MARK: Closing

    /// Closes with `disconnect`: subscriptions are left (presence removed, leaves announced), then the
    /// transport is closed.
    mutating func close(_ disconnect: Disconnect, into actions: inout [ConnectionAction]) {
        guard !isClosed else { return }
        leaveAllChannels(into: &actions)
        state = .closed
        clearTimers()
        actions.append(.close(disconnect))
    }

    /// The server closes the connection (server API disconnect, shutdown, slow client …).
    public mutating func disconnect(_ disconnect: Disconnect) -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        close(disconnect, into: &actions)
        return actions
    }

    /// The transport went away (client closed, write error): clean up without sending anything.
    public mutating func transportClosed() -> [ConnectionAction] {
        guard !isClosed else { return [] }
        var actions: [ConnectionAction] = []
        leaveAllChannels(into: &actions)
        state = .closed
        clearTimers()
        return actions
    }

    mutating func leaveAllChannels(into actions: inout [ConnectionAction]) {
        for (channel, subscription) in subscriptions {
            actions.append(.unsubscribe(unsubscribeEffect(channel, subscription)))
        }
        subscriptions.removeAll()
        inFlight = nil
        queued.removeAll()
    }

    func unsubscribeEffect(_ channel: String, _ subscription: ChannelSubscription) -> UnsubscribeEffect {
        var info = clientInfo
        info.chanInfo = subscription.channelInfo
        return UnsubscribeEffect(
            channel: channel,
            info: info,
            presence: subscription.features.presence,
            emitLeave: subscription.features.emitJoinLeave && subscription.phase == .live
        )
    }

    mutating func clearTimers() {
        staleDeadline = nil
        nextPingAt = nil
        pongDeadline = nil
        nextTickAt = nil
    }
}

/// The command (or connect) waiting for an effect's answer.
enum InFlight: Sendable {
    case connectVerifyingToken(id: UInt32, ConnectRequest)
    case connectSubscribing(id: UInt32, ConnectProgress)
    case subscribeVerifyingToken(id: UInt32, SubscribeRequest)
    case subscribing(id: UInt32, SubscribeRequest, SubscribeEffect, data: ByteBuffer, clientSideExpiry: Bool)
    case publishing(id: UInt32)
    case presence(id: UInt32)
    case presenceStats(id: UInt32)
    case history(id: UInt32, since: StreamPosition?)
    case refreshVerifyingToken(id: UInt32)
    case subRefreshVerifyingToken(id: UInt32, channel: String)
}

/// A connect that already authenticated and now waits for its server-side subscriptions.
struct ConnectProgress: Sendable {
    var request: ConnectRequest
    /// Per channel: the recovery request the client sent in `subs`, and the token's subscribe data.
    var effects: [SubscribeEffect]
    var data: [String: ByteBuffer]
    var requested: [String: SubscribeRequestOptions]
}

/// Recovery fields of a subscribe request or a connect `subs` entry.
struct SubscribeRequestOptions: Sendable, Hashable {
    var recover: Bool
    var offset: UInt64
    var epoch: String
}
