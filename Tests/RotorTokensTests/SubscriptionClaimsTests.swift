import NIOCore
import RotorCore
import RotorTokens
import Testing

@Suite struct SubscriptionClaimsTests {
    @Test func fullClaimsDecode() async throws {
        let token = try await TestToken.make(
            #"{"sub":"42","channel":"news","client":"c1","exp":1700000100,"expire_at":0,"#
                + #""info":{"role" : "admin"},"data":"hello","override":{"presence":{"value":false}}}"#)
        let claims = try #require(try TestVerifiers.hmac().subscription(token)?.claims)
        #expect(claims.user == "42")
        #expect(claims.channel == "news")
        #expect(claims.client == "c1")
        #expect(claims.expiresAt == 1_700_000_100)
        #expect(claims.expireAt == 0)
        #expect(claims.subscriptionExpiry == 0)
        #expect(claims.info.text == #"{"role" : "admin"}"#)
        #expect(claims.data.text == #""hello""#)
        #expect(claims.override == SubscriptionOverride(presence: false))
    }

    @Test func channelIsRequired() async throws {
        let verifier = try TestVerifiers.hmac()
        for payload in [#"{"sub":"u"}"#, #"{"sub":"u","channel":""}"#] {
            let token = try await TestToken.make(payload)
            #expect(verifier.subscription(token)?.invalidReason == "subscription token must have a channel claim")
        }
        // The reference checks expiry first.
        let expired = try await TestToken.make(#"{"exp":1}"#)
        #expect(verifier.subscription(expired) == .expired)
    }

    @Test func base64ClaimsWinAndMustDecode() async throws {
        let verifier = try TestVerifiers.hmac()
        let info = Base64URL.standard([1, 2])
        let data = Base64URL.standard([3])
        let token = try await TestToken.make(
            #"{"channel":"c","info":1,"b64info":"\#(info)","data":2,"b64data":"\#(data)"}"#)
        let claims = try #require(verifier.subscription(token)?.claims)
        #expect(claims.info == ByteBuffer(bytes: [1, 2]))
        #expect(claims.data == ByteBuffer(bytes: [3]))
        let bad = try await TestToken.make(#"{"channel":"c","b64data":"AQ"}"#)
        #expect(verifier.subscription(bad)?.invalidReason == "b64data is not valid base64")
    }

    @Test func negativeExpireAtReadsAsZero() async throws {
        let token = try await TestToken.make(#"{"channel":"c","expire_at":-1}"#)
        #expect(try TestVerifiers.hmac().subscription(token)?.claims?.expireAt == 0)
    }

    @Test func subscriptionChecksUseTheSameAudienceAndIssuer() async throws {
        let verifier = try TestVerifiers.hmac(audience: "a", issuer: "i")
        let good = try await TestToken.make(#"{"channel":"c","aud":"a","iss":"i"}"#)
        #expect(verifier.subscription(good)?.claims?.channel == "c")
        let bad = try await TestToken.make(#"{"channel":"c","aud":"a","iss":"j"}"#)
        #expect(verifier.subscription(bad)?.invalidReason == "issuer mismatch")
    }
}
