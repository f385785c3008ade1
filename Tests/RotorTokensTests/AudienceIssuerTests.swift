import RotorTokens
import Testing

@Suite struct AudienceIssuerTests {
    @Test func audienceMustBeAmongAud() async throws {
        let verifier = try TestVerifiers.hmac(audience: "rotor")
        #expect(verifier.connection(try await TestToken.make(#"{"aud":["x","rotor"]}"#))?.claims != nil)
        let other = try await TestToken.make(#"{"aud":"rotor2"}"#)
        #expect(verifier.connection(other)?.invalidReason == "audience mismatch")
        let none = try await TestToken.make(#"{"sub":"u"}"#)
        #expect(verifier.connection(none)?.invalidReason == "audience mismatch")
        let subscription = try await TestToken.make(#"{"channel":"c"}"#)
        #expect(verifier.subscription(subscription)?.invalidReason == "audience mismatch")
    }

    @Test func issuerMustBeEqual() async throws {
        let verifier = try TestVerifiers.hmac(issuer: "auth")
        #expect(verifier.connection(try await TestToken.make(#"{"iss":"auth"}"#))?.claims != nil)
        let other = try await TestToken.make(#"{"iss":"Auth"}"#)
        #expect(verifier.connection(other)?.invalidReason == "issuer mismatch")
        #expect(verifier.connection(try await TestToken.make(#"{}"#))?.invalidReason == "issuer mismatch")
    }

    @Test func issuerRegexSearchesUnanchored() async throws {
        let verifier = try TestVerifiers.hmac(issuerRegex: #"(?P<tenant>[a-z]+)\.example\.com"#)
        #expect(verifier.connection(try await TestToken.make(#"{"iss":"https://acme.example.com/"}"#))?.claims != nil)
        let other = try await TestToken.make(#"{"iss":"https://acme.example.org/"}"#)
        #expect(verifier.connection(other)?.invalidReason == "issuer regex mismatch")
    }

    @Test func audienceRegexNeedsOneMatchingEntry() async throws {
        let verifier = try TestVerifiers.hmac(audienceRegex: "^project-[0-9]+$")
        #expect(verifier.connection(try await TestToken.make(#"{"aud":["x","project-7"]}"#))?.claims != nil)
        let other = try await TestToken.make(#"{"aud":["project-x"]}"#)
        #expect(verifier.connection(other)?.invalidReason == "audience regex mismatch")
        let none = try await TestToken.make(#"{"sub":"u"}"#)
        #expect(verifier.connection(none)?.invalidReason == "audience regex mismatch")
    }

    @Test func checksRunInTheReferenceOrder() async throws {
        let verifier = try TestVerifiers.hmac(audience: "a", issuerRegex: "^good$")
        // Audience before issuer regex before signature.
        let both = try await TestToken.make(#"{"aud":"b","iss":"bad"}"#, signer: .hmac("wrong"))
        #expect(verifier.connection(both)?.invalidReason == "audience mismatch")
        let issuer = try await TestToken.make(#"{"aud":"a","iss":"bad"}"#, signer: .hmac("wrong"))
        #expect(verifier.connection(issuer)?.invalidReason == "issuer regex mismatch")
        let signature = try await TestToken.make(#"{"aud":"a","iss":"good"}"#, signer: .hmac("wrong"))
        #expect(verifier.connection(signature)?.invalidReason == "invalid signature")
        // Claim types before audience.
        let types = try await TestToken.make(#"{"aud":"b","exp":"x"}"#)
        #expect(verifier.connection(types)?.invalidReason == "claim exp has a wrong type")
    }
}
