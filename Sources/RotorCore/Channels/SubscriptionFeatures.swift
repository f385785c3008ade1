/// What a subscription does beyond delivering publications: the per-subscription options Centrifugo hands to
/// its library (`EmitPresence`, `EmitJoinLeave`, `PushJoinLeave`, `EnablePositioning`, `EnableRecovery`).
public struct SubscriptionFeatures: Sendable, Hashable {
    /// The subscriber is added to the channel's presence.
    public var presence: Bool
    /// Join/leave events are published when this subscriber joins or leaves.
    public var emitJoinLeave: Bool
    /// This subscriber receives the channel's join/leave pushes (its own Join included).
    public var pushJoinLeave: Bool
    /// The stream position is tracked; also true whenever `recoverable` is (recovery implies positioning),
    /// so it is the subscribe result's `positioned` field.
    public var positioned: Bool
    /// The subscription can recover missed publications (the subscribe result's `recoverable` field).
    public var recoverable: Bool

    /// Features as given; `positioned` is forced on when `recoverable` is.
    public init(
        presence: Bool = false,
        emitJoinLeave: Bool = false,
        pushJoinLeave: Bool = false,
        positioned: Bool = false,
        recoverable: Bool = false
    ) {
        self.presence = presence
        self.emitJoinLeave = emitJoinLeave
        self.pushJoinLeave = pushJoinLeave
        self.positioned = positioned || recoverable
        self.recoverable = recoverable
    }

    /// The namespace defaults (`presence`, `join_leave`, `force_push_join_leave`, `force_positioning`,
    /// `force_recovery`), each replaced by `override` where it has a value.
    public init(defaultsOf options: ChannelOptions, override: SubscriptionOverride = SubscriptionOverride()) {
        self.init(
            presence: override.presence ?? options.presence,
            emitJoinLeave: override.joinLeave ?? options.joinLeave,
            pushJoinLeave: override.forcePushJoinLeave ?? options.forcePushJoinLeave,
            positioned: override.forcePositioning ?? options.forcePositioning,
            recoverable: override.forceRecovery ?? options.forceRecovery
        )
    }
}

/// The flags a client sets in its subscribe request (`positioned`, `recoverable`, `join_leave`).
public struct RequestedSubscriptionFeatures: Sendable, Hashable {
    /// The client asks for positioning.
    public var positioned: Bool
    /// The client asks for recovery.
    public var recoverable: Bool
    /// The client asks for join/leave pushes.
    public var joinLeave: Bool

    /// The client's flags; all off by default.
    public init(positioned: Bool = false, recoverable: Bool = false, joinLeave: Bool = false) {
        self.positioned = positioned
        self.recoverable = recoverable
        self.joinLeave = joinLeave
    }
}

/// How a subscription was granted, which decides where its features come from.
public enum SubscriptionFeatureSource: Sendable, Hashable {
    /// A client-side subscribe accepted by the rules without token (`SubscribeAccess.accepted`): namespace
    /// defaults, plus the client's requests where allowed (`server.md` §2.4 steps 12–14).
    case clientSide(RequestedSubscriptionFeatures)
    /// A client-side subscribe with a valid subscription token: namespace defaults with the token's `override`,
    /// plus the client's requests where allowed (v4.1.5 runs steps 12–14 after a token too).
    case subscriptionToken(SubscriptionOverride, RequestedSubscriptionFeatures)
    /// A client-side subscribe the subscribe proxy accepted: namespace defaults with the proxy's `override`; the
    /// client's requests are ignored (`server.md` §15 quirk 15).
    case subscribeProxy(SubscriptionOverride)
    /// A server-side subscription (connection token `subs`/`channels`, connect proxy `channels`, personal
    /// channel, client-requested at connect): namespace defaults with the token's `override` if any.
    case serverSide(SubscriptionOverride)
}
