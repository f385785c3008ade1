import RotorCore
import RotorTokens
import Testing

@Suite struct ClaimTypeTests {
    static let connectionTypeErrors = [
        #"{"sub":42}"#, #"{"iss":true}"#, #"{"jti":[]}"#, #"{"channel":1}"#, #"{"b64info":{}}"#,
        #"{"aud":1}"#, #"{"aud":["a",1]}"#, #"{"aud":null}"#, #"{"aud":{}}"#,
        #"{"exp":"soon"}"#, #"{"exp":true}"#, #"{"exp":" 1"}"#, #"{"nbf":[]}"#, #"{"iat":"x"}"#, #"{"exp":1e400}"#,
        #"{"expire_at":1.5}"#, #"{"expire_at":"1"}"#, #"{"expire_at":1e3}"#, #"{"expire_at":99999999999999999999}"#,
        #"{"channels":"a"}"#, #"{"channels":[1]}"#, #"{"subs":[]}"#, #"{"subs":{"a":1}}"#,
        #"{"subs":{"a":{"b64info":1}}}"#, #"{"subs":{"a":{"override":1}}}"#,
        #"{"subs":{"a":{"override":{"presence":true}}}}"#, #"{"subs":{"a":{"override":{"presence":{"value":1}}}}}"#,
    ]

    @Test(arguments: connectionTypeErrors)
    func connectionClaimTypeErrorsAreInvalid(payload: String) async throws {
        let token = try await TestToken.make(payload)
        let reason = try TestVerifiers.hmac().connection(token)?.invalidReason
        #expect(reason?.hasPrefix("claim ") == true)
    }

    static let subscriptionTypeErrors = [
        #"{"channel":1}"#, #"{"channel":"c","client":2}"#, #"{"channel":"c","b64data":false}"#,
        #"{"channel":"c","override":[]}"#, #"{"channel":"c","expire_at":"0"}"#, #"{"channel":"c","sub":{}}"#,
    ]

    @Test(arguments: subscriptionTypeErrors)
    func subscriptionClaimTypeErrorsAreInvalid(payload: String) async throws {
        let token = try await TestToken.make(payload)
        let reason = try TestVerifiers.hmac().subscription(token)?.invalidReason
        #expect(reason?.hasPrefix("claim ") == true)
    }

    @Test func fieldsOfTheOtherTokenKindAreNotTypeChecked() async throws {
        let verifier = try TestVerifiers.hmac()
        let connection = try await TestToken.make(#"{"sub":"u","client":1,"data":2,"override":3,"b64data":4}"#)
        #expect(verifier.connection(connection)?.claims?.user == "u")
        let subscription = try await TestToken.make(#"{"channel":"c","channels":1,"subs":2,"meta":3}"#)
        #expect(verifier.subscription(subscription)?.claims?.channel == "c")
    }

    @Test func audienceAcceptsStringOrStringArray() async throws {
        let verifier = try TestVerifiers.hmac(audience: "b")
        for payload in [#"{"aud":"b"}"#, #"{"aud":["a","b"]}"#] {
            let token = try await TestToken.make(payload)
            #expect(verifier.connection(token)?.claims != nil, "\(payload)")
        }
    }

    @Test func numericDatesAcceptFractionsAndNumberStrings() async throws {
        let verifier = try TestVerifiers.hmac()
        let fractional = try await TestToken.make(#"{"exp":1700000100.9}"#)
        #expect(verifier.connection(fractional)?.claims?.expiresAt == 1_700_000_100)
        let exponent = try await TestToken.make(#"{"exp":1.7000001e9}"#)
        #expect(verifier.connection(exponent)?.claims?.expiresAt == 1_700_000_100)
        // Go's json.Number also takes a string holding a number.
        let quoted = try await TestToken.make(#"{"exp":"1700000100"}"#)
        #expect(verifier.connection(quoted)?.claims?.expiresAt == 1_700_000_100)
    }

    @Test func nullLeavesGoFieldsUnset() async throws {
        let token = try await TestToken.make(
            #"{"sub":null,"exp":null,"expire_at":null,"channels":null,"subs":null,"info":null,"channel":null}"#)
        let claims = try #require(try TestVerifiers.hmac().connection(token)?.claims)
        #expect(claims.user == "")
        #expect(claims.expiresAt == nil)
        #expect(claims.expireAt == nil)
        #expect(claims.info.text == "null")  // json.RawMessage keeps the literal
    }

    @Test func memberNamesMatchCaseInsensitivelyAndLastWins() async throws {
        let token = try await TestToken.make(#"{"SUB":"first","Sub":"second","Exp":1700000100}"#)
        let claims = try #require(try TestVerifiers.hmac().connection(token)?.claims)
        #expect(claims.user == "second")
        #expect(claims.expiresAt == 1_700_000_100)
    }

    @Test func unknownMembersAreSkippedButMustBeValid() async throws {
        let verifier = try TestVerifiers.hmac()
        let fine = try await TestToken.make(#"{"x":{"y":[1,{"z":null}]},"sub":"u"}"#)
        #expect(verifier.connection(fine)?.claims?.user == "u")
        let broken = try await TestToken.make(#"{"x":[1,],"sub":"u"}"#)
        #expect(verifier.connection(broken)?.invalidReason == "claims are not valid JSON")
    }
}
