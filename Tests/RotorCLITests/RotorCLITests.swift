import Testing

@testable import RotorCLI

@Suite struct RotorCLITests {
    @Test func versionPrintsRotorVersionAndSwiftInPlaceOfGo() async {
        let result = await CLITest.run(["version"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Rotor 0.1.0 (Centrifugo v4.1.5 client protocol, Swift 6."))
        #expect(result.stdout.hasSuffix(")\n"))
    }

    @Test func unknownSubcommandPrintsCobraErrorOnStderrAndExitsZero() async {
        let result = await CLITest.run(["nosuch"])
        #expect(result == CLIResult(stderr: "Error: unknown command \"nosuch\" for \"\"\nRun ' --help' for usage.\n"))
    }

    @Test func unknownFlagPrintsAnErrorAndExitsZero() async {
        let result = await CLITest.run(["gentoken", "--bogus"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Unknown option '--bogus'"))
    }

    @Test func helpShowsTheSubcommandsFlags() async {
        let result = await CLITest.run(["help", "gensubtoken"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("-s, --channel <channel>"))
        #expect(result.stdout.contains("(default: 604800)"))
        let dashH = await CLITest.run(["checktoken", "-h"])
        #expect(dashH.stdout.contains("-c, --config <config>"))
        let full = await CLITest.run(["--help"])
        #expect(full.status == 0)
        #expect(full.stdout.contains("--client_insecure"))
        #expect(full.stdout.contains("gensubtoken"))
    }

    @Test func codecStillDecodesFramesFromStandardInput() async {
        let result = await CLITest.run(["codec"], lines: [#"{"id":1,"connect":{}}"#])
        #expect(result == CLIResult(stdout: "id=1 connect  {\"id\":1,\"connect\":{}}\n"))
        let bad = await CLITest.run(["codec", "--protobuf"], lines: ["zz"])
        #expect(bad.status == 1)
        #expect(bad.stdout == "! not a hex frame: zz\n")
    }

    @Test func streamedOutputGoesToTheSinkAsProduced() async {
        let collector = OutputCollector()
        let input = LineQueue([#"{"id":1,"connect":{}}"#, #"{"id":2}"#])
        var context = CLITest.context()
        context.readLine = { input.next() }
        context.outputSink = { collector.append($0) }
        let result = await RotorCLI.run(["codec"], context: context)
        #expect(result == CLIResult())
        #expect(
            collector.collected
                == "id=1 connect  {\"id\":1,\"connect\":{}}\nid=2 no request → disconnect 3501  {\"id\":2}\n")
    }
}
