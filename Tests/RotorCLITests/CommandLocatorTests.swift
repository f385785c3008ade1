import RotorConfig
import Testing

@testable import RotorCLI

@Suite struct CommandLocatorTests {
    @Test func findsTheFirstArgumentThatIsNotAFlagOrItsValue() {
        #expect(CommandLocator.commandIndex(in: []) == nil)
        #expect(CommandLocator.commandIndex(in: ["gentoken"]) == 0)
        #expect(CommandLocator.commandIndex(in: ["-c", "x.json", "gentoken"]) == 2)
        #expect(CommandLocator.commandIndex(in: ["--config=x.json", "gentoken"]) == 1)
        #expect(CommandLocator.commandIndex(in: ["--health", "gentoken"]) == 1)
        #expect(CommandLocator.commandIndex(in: ["-px", "gentoken"]) == 1)
        #expect(CommandLocator.commandIndex(in: ["--unknown", "value", "gentoken"]) == 2)
        #expect(CommandLocator.commandIndex(in: ["-p", "9000", "--health"]) == nil)
    }

    @Test func everyBooleanFlagNameIsABooleanRootFlag() throws {
        for name in RootSwitches.booleanFlagNames where name != "help" && name != "h" {
            let options = try ServerOptions.parse(["--\(name)"])
            #expect(options.overrides.values == [name: .bool(true)], "--\(name)")
        }
    }

    @Test func flagsBeforeTheSubcommandBelongToIt() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.json", #"{"token_hmac_secret_key": "k"}"#)
        let result = await CLITest.run(["-c", path, "gentoken", "-u", "1"])
        #expect(result.stdout.hasPrefix("HMAC SHA-256 JWT for user \"1\" with expiration TTL 168h0m0s:\n"))
    }

    @Test func aPositionalAfterRootFlagsIsAnUnknownCommand() async {
        let result = await CLITest.run(["-p", "9000", "extra"])
        #expect(result == CLIResult(stderr: "Error: unknown command \"extra\" for \"\"\nRun ' --help' for usage.\n"))
    }

    @Test func optionValuesMayStartWithADashLikePflag() async {
        let result = await CLITest.run(
            ["gentoken", "-t", "-5", "-u", "-x"], environment: TokenCommandsTests.environment)
        #expect(result.stdout.hasPrefix("HMAC SHA-256 JWT for user \"-x\" with expiration TTL -5s:\n"))
        #expect(result.status == 0)
    }
}
