import Foundation
import NIOCore
import NIOPosix
import Testing

extension ProcessTests {
    /// Startup failures exit 1 with a message naming the file and the option (`server.md` §10, §1.3).
    @Suite("rotor refuses to start on a bad configuration")
    struct Failures {
        /// A config file that cannot start, and the texts its error message must contain.
        struct Case: Sendable, CustomTestStringConvertible {
            var name: String
            var contents: String
            var expected: [String]
            var testDescription: String { name }
        }

        static let cases: [Case] = [
            Case(
                name: "JSON syntax error", contents: "{\"api_key\": \"k\",\n",
                expected: ["config.json", "syntax error", "line 2"]),
            Case(
                name: "wrong type", contents: "{\"history_size\": \"ten\"}",
                expected: ["config.json", "history_size", "\"ten\""]),
            Case(
                name: "namespace history_size without history_ttl",
                contents: "{\"namespaces\": [{\"name\": \"chat\", \"history_size\": 10}]}",
                expected: ["config.json", "namespaces[0].history_ttl", "namespace chat", "history ttl"]),
            Case(
                name: "namespace force_recovery without history",
                contents: "{\"namespaces\": [{\"name\": \"chat\", \"force_recovery\": true}]}",
                expected: ["config.json", "namespaces[0].force_recovery", "namespace chat", "recovery"]),
            Case(
                name: "engine redis", contents: "{\"engine\": \"redis\"}",
                expected: ["engine \"redis\"", "not supported", "(option engine)"]),
        ]

        @Test("the server exits 1 and says which file and which option", arguments: cases)
        func badConfig(_ failure: Case) async throws {
            try await ProcessSandbox.with { sandbox in
                let file = try sandbox.write("config.json", failure.contents)
                let port = try await ProcessSandbox.freePort()
                let result = try await RotorProcess.run(
                    ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory)
                #expect(result.status == 1)
                // The log line is JSON when stderr is not a terminal: read its quotes unescaped.
                let stderr = result.stderr.replacingOccurrences(of: "\\\"", with: "\"")
                for text in failure.expected {
                    #expect(stderr.contains(text), "stderr: \(result.stderr)")
                }
            }
        }

        @Test("a port already in use: exit 1 and the address in the message")
        func portInUse() async throws {
            let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: 0).get()
            let port = try #require(listener.localAddress?.port)
            do {
                try await ProcessSandbox.with { sandbox in
                    let file = try sandbox.write("config.json", "{}")
                    let result = try await RotorProcess.run(
                        ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory)
                    #expect(result.status == 1)
                    #expect(result.stderr.contains("127.0.0.1:\(port)"), "stderr: \(result.stderr)")
                    #expect(result.stderr.lowercased().contains("address already in use"))
                }
            } catch {
                try? await listener.close().get()
                throw error
            }
            try await listener.close().get()
        }
    }
}
