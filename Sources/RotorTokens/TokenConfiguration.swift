import Crypto

/// The token options of `server.md` §1.2.2, validated and with keys and patterns parsed.
///
/// Building one is the startup check: every problem throws a `TokenConfigurationError` naming its key.
public struct TokenConfiguration: Sendable {
    /// `token_hmac_secret_key`: enables HS256/384/512 when not empty.
    public let hmacSecretKey: String
    /// `token_rsa_public_key`: PEM public key or certificate enabling RS256/384/512 when not empty.
    public let rsaPublicKeyPEM: String
    /// `token_ecdsa_public_key`: PEM public key or certificate enabling ES256/384/512 when not empty.
    public let ecdsaPublicKeyPEM: String
    /// `token_jwks_public_endpoint`: when not empty, all tokens are checked with keys from this JWKS URL
    /// template instead of the static keys.
    public let jwksPublicEndpoint: String
    /// `token_audience`: when not empty, `aud` must contain it.
    public let audience: String
    /// `token_audience_regex`: when not empty, one `aud` entry must match it.
    public let audienceRegex: String
    /// `token_issuer`: when not empty, `iss` must equal it.
    public let issuer: String
    /// `token_issuer_regex`: when not empty, `iss` must match it.
    public let issuerRegex: String

    let staticKeys: StaticKeys
    let audiencePattern: ClaimPattern?
    let issuerPattern: ClaimPattern?
    let jwksTemplate: URLTemplate?

    /// Validates the options; all default to unset (`""`), which accepts no signed token at all.
    public init(
        hmacSecretKey: String = "",
        rsaPublicKeyPEM: String = "",
        ecdsaPublicKeyPEM: String = "",
        jwksPublicEndpoint: String = "",
        audience: String = "",
        audienceRegex: String = "",
        issuer: String = "",
        issuerRegex: String = ""
    ) throws(TokenConfigurationError) {
        if !audience.isEmpty && !audienceRegex.isEmpty { throw .audienceAndAudienceRegex }
        if !issuer.isEmpty && !issuerRegex.isEmpty { throw .issuerAndIssuerRegex }
        self.hmacSecretKey = hmacSecretKey
        self.rsaPublicKeyPEM = rsaPublicKeyPEM
        self.ecdsaPublicKeyPEM = ecdsaPublicKeyPEM
        self.jwksPublicEndpoint = jwksPublicEndpoint
        self.audience = audience
        self.audienceRegex = audienceRegex
        self.issuer = issuer
        self.issuerRegex = issuerRegex

        var keys = StaticKeys()
        if !hmacSecretKey.isEmpty { keys.hmac = .hmac(SymmetricKey(data: Array(hmacSecretKey.utf8))) }
        if !rsaPublicKeyPEM.isEmpty { keys.rsa = try StaticKeys.parseRSA(pem: rsaPublicKeyPEM) }
        if !ecdsaPublicKeyPEM.isEmpty { keys.ecdsa = try StaticKeys.parseECDSA(pem: ecdsaPublicKeyPEM) }
        self.staticKeys = keys

        do {
            audiencePattern = audienceRegex.isEmpty ? nil : try ClaimPattern(audienceRegex)
        } catch {
            throw .invalidAudienceRegex(reason: "\(error)")
        }
        do {
            issuerPattern = issuerRegex.isEmpty ? nil : try ClaimPattern(issuerRegex)
        } catch {
            throw .invalidIssuerRegex(reason: "\(error)")
        }
        jwksTemplate = jwksPublicEndpoint.isEmpty ? nil : try Self.parseJWKSEndpoint(jwksPublicEndpoint)
    }

    /// The endpoint must be an http or https URL; its `{{…}}` placeholders must be closed.
    private static func parseJWKSEndpoint(_ endpoint: String) throws(TokenConfigurationError) -> URLTemplate {
        let scheme = endpoint.prefix { $0 != ":" }.lowercased()
        guard scheme.count < endpoint.count, scheme == "http" || scheme == "https" else {
            throw .invalidJWKSEndpoint(reason: "endpoint must have http:// or https:// scheme, got: \(endpoint)")
        }
        guard let template = URLTemplate(endpoint) else {
            throw .invalidJWKSEndpoint(reason: "unclosed {{ placeholder in \(endpoint)")
        }
        return template
    }
}
