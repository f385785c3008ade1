import Foundation
import RotorConfig
import RotorCore
import RotorTokens

/// The shared steps of `checktoken` and `checksubtoken`: read the configuration, take exactly one token,
/// split it, verify it with `JWTTokenVerifier`, and word failures as the reference does.
enum TokenCheck {
    /// Which token kind is checked.
    enum Kind {
        case connection
        case subscription

        var commandName: String { self == .connection ? "checktoken" : "checksubtoken" }
        /// The Go type the reference unmarshals the claims into (named in its error).
        var goClaimsType: String {
            self == .connection ? "jwt.RegisteredClaims" : "jwtverify.SubscribeTokenClaims"
        }
        /// The same type's name without its package, as Go's field errors write it.
        var goStructName: String { self == .connection ? "RegisteredClaims" : "SubscribeTokenClaims" }
    }

    /// A token that passed.
    struct Valid {
        let user: String
        let channel: String
        /// The raw claims JSON.
        let claims: String
    }

    static func run(
        kind: Kind, configPath: String, arguments: [String], context: CLIContext
    ) async -> Result<Valid, CommandFailure> {
        let loaded: LoadedConfiguration
        switch ConfigFileLoading.load(path: configPath, context: context) {
        case .failure(let failure): return .failure(failure)
        case .success(let value): loaded = value
        }
        guard arguments.count == 1, let token = arguments.first else {
            return .failure(
                CommandFailure("error: provide token to check [centrifugo \(kind.commandName) <TOKEN>]"))
        }
        guard let inspection = TokenInspection(token) else {
            return .failure(CommandFailure("error: token format is not valid"))
        }
        if let problem = inspection.claimsProblem(goType: kind.goClaimsType)
            ?? GoClaimsUnmarshal.problem(
                in: inspection.claims, structName: kind.goStructName, subscription: kind == .subscription)
        {
            return .failure(CommandFailure("error: \(problem)"))
        }
        let verifier = JWTTokenVerifier(configuration: loaded.tokens)
        await verifier.prepareKeys(for: token)
        let now = Timestamp(nanosecondsSinceEpoch: Int64(context.now().timeIntervalSince1970 * 1e9))
        let outcome: Result<Valid, CommandFailure>
        switch kind {
        case .connection:
            outcome = verdict(verifier.verifyConnectionToken(token, now: now)) {
                Valid(user: $0.user, channel: "", claims: inspection.claims)
            }
        case .subscription:
            outcome = verdict(verifier.verifySubscriptionToken(token, now: now)) {
                Valid(user: $0.user, channel: $0.channel, claims: inspection.claims)
            }
        }
        return outcome.mapError { failure in
            let reason = failure.message
            return CommandFailure(
                "error: token with algorithm \(inspection.algorithm) and claims \(inspection.claims) has error: "
                    + reason)
        }
    }

    private static func verdict<Claims>(
        _ verification: TokenVerification<Claims>?, valid: (Claims) -> Valid
    ) -> Result<Valid, CommandFailure> {
        switch verification {
        case .valid(let claims): .success(valid(claims))
        case .expired: .failure(CommandFailure("token expired"))
        case .invalid(let reason): .failure(CommandFailure(invalidReason(reason)))
        case .failed(let reason): .failure(CommandFailure(reason))
        case nil: .failure(CommandFailure("invalid token: jwks: key not found"))
        }
    }

    /// The reference's text for an invalid token: bare `invalid token` for the claim checks it reports without
    /// a cause, `invalid token: <cause>` otherwise (signature errors in cristalhq/jwt's words).
    static func invalidReason(_ reason: String) -> String {
        switch reason {
        case "audience mismatch", "issuer mismatch", "issuer regex mismatch", "audience regex mismatch",
            "connection token must not have a channel claim", "subscription token must have a channel claim":
            "invalid token"
        case "invalid signature":
            "invalid token: signature is not valid"
        default:
            "invalid token: \(reason)"
        }
    }
}
