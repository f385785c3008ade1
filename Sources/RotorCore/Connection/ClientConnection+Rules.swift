import RotorProtocol

/// The channel-rule questions the connection asks, answered by `ChannelRules` with this connection's user
/// and subscriptions filled in.
extension ClientConnection {
    /// §6.2 steps 5–13 as the machine acts on them.
    enum SubscribeDecision {
        case error(ReplyError)
        case proxyUnavailable
        case verifyToken
        case accepted
    }

    func subscribeAccess(_ channel: String, hasToken: Bool) -> SubscribeDecision {
        switch rules.subscribeAccess(channel: channel, user: user, hasToken: hasToken) {
        case .rejected(let error): .error(error)
        case .verifyToken: .verifyToken
        case .accepted: .accepted
        // Subscribe proxies arrive with the proxy issue; until then a proxied namespace is not available.
        case .proxy: .proxyUnavailable
        }
    }

    func clientSubscribeFeatures(_ channel: String, positioned: Bool, recoverable: Bool, joinLeave: Bool)
        -> SubscriptionFeatures
    {
        guard let resolved = rules.resolve(channel) else { return SubscriptionFeatures() }
        let requested = RequestedSubscriptionFeatures(
            positioned: positioned, recoverable: recoverable, joinLeave: joinLeave)
        return rules.subscriptionFeatures(resolved, user: user, source: .clientSide(requested))
    }

    func tokenSubscribeFeatures(_ request: SubscribeRequest, override: SubscriptionOverride) -> SubscriptionFeatures {
        guard let resolved = rules.resolve(request.channel) else { return SubscriptionFeatures() }
        let requested = RequestedSubscriptionFeatures(
            positioned: request.positioned,
            recoverable: request.recoverable,
            joinLeave: request.joinLeave
        )
        return rules.subscriptionFeatures(resolved, user: user, source: .subscriptionToken(override, requested))
    }

    func serverSideFeatures(_ channel: String, override: SubscriptionOverride) -> SubscriptionFeatures {
        guard let resolved = rules.resolve(channel) else { return SubscriptionFeatures() }
        return rules.subscriptionFeatures(resolved, user: user, source: .serverSide(override))
    }

    func namespaceExists(_ channel: String) -> Bool { rules.resolve(channel) != nil }

    func personalChannel(for user: String) -> String { rules.personalChannel(for: user) }

    enum ConnectRequestedChannel {
        case add
        case ignore
        case unknownNamespace
    }

    func connectRequestedChannel(_ channel: String) -> ConnectRequestedChannel {
        switch rules.clientRequestedConnectSubscription(channel: channel, user: user) {
        case .subscribe: .add
        case .ignore: .ignore
        case .disconnect: .unknownNamespace
        }
    }

    enum PublishDecision {
        case allowed
        case denied(ReplyError)
        case proxyUnavailable
    }

    func publishAccess(_ channel: String) -> PublishDecision {
        switch rules.publishAccess(channel: channel, user: user, isSubscribed: isSubscribed(to: channel)) {
        case .allowed: .allowed
        case .rejected(let error): .denied(error)
        // Publish proxies arrive with the proxy issue.
        case .proxy: .proxyUnavailable
        }
    }

    func presenceDenial(_ channel: String) -> ReplyError? {
        switch rules.presenceAccess(channel: channel, user: user, isSubscribed: isSubscribed(to: channel)) {
        case .allowed: nil
        case .rejected(let error): error
        }
    }

    func historyDenial(_ channel: String) -> ReplyError? {
        switch rules.historyAccess(channel: channel, user: user, isSubscribed: isSubscribed(to: channel)) {
        case .allowed: nil
        case .rejected(let error): error
        }
    }

    func usesServerSideSubRefresh(_ channel: String) -> Bool {
        guard let options = rules.resolve(channel)?.options else { return false }
        return !options.clientSideSubRefresh
    }
}
