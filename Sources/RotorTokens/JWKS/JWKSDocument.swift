import CryptoExtras

/// A key of a JWKS document, as cached by key id.
enum JWKSKey: Sendable {
    /// An RSA signing key and the algorithm its JWK `alg` names.
    case rsa(VerificationKey, algorithm: SignatureAlgorithm)
    /// A signing key the verifier cannot use; tokens naming it are invalid for `reason`.
    case unusable(reason: String)
}

/// Parses `{"keys": [...]}` documents the way the reference's JWKS manager does.
///
/// Every key is converted first (an RSA key with a bad modulus or exponent fails the whole document, as
/// rakutentech/jwk-go's conversion does); then keys whose `use` is not `sig` are dropped. Only `kty: RSA`
/// keys with `alg` RS256/384/512 are usable; other signing keys are kept as unusable so that tokens
/// naming them are refused without refetching.
enum JWKSDocument {
    /// Why a document was refused.
    enum Failure: Error, Equatable {
        case malformed
        case noKeys
        case badKey(kid: String)
    }

    /// The signing keys of `body` by `kid`, in document order.
    static func signingKeys(in body: [UInt8]) throws(Failure) -> [(kid: String, key: JWKSKey)] {
        let fields: [[String: String]]
        do {
            fields = try readKeyFields(body)
        } catch {
            throw .malformed
        }
        guard !fields.isEmpty else { throw .noKeys }
        var keys: [(kid: String, key: JWKSKey)] = []
        for jwk in fields {
            let kid = jwk["kid"] ?? ""
            let key = try convert(jwk, kid: kid)
            if jwk["use"] == "sig" { keys.append((kid, key)) }
        }
        return keys
    }

    private static func convert(_ jwk: [String: String], kid: String) throws(Failure) -> JWKSKey {
        guard jwk["kty"] == "RSA" else { return .unusable(reason: "unsupported JWT algorithm") }
        guard let modulus = jwk["n"].flatMap(decodeBase64URL), let exponent = jwk["e"].flatMap(decodeBase64URL),
            let key = try? _RSA.Signing.PublicKey(n: modulus, e: exponent)
        else { throw .badKey(kid: kid) }
        guard let algorithm = SignatureAlgorithm(rawValue: jwk["alg"] ?? ""), algorithm.family == .rsa else {
            return .unusable(reason: "unsupported JWT algorithm: \(jwk["alg"] ?? "")")
        }
        return .rsa(.rsa(key), algorithm: algorithm)
    }

    /// JWK parameters are base64url; tolerate the padding some publishers add.
    private static func decodeBase64URL(_ text: String) -> [UInt8]? {
        Base64.decodeURLUnpadded(text.utf8.prefix { $0 != UInt8(ascii: "=") })
    }

    /// The string members of each object of `keys` (other members are validated and skipped).
    private static func readKeyFields(_ body: [UInt8]) throws(TokenJSONError) -> [[String: String]] {
        var cursor = JSONCursor(body)
        var keys: [[String: String]] = []
        if try cursor.enterGoObject(field: "jwks") {
            var first = true
            while let key = try cursor.nextKey(first: &first) {
                guard key.lowercased() == "keys" else {
                    _ = try cursor.skipValue()
                    continue
                }
                keys = []
                guard try cursor.peekKind() != .null else {
                    try cursor.readNull()
                    continue
                }
                var firstKey = true
                try cursor.enterArray()
                while try cursor.nextElement(first: &firstKey) {
                    keys.append(try readStringMembers(&cursor))
                }
            }
        }
        try cursor.finish()
        return keys
    }

    private static func readStringMembers(_ cursor: inout JSONCursor) throws(TokenJSONError) -> [String: String] {
        var members: [String: String] = [:]
        guard try cursor.enterGoObject(field: "key") else { return members }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            if try cursor.peekKind() == .string {
                members[key] = try cursor.readString()
            } else {
                _ = try cursor.skipValue()
            }
        }
        return members
    }
}
