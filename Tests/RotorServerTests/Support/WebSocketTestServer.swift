import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import RotorConfig

@testable import RotorServer

/// A real server on a loopback port for the WebSocket integration tests, with the recordings' HS256 secret and
/// API key, plus a tiny HTTP client for the server API.
struct WebSocketTestServer {
    /// `{"sub":"42"}` signed with `secret` (from the recordings).
    static let token =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.wqHQrC_lc4UR-Fn085upbt9tvt3a8djwAKgvWhL1VfY"
    /// `{"sub":"42","channels":["news:uni"]}` signed with `secret` (from the recordings).
    static let uniToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImNoYW5uZWxzIjpbIm5ld3M6dW5pIl19.agkAQs49g4fdMrYca6wKKDG2hhSQqvcKicTC3N91Eqw"
    static let secret = "rotor-recording-secret-0123456789abcdef-0123456789abcdef"
    static let apiKey = "rotor-test-api-key"

    let server: Server
    let group: MultiThreadedEventLoopGroup
    /// Every client opened, closed before the server stops (so the node still runs when they go away).
    let clients = NIOLockedValueBox<[WebSocketTestClient]>([])

    var port: Int { server.listeners[0].port }

    /// Runs `body` against a server whose config is the base config plus `extra` JSON members (`"key": value,
    /// …`), then shuts it down.
    static func with<T>(
        _ extra: String = "", testRoutes: Bool = false, _ body: (WebSocketTestServer) async throws -> T
    ) async throws -> T {
        let config = """
            {"token_hmac_secret_key": "\(secret)", "api_key": "\(apiKey)", "address": "127.0.0.1", "port": "0",
             "namespaces": [{"name": "chat", "allow_subscribe_for_client": true, "allow_publish_for_subscriber": true,
                             "history_size": 10, "history_ttl": "300s"},
                            {"name": "news"}]\(extra.isEmpty ? "" : ", " + extra)}
            """
        let loaded = try ConfigLoader.load(contents: config, format: .json, path: "test.json")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let logger = Logger(label: "rotor-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let server = try await Server.start(loaded: loaded, logger: logger, group: group, testRoutes: testRoutes)
        let harness = WebSocketTestServer(server: server, group: group)
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    private func stop() async {
        for client in clients.withLockedValue({ $0 }) { await client.close() }
        try? await Task.sleep(for: .milliseconds(20))
        await server.shutdown(grace: .milliseconds(10))
        try? await group.shutdownGracefully()
    }

    /// Opens a WebSocket to `target` with extra request headers.
    func connect(
        _ target: String = "/connection/websocket", headers: [(String, String)] = [], method: String = "GET",
        upgrade: Bool = true, receiveBuffer: Int? = nil
    ) async throws -> WebSocketTestClient {
        let client = try await WebSocketTestClient.connect(
            port: port, target: target, method: method, headers: headers, upgrade: upgrade,
            receiveBuffer: receiveBuffer, group: group)
        clients.withLockedValue { $0.append(client) }
        return client
    }

    /// Calls the server API with one JSON command and returns the response body.
    func api(_ command: String) async throws -> String {
        let client = try await WebSocketTestClient.connect(
            port: port, target: "/api", method: "POST",
            headers: [("Authorization", "apikey \(Self.apiKey)"), ("Content-Type", "application/json")],
            upgrade: false, body: command, group: group)
        await client.close()
        return client.handshake.body
    }
}
