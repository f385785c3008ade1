import Foundation
import Testing

extension ProcessTests {
    /// Centrifugo's subcommands through the binary (`server.md` §11): genconfig, checkconfig, gentoken,
    /// checktoken and serve.
    @Suite("rotor subcommands")
    struct Subcommands {
        /// The `api_key` of a generated config file.
        static func apiKey(of path: String) throws -> String {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            return try #require((object as? [String: Any])?["api_key"] as? String)
        }

        @Test("genconfig writes a config that checkconfig accepts and the server serves the API with")
        func genconfigCheckconfigServe() async throws {
            try await ProcessSandbox.with { sandbox in
                let generate = try await RotorProcess.run(["genconfig", "-c", "x.json"], in: sandbox.directory)
                #expect(generate.status == 0, "\(generate.stderr)")
                let check = try await RotorProcess.run(["checkconfig", "-c", "x.json"], in: sandbox.directory)
                #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
                let key = try Self.apiKey(of: sandbox.path("x.json"))
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(
                    ["--config", "x.json", "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory
                ) { rotor in
                    try await rotor.waitForPort(port)
                    let info = try await ProcessHTTP.api(port: port, key: key, method: "info")
                    #expect(info.head.status == 200)
                    #expect(info.text.hasPrefix("{\"result\":{\"nodes\":["))
                }
            }
        }

        @Test("checkconfig rejects a file the server would refuse, naming the file and the option")
        func checkconfigRejects() async throws {
            try await ProcessSandbox.with { sandbox in
                try sandbox.write("bad.json", "{\"history_size\": \"ten\"}")
                let check = try await RotorProcess.run(["checkconfig", "-c", "bad.json"], in: sandbox.directory)
                #expect(check.status == 1)
                #expect(
                    (check.stdout + check.stderr).contains("bad.json: history_size: expected an integer"),
                    "\(check.stdout)\(check.stderr)")
            }
        }

        @Test("gentoken prints a token that checktoken accepts and a WebSocket connect accepts")
        func gentokenCheckTokenConnect() async throws {
            try await ProcessSandbox.with { sandbox in
                _ = try await RotorProcess.run(["genconfig", "-c", "x.json"], in: sandbox.directory)
                let generated = try await RotorProcess.run(
                    ["gentoken", "-c", "x.json", "-u", "42"], in: sandbox.directory)
                #expect(generated.status == 0)
                let lines = generated.stdout.split(separator: "\n")
                #expect(lines.first?.hasPrefix("HMAC SHA-256 JWT for user \"42\"") == true)
                let token = String(try #require(lines.last))
                let check = try await RotorProcess.run(["checktoken", "-c", "x.json", token], in: sandbox.directory)
                #expect(check.status == 0)
                #expect(check.stdout.hasPrefix("valid token for user 42\n"), "\(check.stdout)\(check.stderr)")
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(
                    ["--config", "x.json", "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory
                ) { rotor in
                    try await rotor.waitForPort(port)
                    let reply = try await ProcessWebSocket.with(port: port) { socket in
                        try await socket.connectCommand(token: token)
                    }
                    #expect(reply.hasPrefix("{\"id\":1,\"connect\":{\"client\":\""), "\(reply)")
                }
            }
        }

        @Test("serve -d dir -p P -a 127.0.0.1 serves the directory's files, and exits 0 on SIGTERM")
        func serveDirectory() async throws {
            try await ProcessSandbox.with { sandbox in
                let files = sandbox.directory.appendingPathComponent("www")
                try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
                try "hello from rotor\n".write(
                    to: files.appendingPathComponent("hello.txt"), atomically: true, encoding: .utf8)
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(
                    ["serve", "-d", files.path, "-p", "\(port)", "-a", "127.0.0.1"], in: sandbox.directory
                ) { rotor in
                    try await rotor.waitForPort(port)
                    let file = try await ProcessHTTP.get(port: port, "/hello.txt")
                    #expect(file.head.status == 200)
                    #expect(file.text == "hello from rotor\n")
                    let missing = try await ProcessHTTP.get(port: port, "/absent.txt")
                    #expect(missing.head.status == 404)
                    rotor.send(SIGTERM)
                    #expect(try await rotor.exitStatus() == 0)
                }
            }
        }
    }
}
