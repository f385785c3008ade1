/// A server-initiated close of a connection: the code and reason a client sees (spec §10).
///
/// `reconnect` is the flag v1 clients receive in the close reason JSON and Disconnect push; v2 clients
/// decide from the code alone (`reconnectsInV2`).
public struct Disconnect: Hashable, Sendable {
    /// The close code (WebSocket close code, or `Disconnect.code` in a push).
    public var code: UInt32
    /// The reason text, short enough for a WebSocket close frame.
    public var reason: String
    /// Whether a v1 client should reconnect.
    public var reconnect: Bool

    /// Creates a disconnect, e.g. an application one from the server API (codes 4000–4999).
    public init(code: UInt32, reason: String, reconnect: Bool) {
        self.code = code
        self.reason = reason
        self.reconnect = reconnect
    }

    /// The v2 client rule: reconnect unless 3500 ≤ code < 4000 or 4500 ≤ code < 5000 (spec §10.1).
    public var reconnectsInV2: Bool {
        !((3500..<4000).contains(code) || (4500..<5000).contains(code))
    }

    /// The WebSocket/SockJS close reason for a v1 connection: `{"reason":"…","reconnect":…}` (spec §5, §10.3).
    public var v1CloseReason: String {
        var text = "{\"reason\":"
        appendJSONQuoted(reason, to: &text)
        text += reconnect ? ",\"reconnect\":true}" : ",\"reconnect\":false}"
        return text
    }

    /// The Disconnect push payload for this close: v2 carries code and reason, v1 also `reconnect`.
    public func push(for version: ProtocolVersion) -> DisconnectPush {
        DisconnectPush(code: code, reason: reason, reconnect: version == .v1 ? reconnect : false)
    }
}

extension Disconnect {
    /// 3000: internal only, the client or transport went away; never sent.
    public static let connectionClosed = Disconnect(code: 3000, reason: "connection closed", reconnect: false)
    /// 3001: the node is shutting down.
    public static let shutdown = Disconnect(code: 3001, reason: "shutdown", reconnect: true)
    /// 3004: internal failure during connect, subscribe or unsubscribe.
    public static let internalServerError = Disconnect(code: 3004, reason: "internal server error", reconnect: true)
    /// 3005: the connection was not refreshed in time, or refreshed with an expired token.
    public static let connectionExpired = Disconnect(code: 3005, reason: "connection expired", reconnect: true)
    /// 3006: a server-side (or v1) subscription was not refreshed in time.
    public static let subscriptionExpired = Disconnect(code: 3006, reason: "subscription expired", reconnect: true)
    /// 3008: the outbound queue grew past `client_queue_max_size`.
    public static let slow = Disconnect(code: 3008, reason: "slow", reconnect: true)
    /// 3009: writing to the transport failed.
    public static let writeError = Disconnect(code: 3009, reason: "write error", reconnect: true)
    /// 3010: the client's stream position can no longer be trusted.
    public static let insufficientState = Disconnect(code: 3010, reason: "insufficient state", reconnect: true)
    /// 3011: library-defined forced reconnect.
    public static let forceReconnect = Disconnect(code: 3011, reason: "force reconnect", reconnect: true)
    /// 3012: no pong arrived in time after a server ping.
    public static let noPong = Disconnect(code: 3012, reason: "no pong", reconnect: true)
    /// 3013: rate limited; note v1 `reconnect` is false although v2 clients reconnect.
    public static let tooManyRequests = Disconnect(code: 3013, reason: "too many requests", reconnect: false)
    /// 3500: an invalid connection, refresh or subscription token.
    public static let invalidToken = Disconnect(code: 3500, reason: "invalid token", reconnect: false)
    /// 3501: a protocol violation or undecodable input.
    public static let badRequest = Disconnect(code: 3501, reason: "bad request", reconnect: false)
    /// 3502: no successful connect within `client_stale_close_delay`.
    public static let stale = Disconnect(code: 3502, reason: "stale", reconnect: false)
    /// 3503: server API disconnect without a custom disconnect object.
    public static let forceDisconnect = Disconnect(code: 3503, reason: "force disconnect", reconnect: false)
    /// 3504: `client_user_connection_limit` reached, or single-connection eviction.
    public static let connectionLimit = Disconnect(code: 3504, reason: "connection limit", reconnect: false)
    /// 3505: too many server-side subscriptions.
    public static let channelLimit = Disconnect(code: 3505, reason: "channel limit", reconnect: false)
    /// 3506: a payload that a JSON connection cannot carry.
    public static let inappropriateProtocol = Disconnect(code: 3506, reason: "inappropriate protocol", reconnect: false)
    /// 3507: anonymous token refused, or a unidirectional connect failing with 103.
    public static let permissionDenied = Disconnect(code: 3507, reason: "permission denied", reconnect: false)
    /// 3508: the `send` command, which Centrifugo has no handler for.
    public static let notAvailable = Disconnect(code: 3508, reason: "not available", reconnect: false)
    /// 3509: library-defined, not produced by Centrifugo OSS v4.1.
    public static let tooManyErrors = Disconnect(code: 3509, reason: "too many errors", reconnect: false)

    /// Every disconnect the library defines (spec §10.2), in code order.
    public static let builtins: [Disconnect] = [
        .connectionClosed, .shutdown, .internalServerError, .connectionExpired, .subscriptionExpired, .slow,
        .writeError, .insufficientState, .forceReconnect, .noPong, .tooManyRequests, .invalidToken, .badRequest,
        .stale, .forceDisconnect, .connectionLimit, .channelLimit, .inappropriateProtocol, .permissionDenied,
        .notAvailable, .tooManyErrors,
    ]

    /// The disconnect a unidirectional connect produces for a handler error (spec §10.2, last paragraph).
    public static func forUnidirectionalConnect(failingWith error: ReplyError) -> Disconnect {
        switch error.code {
        case 109, 110: .connectionExpired
        case 111: .tooManyRequests
        case 103: .permissionDenied
        default: .internalServerError
        }
    }
}

/// Why a subscription ended, as carried by an Unsubscribe push (spec §10.4).
public struct UnsubscribeReason: Hashable, Sendable {
    /// The unsubscribe code; ≥ 2500 means the client resubscribes.
    public var code: UInt32
    /// The reason text.
    public var reason: String

    /// Creates an unsubscribe reason.
    public init(code: UInt32, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Whether a client resubscribes after this (codes ≥ 2500).
    public var resubscribes: Bool { code >= 2500 }

    /// The push payload for this reason.
    public var push: UnsubscribePush { UnsubscribePush(code: code, reason: reason) }

    /// 0: internal only, the client unsubscribed; never sent.
    public static let clientUnsubscribed = UnsubscribeReason(code: 0, reason: "client unsubscribed")
    /// 1: internal only, the client disconnected; never sent.
    public static let clientDisconnected = UnsubscribeReason(code: 1, reason: "client disconnected")
    /// 2000: removed by the server API; final.
    public static let serverUnsubscribe = UnsubscribeReason(code: 2000, reason: "server unsubscribe")
    /// 2500: the stream position was lost; the client resubscribes with recovery.
    public static let insufficientState = UnsubscribeReason(code: 2500, reason: "insufficient state")
    /// 2501: the subscription was not refreshed in time; the client resubscribes.
    public static let subscriptionExpired = UnsubscribeReason(code: 2501, reason: "subscription expired")

    /// Every unsubscribe reason the library defines, in code order.
    public static let builtins: [UnsubscribeReason] = [
        .clientUnsubscribed, .clientDisconnected, .serverUnsubscribe, .insufficientState, .subscriptionExpired,
    ]
}
