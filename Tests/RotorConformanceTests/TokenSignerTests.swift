import Foundation
import Testing

@testable import RotorConformance

/// Re-signing of time-bound tokens (README §3).
@Suite struct TokenSignerTests {
    @Test func reproducesARecordedHS256Token() throws {
        let session = try Fixtures.session("connect_hs256_no_exp")
        let token = try TokenSigner.sign(
            claims: .object(["sub": .string("42")]), algorithm: "HS256",
            key: try #require(session.secrets["token_hmac_secret_key"]))
        #expect(token == session.tokens["user42"])
    }

    @Test func resignsOnlyTokensWithRelativeClaims() throws {
        let session = try Fixtures.session("connect_token_expire_at")
        let now: Int64 = 2_000_000_000
        let tokens = try TokenSigner.resignedTokens(of: session, now: now)
        #expect(tokens.count == 2)
        for (recorded, fresh) in tokens {
            #expect(recorded != fresh)
            let claims = try #require(Self.claims(of: fresh))
            #expect(claims["exp"] == .number(Double(now + 7200)))
            #expect(claims["sub"] == .string("42"))
        }
        #expect(try TokenSigner.resignedTokens(of: Fixtures.session("connect_hs256_no_exp"), now: now).isEmpty)
    }

    @Test func signsES256() throws {
        let session = try Fixtures.session("connect_es256")
        let tokens = try TokenSigner.resignedTokens(of: session, now: 2_000_000_000)
        let fresh = try #require(tokens.values.first)
        #expect(fresh.split(separator: ".").count == 3)
        #expect(Self.claims(of: fresh)?["exp"] == .number(2_000_000_600))
    }

    static func claims(of token: String) -> JSONValue? {
        var part = String(token.split(separator: ".")[1]).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while part.count % 4 != 0 { part += "=" }
        return Data(base64Encoded: part).flatMap { JSONValue(parsing: Array($0)) }
    }
}
