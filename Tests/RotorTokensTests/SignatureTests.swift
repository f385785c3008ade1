import Crypto
import CryptoExtras
import RotorCore
import RotorTokens
import Testing
import X509

@Suite struct SignatureTests {
    static let payload = #"{"sub":"42","exp":1700000100}"#

    static let signers: [TestSigner] = [
        .hmac(TestKeys.hmacSecret, "HS256"), .hmac(TestKeys.hmacSecret, "HS384"), .hmac(TestKeys.hmacSecret, "HS512"),
        .rsa(TestKeys.rsa, "RS256"), .rsa(TestKeys.rsa, "RS384"), .rsa(TestKeys.rsa, "RS512"),
        .es256(), .es384(), .es512(),
    ]

    @Test(arguments: signers)
    func everyAlgorithmVerifies(signer: TestSigner) async throws {
        let verifier = JWTTokenVerifier(
            configuration: try TokenConfiguration(
                hmacSecretKey: TestKeys.hmacSecret, rsaPublicKeyPEM: TestKeys.rsaPEM,
                ecdsaPublicKeyPEM: ecdsaPEM(for: signer.algorithm)))
        let token = try await TestToken.make(Self.payload, signer: signer)
        #expect(verifier.connection(token)?.claims?.user == "42")
    }

    @Test(arguments: [
        TestSigner.hmac("other-secret", "HS256"), .rsa(TestKeys.otherRSA, "RS256"), .es256(TestKeys.otherP256),
    ])
    func wrongKeyIsInvalid(signer: TestSigner) async throws {
        let token = try await TestToken.make(Self.payload, signer: signer)
        #expect(try TestVerifiers.all().connection(token)?.invalidReason == "invalid signature")
    }

    @Test(arguments: signers.filter { !$0.algorithm.hasPrefix("ES") || $0.algorithm == "ES256" })
    func tamperedPayloadIsInvalid(signer: TestSigner) async throws {
        let token = try await TestToken.make(Self.payload, signer: signer)
        let parts = token.split(separator: ".")
        let forged = Base64URL.encode(#"{"sub":"43","exp":1700000100}"#)
        let tampered = [String(parts[0]), forged, String(parts[2])].joined(separator: ".")
        #expect(try TestVerifiers.all().connection(tampered)?.invalidReason == "invalid signature")
    }

    @Test func truncatedSignatureIsInvalid() async throws {
        for signer in [TestSigner.hmac(), .rsa(), .es256()] {
            let token = try await TestToken.make(Self.payload, signer: signer)
            let cut = String(token.dropLast(4))
            #expect(try TestVerifiers.all().connection(cut)?.invalidReason == "invalid signature")
        }
    }

    @Test(arguments: ["none", "PS256", "EdDSA", "", "hs256"])
    func unsupportedAlgorithmsAreInvalid(algorithm: String) async throws {
        let token = try await TestToken.make(Self.payload, signer: .unsigned(algorithm))
        let reason = try TestVerifiers.all().connection(token)?.invalidReason
        #expect(reason == "unsupported JWT algorithm: \(algorithm)")
    }

    @Test func algorithmsWithoutConfiguredKeyAreDisabled() async throws {
        let hmacOnly = try TestVerifiers.hmac()
        for signer in [TestSigner.rsa(), .es256()] {
            let token = try await TestToken.make(Self.payload, signer: signer)
            #expect(hmacOnly.connection(token)?.invalidReason == "disabled JWT algorithm: \(signer.algorithm)")
        }
        let rsaOnly = JWTTokenVerifier(configuration: try TokenConfiguration(rsaPublicKeyPEM: TestKeys.rsaPEM))
        let hmacToken = try await TestToken.make(Self.payload, signer: .hmac())
        #expect(rsaOnly.connection(hmacToken)?.invalidReason == "disabled JWT algorithm: HS256")
    }

    @Test func ecdsaAlgorithmOfAnotherCurveIsDisabled() async throws {
        let p256Only = try TestVerifiers.all()
        let token = try await TestToken.make(Self.payload, signer: .es384())
        #expect(p256Only.connection(token)?.invalidReason == "disabled JWT algorithm: ES384")
    }

    @Test func certificatesProvideKeys() async throws {
        let rsaCertificate = try TestKeys.certificatePEM(
            publicKey: .init(TestKeys.rsa.publicKey), issuerKey: .init(TestKeys.rsa),
            algorithm: .sha256WithRSAEncryption)
        let ecdsaCertificate = try TestKeys.certificatePEM(
            publicKey: .init(TestKeys.p256.publicKey), issuerKey: .init(TestKeys.p256), algorithm: .ecdsaWithSHA256)
        let verifier = JWTTokenVerifier(
            configuration: try TokenConfiguration(rsaPublicKeyPEM: rsaCertificate, ecdsaPublicKeyPEM: ecdsaCertificate))
        for signer in [TestSigner.rsa(TestKeys.rsa, "RS512"), .es256()] {
            let token = try await TestToken.make(Self.payload, signer: signer)
            #expect(verifier.connection(token)?.claims?.user == "42")
        }
    }

    private func ecdsaPEM(for algorithm: String) -> String {
        switch algorithm {
        case "ES384": TestKeys.p384PEM
        case "ES512": TestKeys.p521PEM
        default: TestKeys.p256PEM
        }
    }
}

extension TestSigner: CustomTestStringConvertible {
    var testDescription: String { algorithm }
}
