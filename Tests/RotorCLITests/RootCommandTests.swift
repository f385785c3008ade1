import Foundation
import RotorConfig
import Testing

@testable import RotorCLI

@Suite struct RootCommandTests {
    @Test func noFlagsMeansNoOverrides() throws {
        let options = try ServerOptions.parse([])
        #expect(options == ServerOptions(configPath: "config.json", overrides: ConfigOverrides()))
    }

    @Test func givenFlagsBecomeOverridesUnderTheirOptionKeys() throws {
        let options = try ServerOptions.parse([
            "-c", "my.json", "-p", "9000", "-a", "127.0.0.1", "--internal_port", "9001", "-e", "redis",
            "--log_level", "debug", "--health", "--prometheus", "--api_insecure", "--client_insecure",
            "--grpc_api_port", "10001", "-n", "node1", "--redis_address", "redis://r:6379", "--uni_grpc",
        ])
        #expect(options.configPath == "my.json")
        #expect(
            options.overrides.values == [
                "port": .string("9000"), "address": .string("127.0.0.1"), "internal_port": .string("9001"),
                "engine": .string("redis"), "log_level": .string("debug"), "health": .bool(true),
                "prometheus": .bool(true), "api_insecure": .bool(true), "client_insecure": .bool(true),
                "grpc_api_port": .int(10001), "name": .string("node1"), "redis_address": .string("redis://r:6379"),
                "uni_grpc": .bool(true),
            ])
    }

    @Test func longFormsAndEqualsSyntaxParse() throws {
        let options = try ServerOptions.parse(["--config=x.yaml", "--port=8080", "--address", "::1"])
        #expect(options.configPath == "x.yaml")
        #expect(options.overrides["port"] == .string("8080"))
        #expect(options.overrides["address"] == .string("::1"))
    }

    @Test func overridesWinOverTheFileWhenLoading() throws {
        let options = try ServerOptions.parse(["-p", "9000", "--health"])
        let loaded = try ConfigLoader.load(
            contents: #"{"port": "7000", "health": false}"#, format: .json, path: "config.json",
            overrides: options.overrides)
        #expect(loaded.configuration.http.port == "9000")
        #expect(loaded.configuration.monitoring.health)
    }

    @Test func unknownRootFlagIsRejected() {
        #expect(throws: (any Error).self) { try ServerOptions.parse(["--no_such_flag"]) }
    }

    @Test func serverOptionsAreFoundOnlyForTheRootCommand() {
        #expect(RotorCLI.serverOptions(for: ["-p", "9000"])?.overrides.values == ["port": .string("9000")])
        #expect(RotorCLI.serverOptions(for: [])?.configPath == "config.json")
        #expect(RotorCLI.serverOptions(for: ["-c", "x.json", "gentoken"]) == nil)
        #expect(RotorCLI.serverOptions(for: ["--help"]) == nil)
        #expect(RotorCLI.serverOptions(for: ["--bogus"]) == nil)
    }

    @Test func serveRunsTheStaticFileServerWithCentrifugosFlags() async {
        let calls = CallLog()
        var context = CLITest.context(environment: [:], at: CLITest.issuedAt, lines: [])
        context.serveStaticFiles = { directory, address, port in
            calls.record("\(directory)|\(address)|\(port)")
            return 0
        }
        let defaults = await RotorCLI.run(["serve"], context: context)
        #expect(defaults.stdout == "start serving ./ on :3000\n")
        #expect(defaults.status == 0)
        let custom = await RotorCLI.run(["serve", "-d", "site", "-p", "8080", "-a", "::1"], context: context)
        #expect(custom.stdout == "start serving site on [::1]:8080\n")
        #expect(calls.entries == ["./||3000", "site|::1|8080"])
        let unavailable = await CLITest.run(["serve"])
        #expect(unavailable.status == 1)
    }

    @Test func rootCommandRefusesToPretendToRunTheServer() async {
        let result = await CLITest.run(["-p", "9000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the server is not available in this build"))
        #expect(result.stdout.contains("SUBCOMMANDS:"))
        let bare = await CLITest.run([])
        #expect(bare.status == 1)
        let bad = await CLITest.run(["--bogus"])
        #expect(bad.status == 0)
        #expect(bad.stderr.contains("Unknown option '--bogus'"))
    }
}

/// Records calls made from a `@Sendable` closure.
final class CallLog: @unchecked Sendable {
    private var recorded: [String] = []
    private let lock = NSLock()
    func record(_ entry: String) { lock.withLock { recorded.append(entry) } }
    var entries: [String] { lock.withLock { recorded } }
}
