import NIOCore
import OrderedCollections
import RotorCore
import RotorTokens
import Testing

@Suite struct ConnectionClaimsTests {
    @Test func fullClaimsDecode() async throws {
        let token = try await TestToken.make(
            #"{"sub":"42","exp":1700000100,"expire_at":1700000200,"info":{"a" : [1, 2]},"#
                + #""channels":["news","chat:index"],"meta":{ "plan": "pro" }}"#)
        let claims = try #require(try TestVerifiers.hmac().connection(token)?.claims)
        #expect(claims.user == "42")
        #expect(claims.expiresAt == 1_700_000_100)
        #expect(claims.expireAt == 1_700_000_200)
        #expect(claims.connectionExpiry == 1_700_000_200)
        #expect(claims.info.text == #"{"a" : [1, 2]}"#)
        #expect(claims.channels == ["news", "chat:index"])
        #expect(claims.meta.text == #"{ "plan": "pro" }"#)
        #expect(claims.subs.isEmpty)
    }

    @Test func rawInfoKeepsEveryByte() async throws {
        let info = "[ 1.50 , \"\\u00e9\" ,\n\t{} ]"
        let token = try await TestToken.make(#"{"info": "# + info + " }")
        #expect(try TestVerifiers.hmac().connection(token)?.claims?.info.text == info)
    }

    @Test func channelClaimMakesConnectionTokenInvalid() async throws {
        let verifier = try TestVerifiers.hmac()
        let token = try await TestToken.make(#"{"sub":"u","channel":"news"}"#)
        #expect(verifier.connection(token)?.invalidReason == "connection token must not have a channel claim")
        // Checked before expiry.
        let expired = try await TestToken.make(#"{"channel":"news","exp":1}"#)
        #expect(verifier.connection(expired)?.invalidReason == "connection token must not have a channel claim")
        let empty = try await TestToken.make(#"{"sub":"u","channel":""}"#)
        #expect(verifier.connection(empty)?.claims?.user == "u")
    }

    @Test func b64infoWinsOverInfo() async throws {
        let encoded = Base64URL.standard([0, 1, 0xFF])
        let token = try await TestToken.make(#"{"info":{"x":1},"b64info":"\#(encoded)"}"#)
        let claims = try #require(try TestVerifiers.hmac().connection(token)?.claims)
        #expect(claims.info == ByteBuffer(bytes: [0, 1, 0xFF]))
    }

    @Test func undecodableB64infoFails() async throws {
        let verifier = try TestVerifiers.hmac()
        for bad in ["not base64", "AQI", "AQ=", "-_8="] {
            let token = try await TestToken.make(#"{"b64info":"\#(bad)"}"#)
            #expect(verifier.connection(token)?.failedReason == "b64info is not valid base64", "\(bad)")
        }
        // Expiry is decided first.
        let expired = try await TestToken.make(#"{"b64info":"!","exp":1}"#)
        #expect(verifier.connection(expired) == .expired)
    }

    @Test func subsKeepTokenOrderAndOptions() async throws {
        let data = Base64URL.standard(Array("bin".utf8))
        let token = try await TestToken.make(
            #"{"subs":{"zeta":{"info":{"i" : 1},"data":[true]},"#
                + #""alpha":{"b64data":"\#(data)","override":{"presence":{"value":true},"join_leave":{"value":false},"#
                + #""force_push_join_leave":{},"force_recovery":{"value":true},"force_positioning":null}},"#
                + #""mid":null}}"#)
        let claims = try #require(try TestVerifiers.hmac().connection(token)?.claims)
        #expect(Array(claims.subs.keys) == ["zeta", "alpha", "mid"])
        #expect(claims.subs["zeta"]?.info.text == #"{"i" : 1}"#)
        #expect(claims.subs["zeta"]?.data.text == "[true]")
        #expect(claims.subs["zeta"]?.override == SubscriptionOverride())
        #expect(claims.subs["alpha"]?.data.text == "bin")
        #expect(
            claims.subs["alpha"]?.override
                == SubscriptionOverride(
                    presence: true, joinLeave: false, forcePushJoinLeave: false, forceRecovery: true,
                    forcePositioning: nil))
        #expect(claims.subs["mid"] == TokenSubscriptionOptions())
    }

    @Test func undecodableSubsBase64IsInvalid() async throws {
        let token = try await TestToken.make(#"{"subs":{"news":{"b64info":"%%%"}}}"#)
        #expect(try TestVerifiers.hmac().connection(token)?.invalidReason == "subs.news.b64info is not valid base64")
    }

    @Test func negativeExpireAtReadsAsZero() async throws {
        let token = try await TestToken.make(#"{"exp":1700000100,"expire_at":-5}"#)
        let claims = try #require(try TestVerifiers.hmac().connection(token)?.claims)
        #expect(claims.expireAt == 0)
        #expect(claims.connectionExpiry == 0)
    }

    @Test func anonymousTokenHasEmptyUser() async throws {
        let token = try await TestToken.make(#"{"exp":1700000100}"#)
        #expect(try TestVerifiers.hmac().connection(token)?.claims?.user == "")
    }
}
