import RotorProtocol

/// Why the channel rules let a client subscribe without a token or proxy (`server.md` §2.4 steps 8, 10, 11).
public enum ClientSubscribeGrant: Sendable, Hashable {
    /// The channel is user-limited and lists the connection's user.
    case userLimited
    /// `allow_subscribe_for_client` (and `allow_subscribe_for_anonymous` for anonymous connections).
    case allowedForClient
    /// `client_insecure`.
    case insecure
}

/// The channel-rule decision on a client-side subscribe (`server.md` §2.4 steps 2–11).
public enum SubscribeAccess: Sendable, Hashable {
    /// Refuse with this error reply: 102 unknown namespace, 107 invalid name, 103 no permission (also a private
    /// channel without token), 108 subscribe proxy configured for the namespace but not available.
    case rejected(ReplyError)
    /// The client sent a token: verify it as a subscription token (§2.4 step 7; expired 109, invalid 103,
    /// channel/user/client mismatch disconnect 3500) and accept with the token's options.
    case verifyToken
    /// Accepted by the rules; options are the namespace's plus the client's requests (steps 12–14).
    case accepted(ClientSubscribeGrant)
    /// Ask the subscribe proxy and use its answer as is (§5.3): `name` is the granular proxy, nil the
    /// non-granular one.
    case proxy(name: String?)
}

extension ChannelRules {
    /// Decides a client-side subscribe to `channel` by a connection of `user` (`""` = anonymous), with or
    /// without a subscription token, per `server.md` §2.4 steps 2–11.
    ///
    /// The library checks of step 1 (empty channel 3501, `channelMaxLength` 107, already subscribed 105,
    /// `client_channel_limit` 106) come first and are the caller's. Then: unknown namespace 102; invalid name
    /// 107; private channel without token 103 (even insecure or proxied); a token is always verified; a
    /// user-limited channel listing the user is accepted; a subscribe-proxy namespace (not user-limited) is
    /// proxied or 108; `allow_subscribe_for_client` (+anonymous) accepts unless user-limited; insecure
    /// accepts; else 103.
    public func subscribeAccess(channel: String, user: String, hasToken: Bool) -> SubscribeAccess {
        guard let resolved = resolve(channel) else { return .rejected(.unknownChannel) }
        guard isValidClientChannelName(resolved) else { return .rejected(.badRequest) }
        let options = resolved.options
        let userLimited = isUserLimited(resolved)
        if isPrivate(channel), !hasToken { return .rejected(.permissionDenied) }
        if hasToken { return .verifyToken }
        if userLimited, userLimitedChannelAllows(user: user, channel: channel) { return .accepted(.userLimited) }
        if options.usesSubscribeProxy, !userLimited {
            let choice = ProxyChoice(
                configured: configuration.subscribeProxyConfigured,
                name: options.subscribeProxyName,
                named: configuration.namedProxies
            )
            switch choice {
            case .proxy(let name): return .proxy(name: name)
            case .notAvailable: return .rejected(.notAvailable)
            }
        }
        if options.allowSubscribeForClient, !user.isEmpty || options.allowSubscribeForAnonymous, !userLimited {
            return .accepted(.allowedForClient)
        }
        if configuration.clientInsecure { return .accepted(.insecure) }
        return .rejected(.permissionDenied)
    }
}
