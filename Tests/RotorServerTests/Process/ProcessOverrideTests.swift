import Foundation
import Testing

extension ProcessTests {
    /// `CENTRIFUGO_*` environment variables and command-line flags over the config file (`server.md` §1.1):
    /// flag beats environment beats file.
    @Suite("rotor takes options from the environment and flags")
    struct Overrides {
        @Test("CENTRIFUGO_API_KEY replaces the file's api_key")
        func apiKeyFromEnvironment() async throws {
            try await ProcessSandbox.with { sandbox in
                let file = try sandbox.write("config.json", "{\"api_key\": \"file-key\"}")
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(
                    ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory,
                    environment: ["CENTRIFUGO_API_KEY": "env-key"]
                ) { rotor in
                    try await rotor.waitForPort(port)
                    let withEnvironmentKey = try await ProcessHTTP.api(port: port, key: "env-key", method: "info")
                    #expect(withEnvironmentKey.head.status == 200)
                    #expect(withEnvironmentKey.text.hasPrefix("{\"result\":{\"nodes\":["))
                    let withFileKey = try await ProcessHTTP.api(port: port, key: "file-key", method: "info")
                    #expect(withFileKey.head.status == 401)
                }
            }
        }

        @Test("--api_insecure lets API calls in without a key; without it they get 401")
        func apiInsecureFlag() async throws {
            try await ProcessSandbox.with { sandbox in
                let file = try sandbox.write("config.json", "{\"api_key\": \"file-key\"}")
                for insecure in [true, false] {
                    let port = try await ProcessSandbox.freePort()
                    let flags = ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"]
                    try await RotorProcess.with(flags + (insecure ? ["--api_insecure"] : []), in: sandbox.directory) {
                        rotor in
                        try await rotor.waitForPort(port)
                        let response = try await ProcessHTTP.api(port: port, key: nil, method: "info")
                        #expect(response.head.status == (insecure ? 200 : 401))
                    }
                }
            }
        }

        @Test("CENTRIFUGO_API_INSECURE (a Go bool) and CENTRIFUGO_NAMESPACES (a JSON array) from the environment")
        func booleanAndNamespacesFromEnvironment() async throws {
            try await ProcessSandbox.with { sandbox in
                let file = try sandbox.write("config.json", "{\"api_key\": \"file-key\"}")
                let port = try await ProcessSandbox.freePort()
                let environment = [
                    "CENTRIFUGO_API_INSECURE": "T",
                    "CENTRIFUGO_NAMESPACES": "[{\"name\": \"chat\", \"history_size\": 10, \"history_ttl\": \"300s\"}]",
                ]
                try await RotorProcess.with(
                    ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory,
                    environment: environment
                ) { rotor in
                    try await rotor.waitForPort(port)
                    let publish = try await ProcessHTTP.api(
                        port: port, key: nil, method: "publish", params: "{\"channel\":\"chat:a\",\"data\":{}}")
                    #expect(publish.head.status == 200)
                    #expect(publish.text.hasPrefix("{\"result\":{\"offset\":1,"))
                    let history = try await ProcessHTTP.api(
                        port: port, key: nil, method: "history", params: "{\"channel\":\"chat:a\",\"limit\":5}")
                    #expect(history.text.hasPrefix("{\"result\":{\"publications\":[{\"data\":{},\"offset\":1}]"))
                }
            }
        }

        @Test("the port: --port over CENTRIFUGO_PORT over the file's port")
        func portPrecedence() async throws {
            let ports = try await ProcessSandbox.freePorts(3)
            let (filePort, environmentPort, flagPort) = (ports[0], ports[1], ports[2])
            let runs: [(flag: Int?, environment: Int?, expected: Int)] = [
                (flagPort, environmentPort, flagPort), (nil, environmentPort, environmentPort),
                (nil, nil, filePort),
            ]
            try await ProcessSandbox.with { sandbox in
                let file = try sandbox.write("config.json", "{\"port\": \(filePort), \"address\": \"127.0.0.1\"}")
                for run in runs {
                    let flags = run.flag.map { ["--port", "\($0)"] } ?? []
                    let environment = run.environment.map { ["CENTRIFUGO_PORT": "\($0)"] } ?? [:]
                    try await RotorProcess.with(
                        ["--config", file] + flags, in: sandbox.directory, environment: environment
                    ) { rotor in
                        try await rotor.waitForPort(run.expected)
                        for port in ports where port != run.expected {
                            #expect(await !RotorProcess.accepts(port: port), "also listening on \(port)")
                        }
                        rotor.send(SIGTERM)
                        #expect(try await rotor.exitStatus() == 0)
                    }
                }
            }
        }

        @Test("--log_file sends the log to that file instead of the console")
        func logFileFlag() async throws {
            try await ProcessSandbox.with { sandbox in
                let file = try sandbox.write("config.json", "{}")
                let logFile = sandbox.path("rotor.log")
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(
                    ["--config", file, "--port", "\(port)", "--address", "127.0.0.1", "--log_file", logFile],
                    in: sandbox.directory
                ) { rotor in
                    try await rotor.waitForPort(port)
                    rotor.send(SIGTERM)
                    #expect(try await rotor.exitStatus() == 0)
                    let logged = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
                    #expect(logged.contains("starting Rotor"))
                    #expect(!rotor.output.contains("starting Rotor"))
                }
            }
        }
    }
}
