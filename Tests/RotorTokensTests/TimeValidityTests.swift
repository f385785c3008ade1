import RotorCore
import RotorTokens
import Testing

@Suite struct TimeValidityTests {
    @Test func expMustBeStrictlyInTheFuture() async throws {
        let verifier = try TestVerifiers.hmac()
        let token = try await TestToken.make(#"{"exp":1700000000}"#)
        #expect(verifier.connection(token, at: -1)?.claims != nil)
        #expect(verifier.connection(token, at: 0) == .expired)
        #expect(verifier.connection(token, at: 1) == .expired)
        #expect(verifier.subscription(try await TestToken.make(#"{"exp":1700000000,"channel":"c"}"#)) == .expired)
    }

    @Test func nbfMustBeStrictlyInThePast() async throws {
        let verifier = try TestVerifiers.hmac()
        let token = try await TestToken.make(#"{"nbf":1700000000}"#)
        #expect(verifier.connection(token, at: 1)?.claims != nil)
        #expect(verifier.connection(token, at: 0) == .expired)
        #expect(verifier.connection(token, at: -1) == .expired)
    }

    @Test func fractionsCompareAtFullPrecisionLikeGo() async throws {
        let verifier = try TestVerifiers.hmac()
        let now = Timestamp.test() + .milliseconds(500)
        let expiring = try await TestToken.make(#"{"exp":1700000000.75}"#)
        #expect(verifier.verifyConnectionToken(expiring, now: now)?.claims != nil)
        #expect(verifier.verifyConnectionToken(expiring, now: now + .milliseconds(250)) == .expired)
        let starting = try await TestToken.make(#"{"nbf":1700000000.25}"#)
        #expect(verifier.verifyConnectionToken(starting, now: now)?.claims != nil)
        #expect(verifier.verifyConnectionToken(starting, now: .test()) == .expired)
    }

    @Test func tokensWithoutTimesNeverExpire() async throws {
        let token = try await TestToken.make(#"{"sub":"u","iat":1}"#)
        #expect(try TestVerifiers.hmac().connection(token, at: 1_000_000_000)?.claims?.user == "u")
    }

    @Test func expiryIsCheckedAfterSignature() async throws {
        let token = try await TestToken.make(#"{"exp":1}"#, signer: .hmac("wrong"))
        #expect(try TestVerifiers.hmac().connection(token)?.invalidReason == "invalid signature")
    }
}
