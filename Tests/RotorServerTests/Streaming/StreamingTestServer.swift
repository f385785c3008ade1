import Logging
import NIOCore
import RotorConfig
import Testing

@testable import RotorServer

/// A real server with the streaming transports on 127.0.0.1 (free port) for one test, and the tokens and API
/// calls the tests use. The tokens are the recordings' (HS256 with the recordings' secret).
struct StreamingTestServer {
    static let secret = "rotor-recording-secret-0123456789abcdef-0123456789abcdef"
    static let apiKey = "streaming-test-api-key"
    /// `{"sub":"42"}`.
    static let token =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.wqHQrC_lc4UR-Fn085upbt9tvt3a8djwAKgvWhL1VfY"
    /// `{"sub":"42","channels":["news:uni"]}`.
    static let newsToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImNoYW5uZWxzIjpbIm5ld3M6dW5pIl19.agkAQs49g4fdMrYca6wKKDG2hhSQqvcKicTC3N91Eqw"
    /// `{"sub":"42","channels":["hist:uni"]}`.
    static let historyToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImNoYW5uZWxzIjpbImhpc3Q6dW5pIl19.f3k6woIGQT9rkYSSDLIWMqTU-UMbY0VySB9gRL1uiRE"
    /// `{"sub":"42","exp":1795930958}` (long expired).
    static let expiredToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImV4cCI6MTc5NTkzMDk1OH0.Wlh1vQ2nYMYOPKqt9SWVE3Y0l338dqZfZR_GzOo94bM"

    let server: Server
    /// The external listener's port.
    var port: Int { server.listeners[0].port }

    /// Runs `body` against a server with every streaming transport on, plus the `extra` JSON members.
    static func run(extra: String = "", _ body: (StreamingTestServer) async throws -> Void) async throws {
        let config = """
            {"token_hmac_secret_key": "\(secret)", "api_key": "\(apiKey)", "address": "127.0.0.1", "port": "0",
             "http_stream": true, "sse": true, "uni_sse": true, "uni_http_stream": true,
             "namespaces": [
               {"name": "news", "allow_subscribe_for_client": true},
               {"name": "hist", "history_size": 10, "history_ttl": "300s"},
               {"name": "room", "allow_subscribe_for_client": true, "presence": true,
                "allow_presence_for_client": true}
             ]\(extra.isEmpty ? "" : ", " + extra)}
            """
        let loaded = try ConfigLoader.load(contents: config, format: .json, path: "streaming-test.json")
        let logger = Logger(label: "streaming-test", factory: { _ in SwiftLogNoOpLogHandler() })
        let server = try await Server.start(loaded: loaded, logger: logger)
        do {
            try await body(StreamingTestServer(server: server))
        } catch {
            await server.shutdown(grace: .zero)
            throw error
        }
        await server.shutdown(grace: .zero)
    }

    /// A new connection to the server.
    func client() async throws -> HTTPTestClient {
        try await HTTPTestClient.connect(port: port)
    }

    /// Calls the server API with one command and returns its response body.
    @discardableResult
    func api(_ method: String, _ params: String) async throws -> String {
        let client = try await client()
        try await client.send(
            "POST", "/api",
            headers: [("Content-Type", "application/json"), ("Authorization", "apikey \(Self.apiKey)")],
            text: "{\"method\":\"\(method)\",\"params\":\(params)}")
        let response = try await client.response()
        await client.close()
        #expect(response.head.status == 200)
        return response.text
    }

    /// The value of string member `key` in a JSON text (first occurrence), for ids the server generated.
    static func stringMember(_ key: String, in text: String) -> String? {
        guard let start = text.range(of: "\"\(key)\":\"") else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}

/// The headers of `head` as name/value pairs without the transfer framing, for exact comparisons.
func significantHeaders(_ head: HTTPTestClient.Head) -> [String] {
    head.headers.filter { $0.name.lowercased() != "transfer-encoding" }.map { "\($0.name): \($0.value)" }
}
