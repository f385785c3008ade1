import RotorProtocol

/// What to do with one channel of a connect request's `subs` map (`client-protocol.md` §6.1 step 7).
public enum ClientRequestedSubscription: Sendable, Hashable {
    /// Subscribe server-side with the namespace defaults
    /// (`subscriptionFeatures(_:user:source: .serverSide(SubscriptionOverride()))`), unless the token, proxy or
    /// personal channel already gave this channel.
    case subscribe(ResolvedChannel)
    /// Not allowed without token or proxy: leave it out silently.
    case ignore
    /// The channel's namespace is unknown: close the connection (3501 bad request).
    case disconnect(Disconnect)
}

/// What connect step 6 does about the user's personal channel (`client-protocol.md` §6.1, `server.md` §6).
public enum PersonalChannelSubscription: Sendable, Hashable {
    /// `user_subscribe_to_personal` is off, or the user is anonymous: nothing to subscribe.
    case skip
    /// Subscribe server-side to this channel with the namespace defaults.
    case subscribe(ResolvedChannel)
    /// The personal channel's namespace is not configured: fail connect with this error (102).
    case rejected(ReplyError)
}

extension ChannelRules {
    /// Decides one client-requested server-side subscription at connect for `user` (`""` = anonymous):
    /// `server.md` §6 row "Client-requested", `client-protocol.md` §6.1 step 7.
    ///
    /// Only for connections authenticated by a connection token or accepted anonymously/insecurely without
    /// one; a connect-proxy connection never calls this. Unknown namespace: disconnect 3501. Otherwise the
    /// channel is subscribed only if it is not private, its namespace has no subscribe proxy, its name is valid,
    /// and either it is user-limited (`allow_user_limited_channels`) and lists the non-empty `user`, or
    /// `allow_subscribe_for_client` holds (anonymous users: plus `allow_subscribe_for_anonymous`). Insecure
    /// mode grants nothing here (`server.md` §15 quirk 13); everything else is ignored.
    public func clientRequestedConnectSubscription(channel: String, user: String) -> ClientRequestedSubscription {
        guard let resolved = resolve(channel) else { return .disconnect(.badRequest) }
        let options = resolved.options
        guard !isPrivate(channel), !options.usesSubscribeProxy, isValidClientChannelName(resolved) else {
            return .ignore
        }
        if containsUserBoundary(channel), options.allowUserLimitedChannels, !user.isEmpty,
            userLimitedChannelAllows(user: user, channel: channel)
        {
            return .subscribe(resolved)
        }
        if options.allowSubscribeForClient, !user.isEmpty || options.allowSubscribeForAnonymous {
            return .subscribe(resolved)
        }
        return .ignore
    }

    /// Connect step 6 for `user`: with `user_subscribe_to_personal` and a non-empty user, the personal channel
    /// (`personalChannel(for:)`) is subscribed server-side, or connect fails with 102 if its namespace is
    /// unknown (startup validation normally rules that out).
    public func personalChannelSubscription(user: String) -> PersonalChannelSubscription {
        guard configuration.userSubscribeToPersonal, !user.isEmpty else { return .skip }
        guard let resolved = resolve(personalChannel(for: user)) else { return .rejected(.unknownChannel) }
        return .subscribe(resolved)
    }
}
