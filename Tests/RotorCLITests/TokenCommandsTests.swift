import Testing

@testable import RotorCLI

@Suite struct TokenCommandsTests {
    static let secret = "secret-key"
    static let environment = ["CENTRIFUGO_TOKEN_HMAC_SECRET_KEY": secret]

    /// A config file with the HMAC secret.
    static func config(_ scratch: ScratchDirectory, secret: String = secret) -> String {
        scratch.write("config.json", #"{"token_hmac_secret_key": "\#(secret)"}"#)
    }

    @Test func gentokenPrintsHeaderLineAndTokenWithClaimsInOrder() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let result = await CLITest.run(["gentoken", "-c", Self.config(scratch), "-u", "42", "-t", "3600"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0] == "HMAC SHA-256 JWT for user \"42\" with expiration TTL 1h0m0s:")
        let token = CLITest.token(of: result)
        #expect(token.hasPrefix("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."))  // {"alg":"HS256","typ":"JWT"}
        #expect(CLITest.claims(of: token) == #"{"sub":"42","exp":1700003600,"iat":1700000000}"#)
    }

    @Test func gentokenDefaultsToAnonymousUserAndAWeek() async {
        let result = await CLITest.run(["gentoken", "-c", "/nonexistent/config.json"], environment: Self.environment)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("HMAC SHA-256 JWT for anonymous user with expiration TTL 168h0m0s:\n"))
        #expect(CLITest.claims(of: CLITest.token(of: result)) == #"{"exp":1700604800,"iat":1700000000}"#)
    }

    @Test func gentokenIsIdenticalToAKnownSignature() async {
        // HS256 of `{"alg":"HS256","typ":"JWT"}.{"sub":"42","exp":1700003600,"iat":1700000000}` with key
        // "secret-key", computed independently with openssl.
        let result = await CLITest.run(["gentoken", "-u", "42", "-t", "3600"], environment: Self.environment)
        #expect(CLITest.token(of: result) == Self.knownToken)
    }

    static let knownToken = TokenFixtures.knownToken

    @Test func gentokenWithoutSecretFailsOnStdout() async {
        let result = await CLITest.run(["gentoken", "-c", "/nonexistent/config.json"])
        #expect(result == CLIResult(stdout: "error: no HMAC secret key set\n", status: 1))
    }

    @Test func gentokenEscapesUserLikeGo() async {
        let result = await CLITest.run(["gentoken", "-u", "<a&b>\"", "-t", "90"], environment: Self.environment)
        #expect(result.stdout.hasPrefix("HMAC SHA-256 JWT for user \"<a&b>\"\" with expiration TTL 1m30s:\n"))
        #expect(
            CLITest.claims(of: CLITest.token(of: result))
                == #"{"sub":"\u003ca\u0026b\u003e\"","exp":1700000090,"iat":1700000000}"#)
    }

    @Test func gentokenReportsABrokenConfigFile() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.json", "{\"token_hmac_secret_key\": }")
        let result = await CLITest.run(["gentoken", "-c", path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("error: While parsing config: "))
    }

    @Test func gentokenThenChecktokenIsValid() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let config = Self.config(scratch)
        let token = CLITest.token(of: await CLITest.run(["gentoken", "-c", config, "-u", "42"]))
        let result = await CLITest.run(["checktoken", "-c", config, token])
        #expect(
            result
                == CLIResult(
                    stdout: "valid token for user 42\npayload: {\"sub\":\"42\",\"exp\":1700604800,\"iat\":1700000000}\n"
                ))
    }

    @Test func anonymousTokenChecksAsAnonymousUser() async {
        let token = CLITest.token(of: await CLITest.run(["gentoken"], environment: Self.environment))
        let result = await CLITest.run(["checktoken", token], environment: Self.environment)
        #expect(result.stdout.hasPrefix("valid token for anonymous user\npayload: {\"exp\":"))
        #expect(result.status == 0)
    }

    @Test func expiredTokenIsReported() async {
        let token = CLITest.token(
            of: await CLITest.run(["gentoken", "-u", "42", "-t", "10"], environment: Self.environment))
        let result = await CLITest.run(["checktoken", token], environment: Self.environment, at: CLITest.issuedAt + 11)
        #expect(
            result
                == CLIResult(
                    stdout: "error: token with algorithm HS256 and claims "
                        + "{\"sub\":\"42\",\"exp\":1700000010,\"iat\":1700000000} has error: token expired\n",
                    status: 1))
    }

    @Test func wrongSecretIsAnInvalidSignature() async {
        let token = CLITest.token(of: await CLITest.run(["gentoken", "-u", "42"], environment: Self.environment))
        let result = await CLITest.run(
            ["checktoken", token], environment: ["CENTRIFUGO_TOKEN_HMAC_SECRET_KEY": "other"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("error: token with algorithm HS256 and claims {\"sub\":\"42\""))
        #expect(result.stdout.hasSuffix(" has error: invalid token: signature is not valid\n"))
    }

    @Test func noKeysConfiguredDisablesTheAlgorithm() async {
        let token = CLITest.token(of: await CLITest.run(["gentoken", "-u", "42"], environment: Self.environment))
        let result = await CLITest.run(["checktoken", "-c", "/nonexistent/config.json", token])
        #expect(result.stdout.hasSuffix(" has error: invalid token: disabled JWT algorithm: HS256\n"))
        #expect(result.status == 1)
    }

    @Test func garbageIsNotAToken() async {
        let result = await CLITest.run(["checktoken", "garbage"], environment: Self.environment)
        #expect(result == CLIResult(stdout: "error: token format is not valid\n", status: 1))
        let sub = await CLITest.run(["checksubtoken", "eyJ.x"], environment: Self.environment)
        #expect(sub == CLIResult(stdout: "error: token format is not valid\n", status: 1))
    }

    @Test func nonObjectClaimsAreAnUnmarshalError() async {
        // header {"alg":"HS256"}, claims [1]
        let token = "eyJhbGciOiJIUzI1NiJ9.WzFd.c2ln"
        let result = await CLITest.run(["checktoken", token], environment: Self.environment)
        #expect(
            result
                == CLIResult(
                    stdout: "error: json: cannot unmarshal array into Go value of type jwt.RegisteredClaims\n",
                    status: 1))
    }

    @Test func checkCommandsNeedExactlyOneToken() async {
        let none = await CLITest.run(["checktoken"], environment: Self.environment)
        #expect(none == CLIResult(stdout: "error: provide token to check [centrifugo checktoken <TOKEN>]\n", status: 1))
        let two = await CLITest.run(["checktoken", "a", "b"], environment: Self.environment)
        #expect(two == none)
        let sub = await CLITest.run(["checksubtoken"], environment: Self.environment)
        #expect(
            sub == CLIResult(stdout: "error: provide token to check [centrifugo checksubtoken <TOKEN>]\n", status: 1))
    }
}
