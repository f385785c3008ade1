import NIOCore
import RotorCore

/// Verifies Centrifugo-compatible JWTs (`server.md` §3): HS/RS/ES 256/384/512 with static keys, or RSA keys
/// from a JWKS endpoint.
///
/// Verification is synchronous and depends only on the token, the configuration, the cached JWKS keys and
/// the `now` passed in. With a JWKS endpoint, a token whose key is not cached yields nil: the caller awaits
/// `prepareKeys(for:)` and asks again, and then gets an answer (a failed fetch makes the token invalid).
public final class JWTTokenVerifier: TokenVerifying {
    /// The options this verifier applies.
    public let configuration: TokenConfiguration
    let jwks: JWKSKeyStore?

    /// A verifier for `configuration`; `jwksFetcher` downloads JWKS documents when
    /// `token_jwks_public_endpoint` is set (without one, every JWKS fetch fails).
    public init(configuration: TokenConfiguration, jwksFetcher: (any JWKSFetcher)? = nil) {
        self.configuration = configuration
        self.jwks = configuration.jwksTemplate == nil ? nil : JWKSKeyStore(fetcher: jwksFetcher)
    }

    /// Checks a connection token at `now`; nil if its JWKS key must be fetched first.
    ///
    /// Order: format → claim types → audience → issuer → issuer regex → audience regex → signature →
    /// no `channel` claim → `exp`/`nbf` → `subs` base64 (invalid) → `b64info` (failed), as in the reference.
    public func verifyConnectionToken(_ token: String, now: Timestamp) -> TokenVerification<ConnectionTokenClaims>? {
        do throws(Rejection) {
            let claims = try checkedClaims(token, as: .connection, now: now)
            guard claims.channel.isEmpty else { throw .invalid("connection token must not have a channel claim") }
            try checkTimes(claims.registered, now: now)
            return .valid(try connectionClaims(from: claims))
        } catch {
            return error.verification()
        }
    }

    /// Checks a subscription token at `now`; nil if its JWKS key must be fetched first.
    ///
    /// Order: format → claim types → audience → issuer → issuer regex → audience regex → signature →
    /// `exp`/`nbf` → non-empty `channel` → `b64info`/`b64data` (invalid), as in the reference.
    public func verifySubscriptionToken(
        _ token: String, now: Timestamp
    ) -> TokenVerification<SubscriptionTokenClaims>? {
        do throws(Rejection) {
            let claims = try checkedClaims(token, as: .subscription, now: now)
            try checkTimes(claims.registered, now: now)
            guard !claims.channel.isEmpty else { throw .invalid("subscription token must have a channel claim") }
            return .valid(try subscriptionClaims(from: claims))
        } catch {
            return error.verification()
        }
    }

    /// Fetches the JWKS key `token` names, if a JWKS endpoint is configured and the key is not cached.
    /// Concurrent calls for one key id share one fetch.
    public func prepareKeys(for token: String) async {
        guard let jwks, let template = configuration.jwksTemplate,
            let prepared = try? precheck(token, as: .registeredOnly), !prepared.jws.header.keyID.isEmpty
        else { return }
        await jwks.prepare(
            kid: prepared.jws.header.keyID, url: template.render(prepared.templateVariables), token: token)
    }
}

/// Why a token was not accepted, in the reference's result classes.
enum Rejection: Error {
    case invalid(String)
    case expired
    case failed(String)
    /// The JWKS key is not cached: fetch it first.
    case needsKeys

    func verification<Claims>() -> TokenVerification<Claims>? {
        switch self {
        case .invalid(let reason): .invalid(reason: reason)
        case .expired: .expired
        case .failed(let reason): .failed(reason: reason)
        case .needsKeys: nil
        }
    }
}
