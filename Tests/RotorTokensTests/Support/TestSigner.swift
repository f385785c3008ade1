import Crypto
import CryptoExtras
import JWTKit

/// Signs JWS signing inputs for tests.
///
/// RSA and ECDSA go through jwt-kit's own signers (via its key collection), an implementation independent
/// of the verifier's; HMAC uses swift-crypto directly because jwt-kit's HMAC signer asserts key lengths
/// that Centrifugo secrets such as "secret" do not have.
struct TestSigner: Sendable {
    /// The `alg` header value.
    let algorithm: String
    let sign: @Sendable ([UInt8]) async throws -> [UInt8]

    static func hmac(_ secret: String = TestKeys.hmacSecret, _ algorithm: String = "HS256") -> TestSigner {
        TestSigner(algorithm: algorithm) { input in
            let key = SymmetricKey(data: Array(secret.utf8))
            switch algorithm {
            case "HS384": return Array(HMAC<SHA384>.authenticationCode(for: input, using: key))
            case "HS512": return Array(HMAC<SHA512>.authenticationCode(for: input, using: key))
            default: return Array(HMAC<SHA256>.authenticationCode(for: input, using: key))
            }
        }
    }

    static func rsa(_ key: _RSA.Signing.PrivateKey = TestKeys.rsa, _ algorithm: String = "RS256") -> TestSigner {
        TestSigner(algorithm: algorithm) { input in
            let digest: DigestAlgorithm =
                switch algorithm {
                case "RS384": .sha384
                case "RS512": .sha512
                default: .sha256
                }
            let collection = try await JWTKeyCollection()
                .add(rsa: JWTKit.Insecure.RSA.PrivateKey(backing: key), digestAlgorithm: digest)
            return try await collection.getKey().sign(input)
        }
    }

    static func es256(_ key: P256.Signing.PrivateKey = TestKeys.p256) -> TestSigner {
        TestSigner(algorithm: "ES256") { input in
            try await JWTKeyCollection().add(ecdsa: ES256PrivateKey(backing: key)).getKey().sign(input)
        }
    }

    static func es384(_ key: P384.Signing.PrivateKey = TestKeys.p384) -> TestSigner {
        TestSigner(algorithm: "ES384") { input in
            try await JWTKeyCollection().add(ecdsa: ES384PrivateKey(backing: key)).getKey().sign(input)
        }
    }

    static func es512(_ key: P521.Signing.PrivateKey = TestKeys.p521) -> TestSigner {
        TestSigner(algorithm: "ES512") { input in
            try await JWTKeyCollection().add(ecdsa: ES512PrivateKey(backing: key)).getKey().sign(input)
        }
    }

    /// Any `alg` with an empty signature (e.g. `none`).
    static func unsigned(_ algorithm: String) -> TestSigner {
        TestSigner(algorithm: algorithm) { _ in [] }
    }
}

/// Builds compact JWS tokens with exact header and payload JSON.
enum TestToken {
    /// The instant tests verify at.
    static let now = 1_700_000_000

    /// A token whose payload is `payload` byte for byte; the header is `{"alg":…,"typ":"JWT"}` plus `kid`.
    static func make(_ payload: String, signer: TestSigner = .hmac(), kid: String? = nil) async throws -> String {
        let kidField = kid.map { #","kid":"\#($0)""# } ?? ""
        let header = #"{"alg":"\#(signer.algorithm)","typ":"JWT"\#(kidField)}"#
        return try await make(header: header, payload: payload, signer: signer)
    }

    /// A token with an exact header.
    static func make(header: String, payload: String, signer: TestSigner) async throws -> String {
        let input = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        let signature = try await signer.sign(Array(input.utf8))
        return input + "." + Base64URL.encode(signature)
    }
}
