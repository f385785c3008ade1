import RotorTokens
import Testing

@Suite struct TokenConfigurationTests {
    private func error(_ make: () throws(TokenConfigurationError) -> TokenConfiguration) -> TokenConfigurationError? {
        do {
            _ = try make()
            return nil
        } catch {
            return error
        }
    }

    @Test func unparsableKeysNameTheirOption() {
        let rsa = error { () throws(TokenConfigurationError) in try TokenConfiguration(rsaPublicKeyPEM: "garbage") }
        #expect(rsa?.configKey == "token_rsa_public_key")
        let ecdsa = error { () throws(TokenConfigurationError) in
            try TokenConfiguration(ecdsaPublicKeyPEM: TestKeys.rsaPEM)
        }
        #expect(ecdsa?.configKey == "token_ecdsa_public_key")
        let rsaFromECDSA = error { () throws(TokenConfigurationError) in
            try TokenConfiguration(rsaPublicKeyPEM: TestKeys.p256PEM)
        }
        #expect(rsaFromECDSA?.configKey == "token_rsa_public_key")
    }

    @Test func exclusiveOptionsConflict() {
        let audience = error { () throws(TokenConfigurationError) in
            try TokenConfiguration(audience: "a", audienceRegex: "a")
        }
        #expect(audience == .audienceAndAudienceRegex)
        #expect(audience?.description.contains("token_audience and token_audience_regex") == true)
        let issuer = error { () throws(TokenConfigurationError) in
            try TokenConfiguration(issuer: "a", issuerRegex: "a")
        }
        #expect(issuer == .issuerAndIssuerRegex)
        #expect(issuer?.configKey == "token_issuer_regex")
    }

    @Test func invalidRegexesNameTheirOption() {
        let audience = error { () throws(TokenConfigurationError) in try TokenConfiguration(audienceRegex: "(") }
        #expect(audience?.configKey == "token_audience_regex")
        let issuer = error { () throws(TokenConfigurationError) in try TokenConfiguration(issuerRegex: "[a-") }
        #expect(issuer?.configKey == "token_issuer_regex")
    }

    @Test func jwksEndpointMustBeHTTP() {
        for endpoint in ["ftp://example.com/jwks", "example.com/jwks", "https://example.com/{{tenant/jwks"] {
            let failure = error { () throws(TokenConfigurationError) in
                try TokenConfiguration(jwksPublicEndpoint: endpoint)
            }
            #expect(failure?.configKey == "token_jwks_public_endpoint", "\(endpoint)")
        }
        let uppercase = error { () throws(TokenConfigurationError) in
            try TokenConfiguration(jwksPublicEndpoint: "HTTP://h/")
        }
        #expect(uppercase == nil)
    }

    @Test func validOptionsAreKept() throws {
        let configuration = try TokenConfiguration(
            hmacSecretKey: "s", rsaPublicKeyPEM: TestKeys.rsaPEM, ecdsaPublicKeyPEM: TestKeys.p521PEM,
            jwksPublicEndpoint: "https://h/{{x}}", audienceRegex: "(?P<x>.+)", issuer: "i")
        #expect(configuration.hmacSecretKey == "s")
        #expect(configuration.rsaPublicKeyPEM == TestKeys.rsaPEM)
        #expect(configuration.ecdsaPublicKeyPEM == TestKeys.p521PEM)
        #expect(configuration.jwksPublicEndpoint == "https://h/{{x}}")
        #expect(configuration.audienceRegex == "(?P<x>.+)")
        #expect(configuration.issuer == "i")
    }
}
