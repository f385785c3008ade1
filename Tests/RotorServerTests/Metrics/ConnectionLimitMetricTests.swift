import Foundation
import Logging
import RotorConfig
import Testing

@testable import RotorServer

@Suite("client_connection_limit metric and warning")
struct ConnectionLimitMetricTests {
    @Test("refusals by client_connection_limit count in the metric; the warning is logged once per 3 s")
    func refusals() async throws {
        let path = NSTemporaryDirectory() + "rotor-limit-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try LogSink.appending(to: path).get()
        let logger = Logger(label: "limit-test") { _ in RotorLogHandler(sink: sink, format: .json, level: .info) }
        let loaded = try ConfigLoader.load(
            contents: #"{"port": "0", "prometheus": true, "client_insecure": true, "client_connection_limit": 1}"#,
            format: .json, path: "limit.json")
        let server = try await Server.start(loaded: loaded, logger: logger)
        let port = server.listeners[0].port
        _ = FakeClient(server: server, transport: "websocket")
        let first = try RawHTTP.request(port: port, path: "/connection/websocket")
        let second = try RawHTTP.request(port: port, path: "/connection/websocket")
        _ = try RawHTTP.request(port: port, path: "/connection/websocket")
        let metrics = try RawHTTP.request(port: port, path: "/metrics").body
        await server.shutdown(grace: .zero)
        #expect(first.status == 503)
        #expect(second.status == 503)
        #expect(MetricsEndpointTests.value("centrifugo_node_client_connection_limit", in: metrics) == 3)
        let warnings = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter {
            $0.contains(#""message":"node connection limit reached""#)
        }
        // Three refusals in quick succession: at least one warning is suppressed (two would need a 3 s stall).
        #expect((1...2).contains(warnings.count))
        #expect(warnings.first?.contains(#""level":"warn","limit":1,"#) == true)
    }
}
