import Foundation
import Testing

extension ProcessTests {
    /// `rotor --config c.json --port P --address 127.0.0.1` starts from Centrifugo v4.1 config files as they
    /// are (`server.md` §10, §1.1–§1.3) and serves real exchanges.
    @Suite("rotor starts from Centrifugo config files")
    struct Startup {
        /// Starts `rotor` with `file` on a free port, waits for the port and runs `body` with the port.
        static func serve(
            _ file: String, in sandbox: ProcessSandbox, _ body: (Int) async throws -> Void
        ) async throws {
            let port = try await ProcessSandbox.freePort()
            try await RotorProcess.with(
                ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory
            ) { rotor in
                try await rotor.waitForPort(port)
                try await body(port)
                #expect(rotor.output.contains("serving"))
            }
        }

        /// Connects over WebSocket with the recordings' token and expects a connect reply with a client id.
        static func expectWebSocketConnect(port: Int) async throws {
            let reply = try await ProcessWebSocket.with(port: port) { socket in
                try await socket.connectCommand(token: RecordedConfig.token)
            }
            #expect(reply.hasPrefix("{\"id\":1,\"connect\":{\"client\":\""))
            #expect(reply.contains("\"version\":\"4.1.5\""))
        }

        @Test(
            "a recorded session's config file serves a WebSocket connect and its own transport",
            arguments: [
                "connect_hs256_no_exp", "websocket_compression", "limits_user_connections", "ping_pong",
                "uni_http_stream_expired_token", "sockjs_info", "api_methods",
            ])
        func recordedConfig(scenario: String) async throws {
            try await ProcessSandbox.with { sandbox in
                let file = try sandbox.write("config.json", try RecordedConfig.json(scenario))
                try await Self.serve(file, in: sandbox) { port in
                    try await Self.expectWebSocketConnect(port: port)
                    let info = try await ProcessHTTP.api(port: port, key: RecordedConfig.apiKey, method: "info")
                    #expect(info.head.status == 200)
                    #expect(info.text.hasPrefix("{\"result\":{\"nodes\":[{\"uid\":\""))
                    let health = try await ProcessHTTP.get(port: port, "/health")
                    #expect(health.head.status == 200)
                    #expect(health.text == "{}")
                    if scenario.hasPrefix("uni_http_stream") {
                        let stream = try await ProcessHTTP.uniStream(port: port, token: RecordedConfig.token)
                        await stream.client.close()
                        #expect(stream.first.hasPrefix("{\"connect\":{\"client\":\""))
                    }
                    if scenario.hasPrefix("sockjs") {
                        let sockjsInfo = try await ProcessHTTP.get(port: port, "/connection/sockjs/info")
                        #expect(sockjsInfo.head.status == 200)
                        #expect(sockjsInfo.text.contains("\"websocket\":true"))
                    }
                }
            }
        }

        /// The same options as YAML and as TOML: a history namespace, the API key and the health endpoint.
        static let variants: [(name: String, contents: String)] = [
            (
                "config.yaml",
                """
                token_hmac_secret_key: \(RecordedConfig.secret)
                api_key: \(RecordedConfig.apiKey)
                health: true
                namespaces:
                  - name: chat
                    history_size: 10
                    history_ttl: 300s
                """
            ),
            (
                "config.toml",
                """
                token_hmac_secret_key = "\(RecordedConfig.secret)"
                api_key = "\(RecordedConfig.apiKey)"
                health = true

                [[namespaces]]
                name = "chat"
                history_size = 10
                history_ttl = "300s"
                """
            ),
        ]

        @Test("a YAML and a TOML config file: WebSocket connect, and history kept in the file's namespace")
        func yamlAndToml() async throws {
            for variant in Self.variants {
                try await ProcessSandbox.with { sandbox in
                    let file = try sandbox.write(variant.name, variant.contents)
                    try await Self.serve(file, in: sandbox) { port in
                        try await Self.expectWebSocketConnect(port: port)
                        let publish = try await ProcessHTTP.api(
                            port: port, key: RecordedConfig.apiKey, method: "publish",
                            params: "{\"channel\":\"chat:a\",\"data\":{\"n\":1}}")
                        #expect(publish.head.status == 200, "\(variant.name): \(publish.text)")
                        let history = try await ProcessHTTP.api(
                            port: port, key: RecordedConfig.apiKey, method: "history",
                            params: "{\"channel\":\"chat:a\",\"limit\":10}")
                        #expect(history.text.hasPrefix("{\"result\":{\"publications\":[{\"data\":{\"n\":1}"))
                        let noHistory = try await ProcessHTTP.api(
                            port: port, key: RecordedConfig.apiKey, method: "history",
                            params: "{\"channel\":\"other\",\"limit\":10}")
                        #expect(noHistory.text.contains("\"code\":108"), "\(variant.name): \(noHistory.text)")
                    }
                }
            }
        }

        @Test("without a config file the server warns and serves with the defaults")
        func noConfigFile() async throws {
            try await ProcessSandbox.with { sandbox in
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(["--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory) {
                    rotor in
                    try await rotor.waitForPort(port)
                    let response = try await ProcessHTTP.api(port: port, key: nil, method: "info")
                    #expect(response.head.status == 401)
                    #expect(rotor.stderr.contains("config file not found"))
                }
            }
        }
    }
}
