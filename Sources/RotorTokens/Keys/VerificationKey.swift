import Crypto
import CryptoExtras
import Foundation

/// A public (or HMAC) key ready to check JWS signatures synchronously.
///
/// jwt-kit's own signers are internal to it and reachable only through its `JWTKeyCollection` actor, and
/// its HMAC signer asserts a minimum key length the reference does not have; so jwt-kit parses the keys
/// (PEM, certificates) and the checks call the swift-crypto primitives it is built on.
enum VerificationKey: Sendable {
    case hmac(SymmetricKey)
    case rsa(_RSA.Signing.PublicKey)
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case p521(P521.Signing.PublicKey)

    /// Whether this key can check `algorithm` at all (family and, for ECDSA, curve).
    func supports(_ algorithm: SignatureAlgorithm) -> Bool {
        switch (self, algorithm) {
        case (.hmac, .hs256), (.hmac, .hs384), (.hmac, .hs512): true
        case (.rsa, .rs256), (.rsa, .rs384), (.rsa, .rs512): true
        case (.p256, .es256), (.p384, .es384), (.p521, .es512): true
        default: false
        }
    }

    /// Whether `signature` is a valid `algorithm` signature of `input` under this key.
    /// HMAC tags are compared in constant time; ECDSA signatures are JWS raw `r || s`.
    func isValidSignature(_ signature: [UInt8], of input: ArraySlice<UInt8>, algorithm: SignatureAlgorithm) -> Bool {
        switch (self, algorithm.digest) {
        case (.hmac(let key), .sha256): Self.isValid(signature, HMAC<SHA256>.self, key: key, input: input)
        case (.hmac(let key), .sha384): Self.isValid(signature, HMAC<SHA384>.self, key: key, input: input)
        case (.hmac(let key), .sha512): Self.isValid(signature, HMAC<SHA512>.self, key: key, input: input)
        case (.rsa(let key), .sha256): Self.isValid(signature, key: key, digest: SHA256.hash(data: input))
        case (.rsa(let key), .sha384): Self.isValid(signature, key: key, digest: SHA384.hash(data: input))
        case (.rsa(let key), .sha512): Self.isValid(signature, key: key, digest: SHA512.hash(data: input))
        case (.p256(let key), .sha256):
            (try? P256.Signing.ECDSASignature(rawRepresentation: signature)).map {
                key.isValidSignature($0, for: input)
            } ?? false
        case (.p384(let key), .sha384):
            (try? P384.Signing.ECDSASignature(rawRepresentation: signature)).map {
                key.isValidSignature($0, for: input)
            } ?? false
        case (.p521(let key), .sha512):
            (try? P521.Signing.ECDSASignature(rawRepresentation: signature)).map {
                key.isValidSignature($0, for: input)
            } ?? false
        default: false
        }
    }

    private static func isValid<Hash: HashFunction>(
        _ tag: [UInt8], _: HMAC<Hash>.Type, key: SymmetricKey, input: ArraySlice<UInt8>
    ) -> Bool {
        HMAC<Hash>.isValidAuthenticationCode(tag, authenticating: input, using: key)
    }

    /// RSASSA-PKCS1-v1_5, the padding of RS256/384/512.
    private static func isValid(_ signature: [UInt8], key: _RSA.Signing.PublicKey, digest: some Digest) -> Bool {
        let signature = _RSA.Signing.RSASignature(rawRepresentation: signature)
        return key.isValidSignature(signature, for: digest, padding: .insecurePKCS1v1_5)
    }
}
