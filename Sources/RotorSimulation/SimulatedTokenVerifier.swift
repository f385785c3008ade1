import RotorCore

/// A deterministic stand-in for JWT verification: the connection token `user:<id>` is valid for user `<id>`
/// (no expiry); every other token is invalid. Subscription tokens are not used by the simulation and are
/// always invalid.
public final class SimulatedTokenVerifier: TokenVerifying {
    /// The token prefix naming the user.
    public static let prefix = "user:"

    /// A verifier.
    public init() {}

    /// The connection token for `user`.
    public static func token(for user: String) -> String { prefix + user }

    /// `user:<id>` is valid for `<id>`; anything else is invalid.
    public func verifyConnectionToken(_ token: String, now: Timestamp) -> TokenVerification<ConnectionTokenClaims>? {
        guard token.hasPrefix(Self.prefix) else { return .invalid(reason: "not a simulation token") }
        return .valid(ConnectionTokenClaims(user: String(token.dropFirst(Self.prefix.count))))
    }

    /// Always invalid.
    public func verifySubscriptionToken(_ token: String, now: Timestamp) -> TokenVerification<SubscriptionTokenClaims>?
    {
        .invalid(reason: "the simulation issues no subscription tokens")
    }

    /// Nothing to fetch.
    public func prepareKeys(for token: String) async {}
}
