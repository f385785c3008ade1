import NIOCore
import OrderedCollections
import RotorCore
import RotorNode
import RotorProtocol

/// One decoded server API call: the method and its parameters (`server.md` §4.2).
enum APICall {
    /// `publish`; `data` nil when absent.
    case publish(channel: String, data: ByteBuffer?, b64data: String, skipHistory: Bool, tags: Tags)
    /// `broadcast`.
    case broadcast(channels: [String], data: ByteBuffer?, b64data: String, skipHistory: Bool, tags: Tags)
    /// `subscribe` (`b64info`/`b64data` are ignored, quirk 4).
    case subscribe(ConnectionSelector, ServerSubscription)
    /// `unsubscribe` (an empty channel is quirk 17).
    case unsubscribe(ConnectionSelector, channel: String)
    /// `disconnect`.
    case disconnect(ConnectionSelector, whitelist: [String], Disconnect)
    /// `refresh`; `expireAt` 0 = not given.
    case refresh(ConnectionSelector, expired: Bool, expireAt: Int64, info: ByteBuffer?)
    /// `presence`.
    case presence(channel: String)
    /// `presence_stats`.
    case presenceStats(channel: String)
    /// `history`.
    case history(channel: String, limit: Int32, since: StreamPosition?, reverse: Bool)
    /// `history_remove`.
    case historyRemove(channel: String)
    /// `channels`.
    case channels(pattern: String)
    /// `info`.
    case info
    /// `rpc`.
    case rpc(method: String)

    typealias Tags = OrderedDictionary<String, String>

    /// The method's name, as the API metrics label it.
    var methodName: String {
        switch self {
        case .publish: "publish"
        case .broadcast: "broadcast"
        case .subscribe: "subscribe"
        case .unsubscribe: "unsubscribe"
        case .disconnect: "disconnect"
        case .refresh: "refresh"
        case .presence: "presence"
        case .presenceStats: "presence_stats"
        case .history: "history"
        case .historyRemove: "history_remove"
        case .channels: "channels"
        case .info: "info"
        case .rpc: "rpc"
        }
    }

    /// Decodes the parameters of an open-source `method`; throws on a type error (per-command 107 on
    /// `/api`, HTTP 400 on the v5 routes).
    init(_ method: APIMethod, _ params: APIParams) throws(ProtocolDecodingError) {
        switch method {
        case .publish:
            self = .publish(
                channel: try params.string("channel"), data: params.raw("data"), b64data: try params.string("b64data"),
                skipHistory: try params.bool("skip_history"), tags: try params.stringMap("tags"))
        case .broadcast:
            self = .broadcast(
                channels: try params.strings("channels"), data: params.raw("data"),
                b64data: try params.string("b64data"), skipHistory: try params.bool("skip_history"),
                tags: try params.stringMap("tags"))
        case .subscribe:
            _ = try params.string("b64info")
            _ = try params.string("b64data")
            var override = SubscriptionOverride()
            if let object = try params.object("override") {
                override.presence = try object.boolValue("presence")
                override.joinLeave = try object.boolValue("join_leave")
                override.forcePushJoinLeave = try object.boolValue("force_push_join_leave")
                override.forceRecovery = try object.boolValue("force_recovery")
                override.forcePositioning = try object.boolValue("force_positioning")
            }
            let subscription = ServerSubscription(
                channel: try params.string("channel"),
                info: params.raw("info") ?? ByteBuffer(),
                data: params.raw("data") ?? ByteBuffer(),
                expireAt: try params.integer("expire_at"),
                recoverSince: try params.streamPosition("recover_since"),
                override: override)
            self = .subscribe(try Self.selector(params), subscription)
        case .unsubscribe:
            self = .unsubscribe(try Self.selector(params), channel: try params.string("channel"))
        case .disconnect:
            var disconnect = Disconnect.forceDisconnect
            if let object = try params.object("disconnect") {
                disconnect = Disconnect(
                    code: try object.integer("code"), reason: try object.string("reason"),
                    reconnect: try object.bool("reconnect"))
            }
            self = .disconnect(try Self.selector(params), whitelist: try params.strings("whitelist"), disconnect)
        case .refresh:
            self = .refresh(
                try Self.selector(params), expired: try params.bool("expired"),
                expireAt: try params.integer("expire_at"), info: params.raw("info"))
        case .presence:
            self = .presence(channel: try params.string("channel"))
        case .presenceStats:
            self = .presenceStats(channel: try params.string("channel"))
        case .history:
            self = .history(
                channel: try params.string("channel"), limit: try params.integer("limit"),
                since: try params.streamPosition("since"), reverse: try params.bool("reverse"))
        case .historyRemove:
            self = .historyRemove(channel: try params.string("channel"))
        case .channels:
            self = .channels(pattern: try params.string("pattern"))
        case .info:
            self = .info
        case .rpc:
            _ = params.raw("params")
            self = .rpc(method: try params.string("method"))
        default:
            throw .typeMismatch(offset: 0)
        }
    }

    private static func selector(_ params: APIParams) throws(ProtocolDecodingError) -> ConnectionSelector {
        ConnectionSelector(
            user: try params.string("user"), client: try params.string("client"),
            session: try params.string("session"))
    }
}
