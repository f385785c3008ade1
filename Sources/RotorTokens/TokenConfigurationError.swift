/// A token option that cannot be used; startup must fail with it (`server.md` §1.3).
public enum TokenConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `token_rsa_public_key` is not a usable PEM RSA public key or certificate.
    case invalidRSAPublicKey(reason: String)
    /// `token_ecdsa_public_key` is not a usable PEM ECDSA public key or certificate.
    case invalidECDSAPublicKey(reason: String)
    /// `token_jwks_public_endpoint` is not an http(s) URL template.
    case invalidJWKSEndpoint(reason: String)
    /// `token_audience` and `token_audience_regex` are both set.
    case audienceAndAudienceRegex
    /// `token_issuer` and `token_issuer_regex` are both set.
    case issuerAndIssuerRegex
    /// `token_audience_regex` does not compile.
    case invalidAudienceRegex(reason: String)
    /// `token_issuer_regex` does not compile.
    case invalidIssuerRegex(reason: String)

    /// The configuration key at fault (for the two conflicts, the regex one).
    public var configKey: String {
        switch self {
        case .invalidRSAPublicKey: "token_rsa_public_key"
        case .invalidECDSAPublicKey: "token_ecdsa_public_key"
        case .invalidJWKSEndpoint: "token_jwks_public_endpoint"
        case .audienceAndAudienceRegex, .invalidAudienceRegex: "token_audience_regex"
        case .issuerAndIssuerRegex, .invalidIssuerRegex: "token_issuer_regex"
        }
    }

    /// A message naming the key, for the startup log.
    public var description: String {
        switch self {
        case .invalidRSAPublicKey(let reason), .invalidECDSAPublicKey(let reason), .invalidJWKSEndpoint(let reason):
            "invalid \(configKey): \(reason)"
        case .audienceAndAudienceRegex:
            "can not use both token_audience and token_audience_regex, configure only one of them"
        case .issuerAndIssuerRegex:
            "can not use both token_issuer and token_issuer_regex, configure only one of them"
        case .invalidAudienceRegex(let reason), .invalidIssuerRegex(let reason):
            "error compiling \(configKey): \(reason)"
        }
    }
}
