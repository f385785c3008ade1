extension ReplyError {
    /// 100: a server-side failure (engine, proxy); temporary, clients retry.
    public static let internalServerError = ReplyError(code: 100, message: "internal server error", temporary: true)
    /// 101: defined by the protocol, not produced by Centrifugo OSS v4.1.
    public static let unauthorized = ReplyError(code: 101, message: "unauthorized")
    /// 102: the channel's namespace is not configured.
    public static let unknownChannel = ReplyError(code: 102, message: "unknown channel")
    /// 103: the connection is not allowed to do this.
    public static let permissionDenied = ReplyError(code: 103, message: "permission denied")
    /// 104: v1 unknown method number; RPC method without a route.
    public static let methodNotFound = ReplyError(code: 104, message: "method not found")
    /// 105: subscribe to a channel the connection is already subscribed to.
    public static let alreadySubscribed = ReplyError(code: 105, message: "already subscribed")
    /// 106: client-side subscribe beyond `client_channel_limit`.
    public static let limitExceeded = ReplyError(code: 106, message: "limit exceeded")
    /// 107: malformed but non-fatal request (long or invalid channel, bad history position, missing token).
    public static let badRequest = ReplyError(code: 107, message: "bad request")
    /// 108: the feature is not enabled (ping command, rpc without proxy, presence or history off).
    public static let notAvailable = ReplyError(code: 108, message: "not available")
    /// 109: the token has expired; the client should fetch a new one.
    public static let tokenExpired = ReplyError(code: 109, message: "token expired")
    /// 110: the computed expiry is already in the past.
    public static let expired = ReplyError(code: 110, message: "expired")
    /// 111: rate limited; temporary. Not produced by Centrifugo OSS v4.1.
    public static let tooManyRequests = ReplyError(code: 111, message: "too many requests", temporary: true)
    /// 112: the requested stream position is not available (epoch mismatch).
    public static let unrecoverablePosition = ReplyError(code: 112, message: "unrecoverable position")

    /// Every error the library defines (spec §9), in code order.
    public static let builtins: [ReplyError] = [
        .internalServerError, .unauthorized, .unknownChannel, .permissionDenied, .methodNotFound,
        .alreadySubscribed, .limitExceeded, .badRequest, .notAvailable, .tokenExpired, .expired,
        .tooManyRequests, .unrecoverablePosition,
    ]
}
