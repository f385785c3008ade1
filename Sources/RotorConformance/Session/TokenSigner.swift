import Crypto
import Foundation

/// Re-signs the recording's time-bound tokens at replay time (README §3): same algorithm, key and claims,
/// with every `{"relative_seconds": N}` claim set to now + N.
public enum TokenSigner {
    /// Recorded token string → the token to send instead, for every token whose spec has a relative claim.
    public static func resignedTokens(of session: RecordedSession, now: Int64) throws(ReplaySkip) -> [String: String] {
        var replacements: [String: String] = [:]
        for (name, spec) in session.tokenSpecs {
            guard let recorded = session.tokens[name], let claims = spec["claims"]?.objectValue,
                claims.values.contains(where: { $0["relative_seconds"] != nil })
            else { continue }
            var resolved: [String: JSONValue] = [:]
            for (key, value) in claims {
                if let seconds = value["relative_seconds"]?.intValue {
                    resolved[key] = .number(Double(now + Int64(seconds)))
                } else {
                    resolved[key] = value
                }
            }
            let algorithm = spec["alg"]?.stringValue ?? ""
            guard let keyName = spec["key"]?.stringValue, let key = session.secrets[keyName] else {
                throw ReplaySkip("token \(name): no key to re-sign it")
            }
            replacements[recorded] = try sign(claims: .object(resolved), algorithm: algorithm, key: key)
        }
        return replacements
    }

    /// A compact JWS of `claims` (HS256/384/512 with a secret, ES256 with a PKCS#8 PEM key).
    public static func sign(claims: JSONValue, algorithm: String, key: String) throws(ReplaySkip) -> String {
        let header = JSONValue.object(["alg": .string(algorithm), "typ": .string("JWT")])
        let input = base64URL(Array(header.description.utf8)) + "." + base64URL(Array(claims.description.utf8))
        let message = Data(input.utf8)
        let signature: [UInt8]
        let secret = SymmetricKey(data: Data(key.utf8))
        switch algorithm {
        case "HS256": signature = Array(HMAC<SHA256>.authenticationCode(for: message, using: secret))
        case "HS384": signature = Array(HMAC<SHA384>.authenticationCode(for: message, using: secret))
        case "HS512": signature = Array(HMAC<SHA512>.authenticationCode(for: message, using: secret))
        case "ES256":
            guard let privateKey = try? P256.Signing.PrivateKey(pemRepresentation: key),
                let signed = try? privateKey.signature(for: message)
            else { throw ReplaySkip("ES256 key does not load") }
            signature = Array(signed.rawRepresentation)
        default:
            throw ReplaySkip("cannot re-sign a \(algorithm) token")
        }
        return input + "." + base64URL(signature)
    }

    /// Base64url without padding (RFC 7515 §2).
    public static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
