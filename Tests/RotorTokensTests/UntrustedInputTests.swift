import NIOCore
import RotorCore
import RotorTokens
import Testing

/// Tokens come from clients: the verifier reads their claims before it checks the signature, so every
/// input must end in an answer (never a crash, never nil with static keys). Seeded, bounded loops.
@Suite struct UntrustedInputTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let fragments = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\"sub\"", "\"exp\"", "\"info\"", "\"subs\"", "\"channels\"",
        "\"b64info\"", "\"override\"", "\"value\"", "\"aud\"", "1e309", "-0", "1.5", "null", "true", "\"\\u00\"",
        "\"\\ud800\"", " ", "\u{0}", "\u{ff}", "{\"a\":", "[[[[[[", "]]]]]]", "\"x\"", "99999999999999999999",
    ]

    @Test func signedArbitraryClaimsAlwaysGetAnAnswer() async throws {
        let verifier = try TestVerifiers.hmac()
        var generator = Generator(state: 2026)
        for _ in 0..<400 {
            var payload = ""
            for _ in 0..<(1 + generator.below(24)) {
                payload += Self.fragments[generator.below(Self.fragments.count)]
            }
            let token = try await TestToken.make(payload)
            #expect(verifier.connection(token) != nil)
            #expect(verifier.subscription(token) != nil)
        }
    }

    @Test func mutatedTokensAreNeverValid() async throws {
        let verifier = try TestVerifiers.hmac()
        let token = Array(try await TestToken.make(#"{"sub":"42","info":{"a":1}}"#).utf8)
        var generator = Generator(state: 7)
        for _ in 0..<2_000 {
            var mutated = token
            for _ in 0..<(1 + generator.below(4)) {
                let index = generator.below(mutated.count)
                switch generator.below(3) {
                case 0: mutated[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: mutated.remove(at: index)
                default: mutated.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                }
            }
            let text = String(decoding: mutated, as: UTF8.self)
            guard text != String(decoding: token, as: UTF8.self) else { continue }
            let verification = verifier.connection(text)
            #expect(verification != nil)
            if case .valid(let claims) = verification {
                // Only a change that keeps the signed bytes (unused bits of the last base64 character) may
                // still verify, and then it says exactly what was signed.
                #expect(claims.user == "42")
                #expect(String(buffer: claims.info) == #"{"a":1}"#)
            }
        }
    }
}
