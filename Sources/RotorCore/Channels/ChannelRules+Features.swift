extension ChannelRules {
    /// The features of a subscription to `resolved` by `user` (`""` = anonymous), granted via `source`.
    ///
    /// For client-side subscribes (with or without token) the client's requests are added as v4.1.5 does,
    /// with the presence/history check made while the subscription does not exist yet (`server.md` §2.4
    /// steps 12–14, §15 quirk 18), so only grants that do not depend on being subscribed count:
    /// - `positioned` if `allow_positioning`, or `allow_history_for_client` (anonymous: plus
    ///   `allow_history_for_anonymous`), or `client_insecure`; never via `allow_history_for_subscriber`;
    /// - `recoverable` likewise with `allow_recovery`;
    /// - join/leave pushes if the **namespace** has `join_leave` (a token override does not count here) and
    ///   `allow_presence_for_client` (+anonymous) or `client_insecure`; never `allow_presence_for_subscriber`.
    ///
    /// Neither needs history or presence to be enabled; `force_*` options and overrides apply regardless.
    public func subscriptionFeatures(
        _ resolved: ResolvedChannel,
        user: String,
        source: SubscriptionFeatureSource
    ) -> SubscriptionFeatures {
        let options = resolved.options
        switch source {
        case .clientSide(let requested):
            let base = SubscriptionFeatures(defaultsOf: options)
            return addingClientRequests(requested, to: base, options: options, user: user)
        case .subscriptionToken(let override, let requested):
            let base = SubscriptionFeatures(defaultsOf: options, override: override)
            return addingClientRequests(requested, to: base, options: options, user: user)
        case .subscribeProxy(let override), .serverSide(let override):
            return SubscriptionFeatures(defaultsOf: options, override: override)
        }
    }

    /// §2.4 steps 12–14 on top of `base`.
    private func addingClientRequests(
        _ requested: RequestedSubscriptionFeatures,
        to base: SubscriptionFeatures,
        options: ChannelOptions,
        user: String
    ) -> SubscriptionFeatures {
        let history = readsHistoryWithoutSubscription(options, user: user)
        let presence = readsPresenceWithoutSubscription(options, user: user)
        return SubscriptionFeatures(
            presence: base.presence,
            emitJoinLeave: base.emitJoinLeave,
            pushJoinLeave: base.pushJoinLeave || (requested.joinLeave && options.joinLeave && presence),
            positioned: base.positioned || (requested.positioned && (options.allowPositioning || history)),
            recoverable: base.recoverable || (requested.recoverable && (options.allowRecovery || history))
        )
    }
}
