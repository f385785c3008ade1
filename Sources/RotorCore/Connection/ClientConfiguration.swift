import RotorProtocol

/// The connection-level options of a node (`server.md` §1.2.2–§1.2.3) with Centrifugo v4.1.5 defaults.
public struct ClientConfiguration: Sendable, Hashable {
    /// Most channels one connection may be in (`client_channel_limit`).
    public var channelLimit = 128
    /// Most connections per non-empty user on this node, 0 = unlimited (`client_user_connection_limit`).
    public var userConnectionLimit = 0
    /// Close a connection without a successful connect after this long (`client_stale_close_delay`).
    public var staleCloseDelay: Duration = .seconds(10)
    /// Grace time after the connection expires before closing it (`client_expired_close_delay`).
    public var expiredCloseDelay: Duration = .seconds(25)
    /// Grace time after a subscription expires (`client_expired_sub_close_delay`).
    public var expiredSubCloseDelay: Duration = .seconds(25)
    /// Period of presence refresh, subscription-expiry and position checks (`client_presence_update_interval`).
    public var presenceUpdateInterval: Duration = .seconds(27)
    /// Least time between two stream position checks of one channel (`client_channel_position_check_delay`).
    public var channelPositionCheckDelay: Duration = .seconds(40)
    /// Cap of a client history `limit` (`client_history_max_publication_limit`).
    public var historyMaxPublicationLimit = 300
    /// Most publications read for a recovery (`client_recovery_max_publication_limit`).
    public var recoveryMaxPublicationLimit = 300
    /// Server ping period for protocol v2 (`ping_interval`); zero disables pings.
    public var pingInterval: Duration = .seconds(25)
    /// How long a v2 bidirectional client has to answer a ping (`pong_timeout`); zero: no pong needed.
    public var pongTimeout: Duration = .seconds(8)
    /// Connect without token as anonymous (`allow_anonymous_connect_without_token`).
    public var allowAnonymousConnectWithoutToken = false
    /// Reject tokens with an empty `sub` (`disallow_anonymous_connection_tokens`).
    public var disallowAnonymousConnectionTokens = false
    /// Do not compare a subscription token's `sub` with the user (`skip_user_check_in_subscription_token`).
    public var skipUserCheckInSubscriptionToken = false
    /// A refresh proxy refreshes connections server-side, so client-side refresh is off.
    public var refreshProxyConfigured = false
    /// An RPC proxy answers client `rpc` commands; without it they get error 108.
    public var rpcProxyConfigured = false
    /// How long history streams survive without activity (`history_meta_ttl`, 0 = forever).
    public var historyMetaTTL: Duration = .seconds(90 * 24 * 3600)
    /// The version string in connect results and `info` (the Centrifugo version Rotor is compatible with).
    public var serverVersion = "4.1.5"

    /// The Centrifugo v4.1.5 defaults.
    public init() {}
}

/// What the connection's transport is, as far as protocol decisions go.
public struct TransportDescription: Sendable, Hashable {
    /// The transport's name (`websocket`, `uni_sse`, …), for logs.
    public var name: String
    /// Client protocol version.
    public var version: ProtocolVersion
    /// Client protocol encoding is Protobuf (else JSON).
    public var isProtobuf: Bool
    /// Server → client only: connect comes with the request, results are pushes.
    public var isUnidirectional: Bool
    /// Bidirectional emulation (HTTP-streaming/SSE): the connect result carries `session` and `node`.
    public var isEmulation: Bool
    /// The transport sends application-level pings (false for uni_grpc).
    public var sendsPings: Bool

    /// A transport description.
    public init(
        name: String,
        version: ProtocolVersion = .v2,
        isProtobuf: Bool = false,
        isUnidirectional: Bool = false,
        isEmulation: Bool = false,
        sendsPings: Bool = true
    ) {
        self.name = name
        self.version = version
        self.isProtobuf = isProtobuf
        self.isUnidirectional = isUnidirectional
        self.isEmulation = isEmulation
        self.sendsPings = sendsPings
    }

    /// A JSON WebSocket with protocol v2.
    public static let webSocket = TransportDescription(name: "websocket")

    /// v2 bidirectional connections must answer each ping with one pong.
    public var expectsPongs: Bool { version == .v2 && !isUnidirectional }
}
