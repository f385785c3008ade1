import Foundation
import RotorConfig
import Testing

@testable import RotorCLI

@Suite struct ConfigCommandsTests {
    @Test(arguments: ["config.json", "config.yaml", "config.yml", "config.toml"])
    func genconfigWritesALoadableConfigWithSecrets(name: String) async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file(name)
        let result = await CLITest.run(["genconfig", "-c", path])
        #expect(result == CLIResult())
        let loaded = try ConfigLoader.load(path: path)
        #expect(loaded.tokens.hmacSecretKey.count == 36)
        let check = await CLITest.run(["checkconfig", "--config", path])
        #expect(check == CLIResult())
    }

    @Test func genconfigRefusesAnExistingFile() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.json", "{}")
        let result = await CLITest.run(["genconfig", "-c", path])
        #expect(result == CLIResult(stdout: "error: output config file already exists: \(path)\n", status: 1))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{}")
    }

    @Test func genconfigRefusesAnUnknownExtension() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("config.ini")
        let result = await CLITest.run(["genconfig", "-c", path])
        #expect(
            result
                == CLIResult(
                    stdout: "error: output config file must have one of supported extensions: json, toml, yaml, yml\n",
                    status: 1))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func genconfigThenGentokenUsesTheGeneratedSecret() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("config.json")
        _ = await CLITest.run(["genconfig", "-c", path])
        let token = CLITest.token(of: await CLITest.run(["gentoken", "-c", path, "-u", "7"]))
        let check = await CLITest.run(["checktoken", "-c", path, token])
        #expect(check.stdout.hasPrefix("valid token for user 7\n"))
    }

    @Test func checkconfigMissingFile() async {
        let result = await CLITest.run(["checkconfig", "-c", "/nonexistent/config.json"])
        #expect(result == CLIResult(stdout: "configuration error: unable to find configuration file\n", status: 1))
    }

    @Test func checkconfigBadNamespaceNameUsesCentrifugosText() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.json", #"{"namespaces": [{"name": "x"}]}"#)
        let result = await CLITest.run(["checkconfig", "-c", path])
        #expect(
            result
                == CLIResult(
                    stdout: "configuration error: namespace x: invalid namespace name \u{2013} x "
                        + "(must match ^[-a-zA-Z0-9_.]{2,}$ regular expression)\n",
                    status: 1))
    }

    @Test func checkconfigJSONSyntaxError() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.json", "{\n  \"a\": 1,\n  \"b\" 2\n}\n")
        let result = await CLITest.run(["checkconfig", "-c", path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("JSON syntax error around line 3, column "))
    }

    @Test func checkconfigNamesFileAndKeyOfAWrongType() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.json", #"{"presence": "yes please"}"#)
        let result = await CLITest.run(["checkconfig", "-c", path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("configuration error: \(path): presence: "))
        #expect(result.stderr.isEmpty)
    }

    @Test func checkconfigAppliesTheEnvironment() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.json", "{}")
        let result = await CLITest.run(["checkconfig", "-c", path], environment: ["CENTRIFUGO_ENGINE": "nosuch"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("unknown engine: nosuch"))
    }

    @Test func checkconfigYAMLSyntaxErrorIsAViperParseError() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.yaml", "a: [\n")
        let result = await CLITest.run(["checkconfig", "-c", path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("configuration error: While parsing config: "))
    }

    @Test func checkconfigUnsupportedExtensionIsNotFound() async {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.write("config.ini", "{}")
        let result = await CLITest.run(["checkconfig", "-c", path])
        #expect(result == CLIResult(stdout: "configuration error: unable to find configuration file\n", status: 1))
    }
}
