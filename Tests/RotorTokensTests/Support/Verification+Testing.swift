import NIOCore
import RotorCore
import RotorTokens

extension TokenVerification {
    /// The claims of a `.valid` result.
    var claims: Claims? {
        if case .valid(let claims) = self { claims } else { nil }
    }

    /// The reason of an `.invalid` result.
    var invalidReason: String? {
        if case .invalid(let reason) = self { reason } else { nil }
    }

    /// The reason of a `.failed` result.
    var failedReason: String? {
        if case .failed(let reason) = self { reason } else { nil }
    }
}

extension Timestamp {
    /// The test clock: `TestToken.now` plus `offset` seconds.
    static func test(_ offset: Int64 = 0) -> Timestamp { .unixSeconds(Int64(TestToken.now) + offset) }
}

extension ByteBuffer {
    /// The readable bytes as text.
    var text: String { String(buffer: self) }
}

/// Verifiers over the shared test keys.
enum TestVerifiers {
    static func hmac(
        audience: String = "", audienceRegex: String = "", issuer: String = "", issuerRegex: String = ""
    ) throws -> JWTTokenVerifier {
        JWTTokenVerifier(
            configuration: try TokenConfiguration(
                hmacSecretKey: TestKeys.hmacSecret, audience: audience, audienceRegex: audienceRegex, issuer: issuer,
                issuerRegex: issuerRegex))
    }

    static func all() throws -> JWTTokenVerifier {
        JWTTokenVerifier(
            configuration: try TokenConfiguration(
                hmacSecretKey: TestKeys.hmacSecret, rsaPublicKeyPEM: TestKeys.rsaPEM,
                ecdsaPublicKeyPEM: TestKeys.p256PEM))
    }
}

extension JWTTokenVerifier {
    /// Verifies a connection token at `TestToken.now + offset` seconds.
    func connection(_ token: String, at offset: Int64 = 0) -> TokenVerification<ConnectionTokenClaims>? {
        verifyConnectionToken(token, now: .test(offset))
    }

    /// Verifies a subscription token at `TestToken.now + offset` seconds.
    func subscription(_ token: String, at offset: Int64 = 0) -> TokenVerification<SubscriptionTokenClaims>? {
        verifySubscriptionToken(token, now: .test(offset))
    }
}
