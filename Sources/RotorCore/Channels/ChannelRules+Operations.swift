import RotorProtocol

/// The channel-rule decision on a client presence, presence_stats or history command.
public enum ChannelAccess: Sendable, Hashable {
    /// Go ahead.
    case allowed
    /// Refuse with this error reply (102, 107, 108 or 103).
    case rejected(ReplyError)
}

/// The channel-rule decision on a client publish.
public enum PublishAccess: Sendable, Hashable {
    /// Publish with the connection's client info and the namespace's history settings.
    case allowed
    /// Refuse with this error reply (102, 107, 108 or 103).
    case rejected(ReplyError)
    /// Ask the publish proxy, which decides alone (§5.4): `name` is the granular proxy, nil the non-granular one.
    case proxy(name: String?)
}

extension ChannelRules {
    /// Decides a client publish to `channel` (`server.md` §2.5): unknown namespace 102; invalid name 107;
    /// a publish-proxy namespace is proxied (108 if the proxy is not available, no other option consulted);
    /// else allowed by `allow_publish_for_client`, or `allow_publish_for_subscriber` while subscribed (both
    /// with `allow_publish_for_anonymous` for anonymous users), or `client_insecure`; else 103.
    public func publishAccess(channel: String, user: String, isSubscribed: Bool) -> PublishAccess {
        guard let resolved = resolve(channel) else { return .rejected(.unknownChannel) }
        guard isValidClientChannelName(resolved) else { return .rejected(.badRequest) }
        let options = resolved.options
        if options.usesPublishProxy {
            let choice = ProxyChoice(
                configured: configuration.publishProxyConfigured,
                name: options.publishProxyName,
                named: configuration.namedProxies
            )
            switch choice {
            case .proxy(let name): return .proxy(name: name)
            case .notAvailable: return .rejected(.notAvailable)
            }
        }
        let known = !user.isEmpty || options.allowPublishForAnonymous
        if options.allowPublishForClient, known { return .allowed }
        if options.allowPublishForSubscriber, isSubscribed, known { return .allowed }
        return configuration.clientInsecure ? .allowed : .rejected(.permissionDenied)
    }

    /// Decides a client presence or presence_stats on `channel` (`server.md` §2.5): unknown namespace 102;
    /// invalid name 107; namespace `presence` off 108; allowed by `allow_presence_for_client`, or
    /// `allow_presence_for_subscriber` while subscribed (both with `allow_presence_for_anonymous` for anonymous
    /// users), or `client_insecure`; else 103.
    public func presenceAccess(channel: String, user: String, isSubscribed: Bool) -> ChannelAccess {
        guard let resolved = resolve(channel) else { return .rejected(.unknownChannel) }
        guard isValidClientChannelName(resolved) else { return .rejected(.badRequest) }
        let options = resolved.options
        guard options.presence else { return .rejected(.notAvailable) }
        let known = !user.isEmpty || options.allowPresenceForAnonymous
        if readsPresenceWithoutSubscription(options, user: user) { return .allowed }
        if options.allowPresenceForSubscriber, isSubscribed, known { return .allowed }
        return .rejected(.permissionDenied)
    }

    /// Decides a client history on `channel` (`server.md` §2.5): unknown namespace 102; invalid name 107;
    /// history disabled (`history_size` or `history_ttl` not positive) 108; allowed by
    /// `allow_history_for_client`, or `allow_history_for_subscriber` while subscribed (both with
    /// `allow_history_for_anonymous` for anonymous users), or `client_insecure`; else 103.
    public func historyAccess(channel: String, user: String, isSubscribed: Bool) -> ChannelAccess {
        guard let resolved = resolve(channel) else { return .rejected(.unknownChannel) }
        guard isValidClientChannelName(resolved) else { return .rejected(.badRequest) }
        let options = resolved.options
        guard options.historyEnabled else { return .rejected(.notAvailable) }
        let known = !user.isEmpty || options.allowHistoryForAnonymous
        if readsHistoryWithoutSubscription(options, user: user) { return .allowed }
        if options.allowHistoryForSubscriber, isSubscribed, known { return .allowed }
        return .rejected(.permissionDenied)
    }

    /// Presence access that does not depend on being subscribed: `allow_presence_for_client` (+anonymous) or
    /// insecure mode.
    func readsPresenceWithoutSubscription(_ options: ChannelOptions, user: String) -> Bool {
        let known = !user.isEmpty || options.allowPresenceForAnonymous
        return (options.allowPresenceForClient && known) || configuration.clientInsecure
    }

    /// History access that does not depend on being subscribed: `allow_history_for_client` (+anonymous) or
    /// insecure mode.
    func readsHistoryWithoutSubscription(_ options: ChannelOptions, user: String) -> Bool {
        let known = !user.isEmpty || options.allowHistoryForAnonymous
        return (options.allowHistoryForClient && known) || configuration.clientInsecure
    }
}
