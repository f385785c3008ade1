import Logging
import NIOCore
import RotorConfig

@testable import RotorServer

/// A real server on 127.0.0.1:0 with SockJS on, configured like the recordings' server.
struct SockJSTestServer {
    /// A connection token for user `42`, signed with `secret` (as in the recordings).
    static let token42 =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.wqHQrC_lc4UR-Fn085upbt9tvt3a8djwAKgvWhL1VfY"
    static let secret = "rotor-recording-secret-0123456789abcdef-0123456789abcdef"
    static let apiKey = "rotor-recording-api-key"

    let server: Server
    var port: Int { server.listeners[0].port }
    var group: any EventLoopGroup { server.group }

    /// Runs `body` against a fresh server whose config adds `extra` JSON members, then shuts it down.
    static func run(
        extra: String = "", _ body: (SockJSTestServer) async throws -> Void
    ) async throws {
        let config = """
            {"token_hmac_secret_key": "\(secret)", "api_key": "\(apiKey)",
             "namespaces": [{"name": "news", "allow_subscribe_for_client": true, "allow_publish_for_client": true}],
             "sockjs": true, "address": "127.0.0.1", "port": 0\(extra.isEmpty ? "" : ", " + extra)}
            """
        let loaded = try ConfigLoader.load(contents: config, format: .json, path: "sockjs-test.json")
        let logger = Logger(label: "sockjs-test") { _ in SwiftLogNoOpLogHandler() }
        let server = try await Server.start(loaded: loaded, logger: logger)
        do {
            try await body(SockJSTestServer(server: server))
        } catch {
            await server.shutdown(grace: .zero)
            throw error
        }
        await server.shutdown(grace: .zero)
    }

    /// A new raw connection to the server.
    func connect() async throws -> SockJSRawConnection {
        try await SockJSRawConnection.connect(port: port, group: group)
    }

    /// One request on a new connection; returns the complete response.
    func exchange(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil
    ) async throws -> SockJSRawHTTP.Response {
        let connection = try await connect()
        try await connection.send(SockJSRawHTTP.request(method, target, headers: headers, body: body))
        let response = try await connection.wait { bytes, closed in
            SockJSRawHTTP.parse(bytes, closed: closed).flatMap { $0.complete ? $0 : nil }
        }
        await connection.close()
        return response
    }

    /// Calls the server API with `command` (one JSON line).
    @discardableResult
    func api(_ command: String) async throws -> SockJSRawHTTP.Response {
        try await exchange(
            "POST", "/api",
            headers: [("Content-Type", "application/json"), ("Authorization", "apikey \(Self.apiKey)")],
            body: command)
    }
}
