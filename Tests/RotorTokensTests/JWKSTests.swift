import RotorCore
import Testing

@testable import RotorTokens

@Suite struct JWKSTests {
    static let url = "https://auth.example.com/jwks"

    private func document(_ keys: [String]) -> String { #"{"keys":["# + keys.joined(separator: ",") + "]}" }

    private func setUp(
        keys: [String]? = nil, endpoint: String = url, issuerRegex: String = "", audienceRegex: String = ""
    ) throws -> (JWTTokenVerifier, InMemoryJWKSFetcher) {
        let fetcher = InMemoryJWKSFetcher()
        let defaultKeys = [try TestKeys.jwk(TestKeys.rsa, kid: "k1"), try TestKeys.jwk(TestKeys.otherRSA, kid: "k2")]
        fetcher.serve(document(keys ?? defaultKeys), at: Self.url)
        let configuration = try TokenConfiguration(
            hmacSecretKey: TestKeys.hmacSecret, jwksPublicEndpoint: endpoint, audienceRegex: audienceRegex,
            issuerRegex: issuerRegex)
        return (JWTTokenVerifier(configuration: configuration, jwksFetcher: fetcher), fetcher)
    }

    private func token(kid: String? = "k1", _ payload: String = #"{"sub":"42"}"#, signer: TestSigner = .rsa())
        async throws -> String
    {
        try await TestToken.make(payload, signer: signer, kid: kid)
    }

    @Test func missThenPrepareThenValid() async throws {
        let (verifier, fetcher) = try setUp()
        let token = try await token()
        #expect(verifier.connection(token) == nil)
        await verifier.prepareKeys(for: token)
        #expect(verifier.connection(token)?.claims?.user == "42")
        #expect(fetcher.requests == [Self.url])
        // Every signing key of the document was cached.
        let second = try await self.token(kid: "k2", signer: .rsa(TestKeys.otherRSA))
        #expect(verifier.connection(second)?.claims?.user == "42")
        let subscription = try await self.token(#"{"channel":"c"}"#)
        #expect(verifier.subscription(subscription)?.claims?.channel == "c")
        #expect(fetcher.requests.count == 1)
    }

    @Test func kidIsRequiredAndStaticKeysAreUnused() async throws {
        let (verifier, fetcher) = try setUp()
        #expect(verifier.connection(try await token(kid: nil))?.invalidReason == "jwks: kid is not provided")
        let hmac = try await token(signer: .hmac())
        #expect(verifier.connection(hmac) == nil)
        await verifier.prepareKeys(for: hmac)
        #expect(verifier.connection(hmac)?.invalidReason == "JWT algorithm mismatch")
        #expect(fetcher.requests.count == 1)
    }

    @Test func wrongKeyIsInvalid() async throws {
        let (verifier, _) = try setUp()
        let forged = try await token(signer: .rsa(TestKeys.otherRSA))
        await verifier.prepareKeys(for: forged)
        #expect(verifier.connection(forged)?.invalidReason == "invalid signature")
    }

    @Test func cacheExpiresAnHourAfterLastUseOnTheGivenClock() async throws {
        let (verifier, fetcher) = try setUp()
        let token = try await token()
        await verifier.prepareKeys(for: token)
        #expect(verifier.connection(token, at: 0)?.claims != nil)
        #expect(verifier.connection(token, at: 1_800)?.claims != nil)  // restarts the hour
        #expect(verifier.connection(token, at: 5_400)?.claims != nil)  // exactly one hour later: still cached
        #expect(verifier.connection(token, at: 9_001) == nil)
        #expect(fetcher.requests.count == 1)
        await verifier.prepareKeys(for: token)
        #expect(verifier.connection(token, at: 9_001)?.claims != nil)
        #expect(fetcher.requests.count == 2)
    }

    @Test func failedFetchGivesAnAnswerThenRetriesLater() async throws {
        let (verifier, fetcher) = try setUp()
        fetcher.setFailing(true)
        let token = try await token()
        #expect(verifier.connection(token) == nil)
        await verifier.prepareKeys(for: token)
        let reason = try #require(verifier.connection(token)?.invalidReason)
        #expect(reason.hasPrefix("jwks: fetch failed"))
        #expect(fetcher.requests.count == 2)  // two attempts
        // The failure is reported once; the next attempt fetches again.
        #expect(verifier.connection(token) == nil)
        fetcher.setFailing(false)
        await verifier.prepareKeys(for: token)
        #expect(verifier.connection(token)?.claims?.user == "42")
        #expect(fetcher.requests.count == 3)
    }

    @Test func missingFetcherFails() async throws {
        let configuration = try TokenConfiguration(jwksPublicEndpoint: Self.url)
        let verifier = JWTTokenVerifier(configuration: configuration)
        let token = try await token()
        await verifier.prepareKeys(for: token)
        #expect(verifier.connection(token)?.invalidReason == "jwks: no fetcher configured")
    }

    @Test func unknownOrNonSigningKidIsNotFound() async throws {
        let (verifier, _) = try setUp(keys: [
            try TestKeys.jwk(TestKeys.rsa, kid: "k1"), try TestKeys.jwk(TestKeys.rsa, kid: "enc", use: "enc"),
        ])
        for kid in ["nope", "enc"] {
            let token = try await token(kid: kid)
            await verifier.prepareKeys(for: token)
            #expect(verifier.connection(token)?.invalidReason == "jwks: public key not found", "\(kid)")
        }
    }

    @Test func jwkAlgorithmMustMatchTokenAlgorithm() async throws {
        let (verifier, _) = try setUp(keys: [try TestKeys.jwk(TestKeys.rsa, kid: "k1", alg: "RS384")])
        let rs256 = try await token()
        await verifier.prepareKeys(for: rs256)
        #expect(verifier.connection(rs256)?.invalidReason == "JWT algorithm mismatch")
        let rs384 = try await token(signer: .rsa(TestKeys.rsa, "RS384"))
        #expect(verifier.connection(rs384)?.claims?.user == "42")
    }

    @Test func nonRSAKeysAreUnsupported() async throws {
        let ec = #"{"kty":"EC","kid":"k1","use":"sig","alg":"ES256","crv":"P-256","x":"AA","y":"AA"}"#
        let (verifier, _) = try setUp(keys: [ec])
        let token = try await token(signer: .es256())
        await verifier.prepareKeys(for: token)
        #expect(verifier.connection(token)?.invalidReason == "unsupported JWT algorithm")
    }

    @Test func malformedDocumentsFail() async throws {
        for body in ["{", #"{"keys":[]}"#, #"{"keys":[{"kty":"RSA","kid":"k1","use":"sig","n":"!","e":"AQAB"}]}"#] {
            let (verifier, fetcher) = try setUp()
            fetcher.serve(body, at: Self.url)
            let token = try await token()
            await verifier.prepareKeys(for: token)
            let reason = try #require(verifier.connection(token)?.invalidReason)
            #expect(reason.hasPrefix("jwks: "), "\(body)")
        }
    }

    @Test func concurrentFetchesForOneKidAreCoalesced() async throws {
        let (verifier, fetcher) = try setUp()
        let token = try await token()
        let store = try #require(verifier.jwks)
        fetcher.holdFetches()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5 { group.addTask { await verifier.prepareKeys(for: token) } }
            while !(store.waitingCallers(kid: "k1") == 5 && fetcher.release()) { await Task.yield() }
            await group.waitForAll()
        }
        #expect(fetcher.requests.count == 1)
        #expect(verifier.connection(token)?.claims?.user == "42")
    }

    @Test func urlTemplateTakesNamedGroupsOfIssuerAndAudienceRegexes() async throws {
        let (verifier, fetcher) = try setUp(
            endpoint: "https://{{tenant}}.example.com/{{realm}}/jwks{{missing}}",
            issuerRegex: #"^https://(?P<tenant>[a-z]+)\.auth/"#, audienceRegex: #"^(?P<realm>[a-z]+)$"#)
        let tenantURL = "https://acme.example.com/main/jwks"
        fetcher.serve(document([try TestKeys.jwk(TestKeys.rsa, kid: "k1")]), at: tenantURL)
        let token = try await token(#"{"iss":"https://acme.auth/","aud":["Main","main"]}"#)
        #expect(verifier.connection(token) == nil)
        await verifier.prepareKeys(for: token)
        #expect(fetcher.requests == [tenantURL])
        #expect(verifier.connection(token)?.claims != nil)
    }

    @Test func templateRendering() throws {
        let template = try #require(URLTemplate("http://h/{{a}}/{{b}}{{ a }}x"))
        #expect(template.render(["a": "1", "b": "2"]) == "http://h/1/2x")
        #expect(URLTemplate("http://h/{{a") == nil)
    }
}
