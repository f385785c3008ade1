import NIOCore
import OrderedCollections

/// Per-subscription overrides of namespace options carried by tokens (`override` claim, `server.md` §3.2).
/// A nil field keeps the namespace's value.
public struct SubscriptionOverride: Sendable, Hashable {
    /// Overrides `presence`.
    public var presence: Bool?
    /// Overrides `join_leave`.
    public var joinLeave: Bool?
    /// Overrides `force_push_join_leave`.
    public var forcePushJoinLeave: Bool?
    /// Overrides `force_recovery`.
    public var forceRecovery: Bool?
    /// Overrides `force_positioning`.
    public var forcePositioning: Bool?

    /// No overrides.
    public init(
        presence: Bool? = nil,
        joinLeave: Bool? = nil,
        forcePushJoinLeave: Bool? = nil,
        forceRecovery: Bool? = nil,
        forcePositioning: Bool? = nil
    ) {
        self.presence = presence
        self.joinLeave = joinLeave
        self.forcePushJoinLeave = forcePushJoinLeave
        self.forceRecovery = forceRecovery
        self.forcePositioning = forcePositioning
    }
}

/// One entry of a connection token's `subs` claim: a server-side subscription with its own options.
public struct TokenSubscriptionOptions: Sendable, Hashable {
    /// Channel info for this subscriber (`info` raw JSON, or the bytes of `b64info`).
    public var info: ByteBuffer
    /// Data sent to the client in the subscribe result (`data` raw JSON, or the bytes of `b64data`).
    public var data: ByteBuffer
    /// Option overrides.
    public var override: SubscriptionOverride

    /// Options of one token subscription.
    public init(
        info: ByteBuffer = ByteBuffer(), data: ByteBuffer = ByteBuffer(), override: SubscriptionOverride = .init()
    ) {
        self.info = info
        self.data = data
        self.override = override
    }
}

/// The claims of a verified connection token (`server.md` §3.2).
public struct ConnectionTokenClaims: Sendable, Hashable {
    /// `sub`: the user id, `""` for anonymous.
    public var user: String
    /// `exp` in Unix seconds, if present.
    public var expiresAt: Int64?
    /// `expire_at` in Unix seconds, if present (negative values read as 0).
    public var expireAt: Int64?
    /// Connection info: `b64info` decoded if present, else `info` raw JSON; empty if neither.
    public var info: ByteBuffer
    /// `channels`: server-side subscriptions with namespace defaults (used only when `subs` is empty).
    public var channels: [String]
    /// `subs`: server-side subscriptions with per-channel options, in token order.
    public var subs: OrderedDictionary<String, TokenSubscriptionOptions>
    /// `meta`: opaque JSON object, never sent to clients; empty if absent.
    public var meta: ByteBuffer

    /// Claims as read from a token.
    public init(
        user: String = "",
        expiresAt: Int64? = nil,
        expireAt: Int64? = nil,
        info: ByteBuffer = ByteBuffer(),
        channels: [String] = [],
        subs: OrderedDictionary<String, TokenSubscriptionOptions> = [:],
        meta: ByteBuffer = ByteBuffer()
    ) {
        self.user = user
        self.expiresAt = expiresAt
        self.expireAt = expireAt
        self.info = info
        self.channels = channels
        self.subs = subs
        self.meta = meta
    }

    /// When the connection expires, in Unix seconds; 0 = never (`expire_at` wins over `exp`).
    public var connectionExpiry: Int64 {
        if let expireAt { return max(expireAt, 0) }
        return expiresAt ?? 0
    }
}

/// The claims of a verified subscription token (`server.md` §3.3).
public struct SubscriptionTokenClaims: Sendable, Hashable {
    /// `sub`: must equal the connection's user.
    public var user: String
    /// `channel`: must equal the channel subscribed (never empty in a valid token).
    public var channel: String
    /// `client`: if not empty, must equal the connection's client id.
    public var client: String
    /// `exp` in Unix seconds, if present.
    public var expiresAt: Int64?
    /// `expire_at` in Unix seconds, if present.
    public var expireAt: Int64?
    /// Channel info: `b64info` decoded if present, else `info` raw JSON.
    public var info: ByteBuffer
    /// Subscribe-result data: `b64data` decoded if present, else `data` raw JSON.
    public var data: ByteBuffer
    /// Option overrides.
    public var override: SubscriptionOverride

    /// Claims as read from a token.
    public init(
        user: String = "",
        channel: String,
        client: String = "",
        expiresAt: Int64? = nil,
        expireAt: Int64? = nil,
        info: ByteBuffer = ByteBuffer(),
        data: ByteBuffer = ByteBuffer(),
        override: SubscriptionOverride = .init()
    ) {
        self.user = user
        self.channel = channel
        self.client = client
        self.expiresAt = expiresAt
        self.expireAt = expireAt
        self.info = info
        self.data = data
        self.override = override
    }

    /// When the subscription expires, in Unix seconds; 0 = never (`expire_at` wins over `exp`).
    public var subscriptionExpiry: Int64 {
        if let expireAt { return max(expireAt, 0) }
        return expiresAt ?? 0
    }
}

/// The outcome of checking a token, in the classes the reference distinguishes (`server.md` §3.1).
public enum TokenVerification<Claims: Sendable & Hashable>: Sendable, Hashable {
    /// Signature, audience, issuer and times are fine.
    case valid(Claims)
    /// `exp` is not in the future, or `nbf` is not in the past.
    case expired
    /// Malformed, bad signature, wrong algorithm, bad claim types, audience/issuer mismatch, failed JWKS fetch,
    /// undecodable `subs` or subscription-token base64 …
    case invalid(reason: String)
    /// Any other failure (a connection token's undecodable `b64info`, which the reference does not class as an
    /// invalid token); answered with an internal error.
    case failed(reason: String)
}

/// Verifies connection and subscription tokens synchronously with the keys it already has.
///
/// The connection state machine asks for verification as an effect; the node answers it with a verifier.
/// A JWKS-backed verifier returns `nil` when it must first fetch keys (`prepareKeys(for:)`), then is asked again.
public protocol TokenVerifying: AnyObject, Sendable {
    /// Checks a connection token at `now`; nil if keys must be fetched first.
    func verifyConnectionToken(_ token: String, now: Timestamp) -> TokenVerification<ConnectionTokenClaims>?
    /// Checks a subscription token at `now`; nil if keys must be fetched first.
    func verifySubscriptionToken(_ token: String, now: Timestamp) -> TokenVerification<SubscriptionTokenClaims>?
    /// Fetches the keys `token` needs (JWKS); after it returns, the verify methods answer non-nil.
    func prepareKeys(for token: String) async
}
