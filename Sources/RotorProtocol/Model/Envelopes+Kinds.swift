import NIOCore

/// The request a v2 command carries, after the dispatch rules of spec §2.2.
public enum Request: Hashable, Sendable {
    case connect(ConnectRequest)
    case ping(PingRequest)
    case subscribe(SubscribeRequest)
    case unsubscribe(UnsubscribeRequest)
    case publish(PublishRequest)
    case presence(PresenceRequest)
    case presenceStats(PresenceStatsRequest)
    case history(HistoryRequest)
    case rpc(RPCRequest)
    case send(SendRequest)
    case refresh(RefreshRequest)
    case subRefresh(SubRefreshRequest)
}

extension Request {
    /// The request's name as the reference writes it in logs and metric labels (`presence_stats`, `sub_refresh`
    /// …): the JSON key of its `Command` field.
    public var methodName: String {
        switch self {
        case .connect: "connect"
        case .ping: "ping"
        case .subscribe: "subscribe"
        case .unsubscribe: "unsubscribe"
        case .publish: "publish"
        case .presence: "presence"
        case .presenceStats: "presence_stats"
        case .history: "history"
        case .rpc: "rpc"
        case .send: "send"
        case .refresh: "refresh"
        case .subRefresh: "sub_refresh"
        }
    }
}

extension Command {
    /// A command carrying `request`.
    public init(id: UInt32, _ request: Request) {
        self.init(id: id)
        switch request {
        case .connect(let value): connect = value
        case .ping(let value): ping = value
        case .subscribe(let value): subscribe = value
        case .unsubscribe(let value): unsubscribe = value
        case .publish(let value): publish = value
        case .presence(let value): presence = value
        case .presenceStats(let value): presenceStats = value
        case .history(let value): history = value
        case .rpc(let value): rpc = value
        case .send(let value): send = value
        case .refresh(let value): refresh = value
        case .subRefresh(let value): subRefresh = value
        }
    }

    /// v2: a command with `id == 0` and no `send` is a pong, whatever else it holds (spec §2.2 rule 2, §8).
    public var isPong: Bool { id == 0 && send == nil }

    /// v2: the first set request in dispatch order (spec §2.2 rule 3); nil if none is set (→ 3501).
    public var request: Request? {
        if let connect { return .connect(connect) }
        if let ping { return .ping(ping) }
        if let subscribe { return .subscribe(subscribe) }
        if let unsubscribe { return .unsubscribe(unsubscribe) }
        if let publish { return .publish(publish) }
        if let presence { return .presence(presence) }
        if let presenceStats { return .presenceStats(presenceStats) }
        if let history { return .history(history) }
        if let rpc { return .rpc(rpc) }
        if let send { return .send(send) }
        if let refresh { return .refresh(refresh) }
        if let subRefresh { return .subRefresh(subRefresh) }
        return nil
    }
}

/// The result of a successful v2 command.
public enum CommandResult: Hashable, Sendable {
    case connect(ConnectResult)
    case subscribe(SubscribeResult)
    case unsubscribe(UnsubscribeResult)
    case publish(PublishResult)
    case presence(PresenceResult)
    case presenceStats(PresenceStatsResult)
    case history(HistoryResult)
    case ping(PingResult)
    case rpc(RPCResult)
    case refresh(RefreshResult)
    case subRefresh(SubRefreshResult)
}

extension Reply {
    /// The bidirectional server ping: an empty Reply (`{}`, or a zero-length Protobuf message).
    public static let ping = Reply()

    /// A successful reply to command `id`.
    public init(id: UInt32, result: CommandResult) {
        self.init(id: id)
        switch result {
        case .connect(let value): connect = value
        case .subscribe(let value): subscribe = value
        case .unsubscribe(let value): unsubscribe = value
        case .publish(let value): publish = value
        case .presence(let value): presence = value
        case .presenceStats(let value): presenceStats = value
        case .history(let value): history = value
        case .ping(let value): ping = value
        case .rpc(let value): rpc = value
        case .refresh(let value): refresh = value
        case .subRefresh(let value): subRefresh = value
        }
    }

    /// A failed reply to command `id`.
    public init(id: UInt32, error: ReplyError) {
        self.init(id: id)
        self.error = error
    }

    /// A push on a bidirectional transport.
    public init(push: Push) {
        self.init(id: 0)
        self.push = push
    }

    /// The v2 result this reply carries, if any.
    public var commandResult: CommandResult? {
        if let connect { return .connect(connect) }
        if let subscribe { return .subscribe(subscribe) }
        if let unsubscribe { return .unsubscribe(unsubscribe) }
        if let publish { return .publish(publish) }
        if let presence { return .presence(presence) }
        if let presenceStats { return .presenceStats(presenceStats) }
        if let history { return .history(history) }
        if let ping { return .ping(ping) }
        if let rpc { return .rpc(rpc) }
        if let refresh { return .refresh(refresh) }
        if let subRefresh { return .subRefresh(subRefresh) }
        return nil
    }
}

/// The payload of a v2 push.
public enum PushPayload: Hashable, Sendable {
    case publication(Publication)
    case join(Join)
    case leave(Leave)
    case unsubscribe(UnsubscribePush)
    case message(MessagePush)
    case subscribe(SubscribePush)
    case connect(ConnectPush)
    case disconnect(DisconnectPush)
    case refresh(RefreshPush)
}

extension Push {
    /// A push carrying `payload`; `channel` is empty for connection-scoped pushes.
    public init(channel: String = "", _ payload: PushPayload) {
        self.init(type: 0)
        self.channel = channel
        switch payload {
        case .publication(let value): pub = value
        case .join(let value): join = value
        case .leave(let value): leave = value
        case .unsubscribe(let value): unsubscribe = value
        case .message(let value): message = value
        case .subscribe(let value): subscribe = value
        case .connect(let value): connect = value
        case .disconnect(let value): disconnect = value
        case .refresh(let value): refresh = value
        }
    }

    /// The v2 payload this push carries, if any.
    public var payload: PushPayload? {
        if let pub { return .publication(pub) }
        if let join { return .join(join) }
        if let leave { return .leave(leave) }
        if let unsubscribe { return .unsubscribe(unsubscribe) }
        if let message { return .message(message) }
        if let subscribe { return .subscribe(subscribe) }
        if let connect { return .connect(connect) }
        if let disconnect { return .disconnect(disconnect) }
        if let refresh { return .refresh(refresh) }
        return nil
    }
}
