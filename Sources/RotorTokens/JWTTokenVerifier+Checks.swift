import RotorCore

/// A token that passed every check before the signature.
struct PrecheckedToken {
    let jws: CompactJWS
    let claims: ClaimsDraft
    /// Named groups captured by the issuer and audience regexes (JWKS URL template variables).
    let templateVariables: [String: String]
}

extension JWTTokenVerifier {
    /// Format, claim types, audience, issuer, issuer regex, audience regex, in the reference's order.
    func precheck(_ token: String, as kind: TokenKind) throws(Rejection) -> PrecheckedToken {
        guard let jws = CompactJWS(token) else { throw .invalid("invalid token format") }
        let claims: ClaimsDraft
        do {
            claims = try ClaimsDecoder.decode(jws.payload, as: kind)
        } catch .wrongType(let field) {
            throw .invalid("claim \(field) has a wrong type")
        } catch {
            throw .invalid("claims are not valid JSON")
        }
        let registered = claims.registered
        let configuration = configuration
        if !configuration.audience.isEmpty,
            !registered.audience.contains(where: { ConstantTime.equals($0, configuration.audience) })
        {
            throw .invalid("audience mismatch")
        }
        if !configuration.issuer.isEmpty, !ConstantTime.equals(registered.issuer, configuration.issuer) {
            throw .invalid("issuer mismatch")
        }
        var variables: [String: String] = [:]
        if let pattern = configuration.issuerPattern {
            guard let captured = pattern.match(registered.issuer) else { throw .invalid("issuer regex mismatch") }
            variables.merge(captured) { $1 }
        }
        if let pattern = configuration.audiencePattern {
            guard let captured = registered.audience.lazy.compactMap(pattern.match).first else {
                throw .invalid("audience regex mismatch")
            }
            variables.merge(captured) { $1 }
        }
        return PrecheckedToken(jws: jws, claims: claims, templateVariables: variables)
    }

    /// The prechecks, then the signature (JWKS key or static key).
    func checkedClaims(_ token: String, as kind: TokenKind, now: Timestamp) throws(Rejection) -> ClaimsDraft {
        let prepared = try precheck(token, as: kind)
        let header = prepared.jws.header
        let key: VerificationKey
        let algorithm: SignatureAlgorithm
        if let jwks {
            guard !header.keyID.isEmpty else { throw .invalid("jwks: kid is not provided") }
            switch jwks.lookup(kid: header.keyID, token: token, now: now) {
            case .missing:
                throw .needsKeys
            case .failed(let reason):
                throw .invalid(reason)
            case .key(.unusable(let reason)):
                throw .invalid(reason)
            case .key(.rsa(let jwk, let jwkAlgorithm)):
                guard header.algorithm == jwkAlgorithm.rawValue else { throw .invalid("JWT algorithm mismatch") }
                (key, algorithm) = (jwk, jwkAlgorithm)
            }
        } else {
            guard let named = SignatureAlgorithm(rawValue: header.algorithm) else {
                throw .invalid("unsupported JWT algorithm: \(header.algorithm)")
            }
            guard let configured = configuration.staticKeys.key(for: named) else {
                throw .invalid("disabled JWT algorithm: \(header.algorithm)")
            }
            (key, algorithm) = (configured, named)
        }
        guard key.isValidSignature(prepared.jws.signature, of: prepared.jws.signingInput, algorithm: algorithm) else {
            throw .invalid("invalid signature")
        }
        return prepared.claims
    }

    /// `exp` must be strictly after `now` and `nbf` strictly before it (full precision, as Go's
    /// `time.After`/`time.Before`); otherwise the token is expired.
    func checkTimes(_ claims: RegisteredClaims, now: Timestamp) throws(Rejection) {
        if let expiresAt = claims.expiresAt, !expiresAt.isAfter(now) { throw .expired }
        if let notBefore = claims.notBefore, !notBefore.isBefore(now) { throw .expired }
    }
}
