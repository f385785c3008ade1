import Foundation
import Testing

extension ProcessTests {
    /// SIGTERM and SIGINT shut `rotor` down gracefully (`server.md` §7.2): clients get 3001 `shutdown`, the
    /// process exits 0 and removes its pid file.
    @Suite("rotor shuts down gracefully on a signal")
    struct Shutdown {
        @Test(
            "WebSocket gets Close 3001 shutdown, uni_http_stream gets the disconnect line, exit 0, pid file gone",
            arguments: [SIGTERM, SIGINT])
        func shutdown(signal: Int32) async throws {
            try await ProcessSandbox.with { sandbox in
                let pidFile = sandbox.path("rotor.pid")
                let config = """
                    {"token_hmac_secret_key": "\(RecordedConfig.secret)", "uni_http_stream": true,
                     "pid_file": "\(pidFile)"}
                    """
                let file = try sandbox.write("config.json", config)
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(
                    ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory
                ) { rotor in
                    try await rotor.waitForPort(port)
                    let written = try String(contentsOfFile: pidFile, encoding: .utf8)
                    #expect(written.trimmingCharacters(in: .whitespacesAndNewlines) == "\(rotor.pid)")
                    let stream = try await ProcessHTTP.uniStream(port: port, token: RecordedConfig.token)
                    #expect(stream.first.hasPrefix("{\"connect\":{\"client\":\""))
                    try await ProcessWebSocket.with(port: port) { socket in
                        let reply = try await socket.connectCommand(token: RecordedConfig.token)
                        #expect(reply.hasPrefix("{\"id\":1,\"connect\":{\"client\":\""))
                        rotor.send(signal)
                        let frames = try await socket.frames { frames in frames.contains { $0.opcode == 8 } }
                        let close = frames.first { $0.opcode == 8 }?.close
                        #expect(close?.code == 3001)
                        #expect(close?.reason == "shutdown")
                    }
                    let body = String(decoding: try await stream.client.bodyToEnd(), as: UTF8.self)
                    await stream.client.close()
                    #expect(body == stream.first + "{\"disconnect\":{\"code\":3001,\"reason\":\"shutdown\"}}\n")
                    #expect(try await rotor.exitStatus() == 0)
                    #expect(!FileManager.default.fileExists(atPath: pidFile))
                }
            }
        }

        @Test(
            "a client that never completes the closing handshake: shutdown_timeout ends the process, exit 1, pid file gone"
        )
        func shutdownTimeout() async throws {
            try await ProcessSandbox.with { sandbox in
                let pidFile = sandbox.path("rotor.pid")
                let config = """
                    {"token_hmac_secret_key": "\(RecordedConfig.secret)", "shutdown_timeout": "1s",
                     "pid_file": "\(pidFile)"}
                    """
                let file = try sandbox.write("config.json", config)
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(
                    ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory
                ) { rotor in
                    try await rotor.waitForPort(port)
                    try await ProcessWebSocket.with(port: port) { socket in
                        let reply = try await socket.connectCommand(token: RecordedConfig.token)
                        #expect(reply.hasPrefix("{\"id\":1,\"connect\":{\"client\":\""))
                        rotor.send(SIGTERM)
                        _ = try await socket.frames { frames in frames.contains { $0.opcode == 8 } }
                        #expect(try await rotor.exitStatus() == 1)
                    }
                    #expect(rotor.stderr.contains("shutdown timeout reached"))
                    #expect(!FileManager.default.fileExists(atPath: pidFile))
                }
            }
        }

        @Test("SIGHUP re-validates the config file and keeps serving; a broken file is reported, not fatal")
        func hangUp() async throws {
            try await ProcessSandbox.with { sandbox in
                let file = try sandbox.write("config.json", "{\"api_key\": \"k\"}")
                let port = try await ProcessSandbox.freePort()
                try await RotorProcess.with(
                    ["--config", file, "--port", "\(port)", "--address", "127.0.0.1"], in: sandbox.directory
                ) { rotor in
                    try await rotor.waitForPort(port)
                    rotor.send(SIGHUP)
                    try await rotor.waitForOutput("reloading configuration")
                    #expect(try await ProcessHTTP.api(port: port, key: "k", method: "info").head.status == 200)
                    try sandbox.write("config.json", "{\"history_size\": \"ten\"}")
                    rotor.send(SIGHUP)
                    try await rotor.waitForOutput("reloading configuration", count: 2)
                    try await rotor.waitForOutput("history_size: expected an integer")
                    #expect(rotor.stderr.contains("config.json: history_size"))
                    #expect(try await ProcessHTTP.api(port: port, key: "k", method: "info").head.status == 200)
                    rotor.send(SIGTERM)
                    #expect(try await rotor.exitStatus() == 0)
                }
            }
        }
    }
}
