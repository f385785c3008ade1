import Crypto
import CryptoExtras
import JWTKit

/// The keys configured by `token_hmac_secret_key`, `token_rsa_public_key` and `token_ecdsa_public_key`.
struct StaticKeys: Sendable {
    var hmac: VerificationKey?
    var rsa: VerificationKey?
    var ecdsa: VerificationKey?

    /// The key for `algorithm`, or nil when it is disabled: its option is unset, or (ECDSA) the configured
    /// key is on another curve, which the reference also treats as a disabled algorithm.
    func key(for algorithm: SignatureAlgorithm) -> VerificationKey? {
        let key: VerificationKey? =
            switch algorithm.family {
            case .hmac: hmac
            case .rsa: rsa
            case .ecdsa: ecdsa
            }
        guard let key, key.supports(algorithm) else { return nil }
        return key
    }
}

extension StaticKeys {
    /// Parses an RSA public key given as a PEM PKIX key or an X.509 certificate (jwt-kit's parsers, which
    /// require at least 2048 bits).
    static func parseRSA(pem: String) throws(TokenConfigurationError) -> VerificationKey {
        let parsed: JWTKit.Insecure.RSA.PublicKey
        do {
            parsed = try JWTKit.Insecure.RSA.PublicKey(pem: pem)
        } catch {
            do {
                parsed = try JWTKit.Insecure.RSA.PublicKey(certificatePEM: pem)
            } catch {
                throw .invalidRSAPublicKey(reason: "not a PEM RSA public key or certificate of at least 2048 bits")
            }
        }
        do {
            return .rsa(try _RSA.Signing.PublicKey(derRepresentation: parsed.derRepresentation))
        } catch {
            throw .invalidRSAPublicKey(reason: "unusable RSA public key: \(error)")
        }
    }

    /// Parses an ECDSA public key (P-256, P-384 or P-521) given as a PEM PKIX key or an X.509 certificate.
    static func parseECDSA(pem: String) throws(TokenConfigurationError) -> VerificationKey {
        if let key = parse(pem, curve: P256.self),
            let backing = try? P256.Signing.PublicKey(pemRepresentation: key.pemRepresentation)
        {
            return .p256(backing)
        }
        if let key = parse(pem, curve: P384.self),
            let backing = try? P384.Signing.PublicKey(pemRepresentation: key.pemRepresentation)
        {
            return .p384(backing)
        }
        if let key = parse(pem, curve: P521.self),
            let backing = try? P521.Signing.PublicKey(pemRepresentation: key.pemRepresentation)
        {
            return .p521(backing)
        }
        throw .invalidECDSAPublicKey(reason: "not a PEM P-256/P-384/P-521 public key or certificate")
    }

    private static func parse<Curve: ECDSACurveType>(_ pem: String, curve: Curve.Type) -> ECDSA.PublicKey<Curve>? {
        (try? ECDSA.PublicKey<Curve>(pem: pem)) ?? (try? ECDSA.PublicKey<Curve>(certificate: pem))
    }
}
