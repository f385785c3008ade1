import RotorCore
import RotorTokens
import Testing

@Suite struct TokenFormatTests {
    static let payload = #"{"sub":"42"}"#

    @Test func validTokenParses() async throws {
        let token = try await TestToken.make(Self.payload)
        #expect(try TestVerifiers.hmac().connection(token)?.claims?.user == "42")
    }

    @Test func tokenMustStartWithEyJ() async throws {
        // A header with a leading space still decodes as JSON but no longer encodes to "eyJ…".
        let token = try await TestToken.make(header: #" {"alg":"HS256"}"#, payload: Self.payload, signer: .hmac())
        #expect(!token.hasPrefix("eyJ"))
        #expect(try TestVerifiers.hmac().connection(token)?.invalidReason == "invalid token format")
    }

    @Test func paddedSegmentsAreInvalid() async throws {
        // 16 header bytes and 13 payload bytes: both standard encodings end in padding.
        let header = #"{"alg":"HS256"} "#
        let payload = #"{"sub":"42"} "#
        let verifier = try TestVerifiers.hmac()
        for (encodedHeader, encodedPayload) in [
            (Base64URL.encodePadded(header), Base64URL.encode(payload)),
            (Base64URL.encode(header), Base64URL.encodePadded(payload)),
        ] {
            let input = encodedHeader + "." + encodedPayload
            #expect(input.contains("="))
            let signature = try await TestSigner.hmac().sign(Array(input.utf8))
            let token = input + "." + Base64URL.encode(signature)
            #expect(verifier.connection(token)?.invalidReason == "invalid token format")
        }
        let unpadded = try await TestToken.make(header: header, payload: payload, signer: .hmac())
        #expect(verifier.connection(unpadded)?.claims?.user == "42")
    }

    @Test func segmentCountMustBeThree() async throws {
        let token = try await TestToken.make(Self.payload)
        let verifier = try TestVerifiers.hmac()
        let parts = token.split(separator: ".").map(String.init)
        #expect(verifier.connection(parts[0] + "." + parts[1])?.invalidReason == "invalid token format")
        #expect(verifier.connection(parts[0])?.invalidReason == "invalid token format")
        #expect(verifier.connection(token + ".x")?.invalidReason == "invalid token format")
        #expect(verifier.connection("")?.invalidReason == "invalid token format")
    }

    @Test func headerMustBeAnObjectWithStringFields() async throws {
        let verifier = try TestVerifiers.hmac()
        for header in [#"{"alg":"HS256","kid":1}"#, #"{"alg":"HS256","typ":true}"#, #"{"alg":"HS256""#] {
            let token = try await TestToken.make(header: header, payload: Self.payload, signer: .hmac())
            #expect(verifier.connection(token)?.invalidReason == "invalid token format", "\(header)")
        }
    }

    @Test func headerKeysMatchCaseInsensitivelyLikeGo() async throws {
        let token = try await TestToken.make(header: #"{"ALG":"HS256"}"#, payload: Self.payload, signer: .hmac())
        #expect(try TestVerifiers.hmac().connection(token)?.claims?.user == "42")
    }

    @Test func claimsMustBeWellFormedJSONObject() async throws {
        let verifier = try TestVerifiers.hmac()
        for payload in [#"{"sub":"42""#, #"["sub"]"#, #""sub""#, #"{"sub":"42"} x"#] {
            let token = try await TestToken.make(payload)
            #expect(verifier.connection(token)?.invalidReason != nil, "\(payload)")
        }
        let nullClaims = try await TestToken.make("null")
        #expect(verifier.connection(nullClaims)?.claims == ConnectionTokenClaims())
    }
}
