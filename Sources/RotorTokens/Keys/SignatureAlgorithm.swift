/// The JWS algorithms the reference accepts (`server.md` §3.1); anything else, `none` included, is refused.
enum SignatureAlgorithm: String, Sendable, CaseIterable {
    case hs256 = "HS256", hs384 = "HS384", hs512 = "HS512"
    case rs256 = "RS256", rs384 = "RS384", rs512 = "RS512"
    case es256 = "ES256", es384 = "ES384", es512 = "ES512"

    /// The SHA-2 variant the algorithm signs with.
    enum Digest: Sendable {
        case sha256, sha384, sha512
    }

    /// The key family, which names the configuration option that enables it.
    enum Family: Sendable {
        case hmac, rsa, ecdsa
    }

    var digest: Digest {
        switch self {
        case .hs256, .rs256, .es256: .sha256
        case .hs384, .rs384, .es384: .sha384
        case .hs512, .rs512, .es512: .sha512
        }
    }

    var family: Family {
        switch self {
        case .hs256, .hs384, .hs512: .hmac
        case .rs256, .rs384, .rs512: .rsa
        case .es256, .es384, .es512: .ecdsa
        }
    }
}
