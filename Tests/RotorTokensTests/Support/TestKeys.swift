import Crypto
import CryptoExtras
import Foundation
import SwiftASN1
import X509

/// Keys generated once per test run (RSA generation is slow), and their public PEM forms.
enum TestKeys {
    static let hmacSecret = "secret"
    static let rsa = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let otherRSA = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let p256 = P256.Signing.PrivateKey()
    static let otherP256 = P256.Signing.PrivateKey()
    static let p384 = P384.Signing.PrivateKey()
    static let p521 = P521.Signing.PrivateKey()

    static var rsaPEM: String { rsa.publicKey.pemRepresentation }
    static var p256PEM: String { p256.publicKey.pemRepresentation }
    static var p384PEM: String { p384.publicKey.pemRepresentation }
    static var p521PEM: String { p521.publicKey.pemRepresentation }

    /// A self-signed X.509 certificate for `publicKey`, signed by `issuerKey`, as PEM.
    static func certificatePEM(
        publicKey: Certificate.PublicKey, issuerKey: Certificate.PrivateKey, algorithm: Certificate.SignatureAlgorithm
    ) throws -> String {
        let name = try DistinguishedName { CommonName("rotor-tests") }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: publicKey,
            notValidBefore: Date(timeIntervalSince1970: 1_600_000_000),
            notValidAfter: Date(timeIntervalSince1970: 2_000_000_000),
            issuer: name, subject: name, signatureAlgorithm: algorithm, extensions: .init(),
            issuerPrivateKey: issuerKey)
        return try certificate.serializeAsPEM().pemString
    }

    /// A JWK for `key` as it appears in a JWKS document.
    static func jwk(_ key: _RSA.Signing.PrivateKey, kid: String, alg: String = "RS256", use: String = "sig") throws
        -> String
    {
        let primitives = try key.publicKey.getKeyPrimitives()
        let n = Base64URL.encode(Array(primitives.modulus))
        let e = Base64URL.encode(Array(primitives.publicExponent))
        return #"{"kty":"RSA","kid":"\#(kid)","use":"\#(use)","alg":"\#(alg)","n":"\#(n)","e":"\#(e)"}"#
    }
}

/// Base64 encodings for building tokens.
enum Base64URL {
    /// base64url without padding (JWS segments).
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// base64url of a string's UTF-8 with `=` padding kept (which JWS forbids).
    static func encodePadded(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
    }

    /// base64url without padding of a string's UTF-8.
    static func encode(_ text: String) -> String { encode(Array(text.utf8)) }

    /// Standard padded base64 (`b64info` / `b64data`).
    static func standard(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
