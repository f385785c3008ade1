import Testing

@testable import RotorCLI

@Suite struct SubscriptionTokenCommandsTests {
    static let environment = TokenCommandsTests.environment

    @Test func gensubtokenPrintsUserChannelAndTTL() async {
        let result = await CLITest.run(
            ["gensubtoken", "-u", "42", "-s", "news", "-t", "60"], environment: Self.environment)
        #expect(result.status == 0)
        #expect(
            result.stdout.hasPrefix("HMAC SHA-256 JWT for user \"42\" and channel \"news\" with expiration TTL 1m0s:\n")
        )
        #expect(
            CLITest.claims(of: CLITest.token(of: result))
                == #"{"sub":"42","exp":1700000060,"iat":1700000000,"channel":"news"}"#)
    }

    @Test func gensubtokenNeedsAChannel() async {
        let result = await CLITest.run(["gensubtoken", "-u", "42"], environment: Self.environment)
        #expect(result == CLIResult(stdout: "channel is required\n", status: 1))
    }

    @Test func gensubtokenWithoutSecretFails() async {
        let result = await CLITest.run(["gensubtoken", "-c", "/nonexistent/config.json", "-s", "news"])
        #expect(result == CLIResult(stdout: "error: no HMAC secret key set\n", status: 1))
    }

    @Test func gensubtokenThenChecksubtokenIsValid() async {
        let token = CLITest.token(
            of: await CLITest.run(["gensubtoken", "--user", "42", "--channel", "news"], environment: Self.environment))
        let result = await CLITest.run(["checksubtoken", token], environment: Self.environment)
        #expect(
            result
                == CLIResult(
                    stdout: "valid subscription token for user \"42\" and channel \"news\"\n"
                        + "payload: {\"sub\":\"42\",\"exp\":1700604800,\"iat\":1700000000,\"channel\":\"news\"}\n"))
    }

    @Test func anonymousSubscriptionToken() async {
        let token = CLITest.token(of: await CLITest.run(["gensubtoken", "-s", "news"], environment: Self.environment))
        let result = await CLITest.run(["checksubtoken", token], environment: Self.environment)
        #expect(result.stdout.hasPrefix("valid subscription token for anonymous user and channel \"news\"\n"))
    }

    @Test func expiredSubscriptionToken() async {
        let token = CLITest.token(
            of: await CLITest.run(["gensubtoken", "-s", "news", "-t", "5"], environment: Self.environment))
        let result = await CLITest.run(
            ["checksubtoken", token], environment: Self.environment, at: CLITest.issuedAt + 5)
        #expect(result.stdout.hasSuffix(" has error: token expired\n"))
        #expect(result.status == 1)
    }

    @Test func tokenKindsDoNotMix() async {
        let subscription = CLITest.token(
            of: await CLITest.run(["gensubtoken", "-s", "news"], environment: Self.environment))
        let asConnection = await CLITest.run(["checktoken", subscription], environment: Self.environment)
        #expect(asConnection.stdout.hasSuffix(" has error: invalid token\n"))
        let connection = CLITest.token(of: await CLITest.run(["gentoken"], environment: Self.environment))
        let asSubscription = await CLITest.run(["checksubtoken", connection], environment: Self.environment)
        #expect(asSubscription.stdout.hasSuffix(" has error: invalid token\n"))
        #expect(asSubscription.status == 1)
    }
}
