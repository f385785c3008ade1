import Logging
import NIOConcurrencyHelpers
import NIOCore
import RotorConfig
import RotorCore
import RotorProtocol
import Testing

@testable import RotorServer

@Suite("/metrics on a running server")
struct MetricsEndpointTests {
    /// Every `centrifugo_*` and `process_*` metric a scripted session must expose.
    static let requiredNames = [
        "centrifugo_node_messages_sent_count", "centrifugo_node_messages_received_count",
        "centrifugo_node_action_count", "centrifugo_node_num_clients", "centrifugo_node_num_users",
        "centrifugo_node_num_subscriptions", "centrifugo_node_num_channels", "centrifugo_node_num_nodes",
        "centrifugo_node_build", "centrifugo_client_num_reply_errors", "centrifugo_client_num_server_disconnects",
        "centrifugo_client_command_duration_seconds", "centrifugo_client_recover",
        "centrifugo_transport_connect_count", "centrifugo_transport_messages_sent",
        "centrifugo_api_command_duration_seconds", "centrifugo_api_command_duration_seconds_histogram",
        "centrifugo_node_client_connection_limit", "process_cpu_seconds_total", "process_resident_memory_bytes",
        "process_virtual_memory_bytes", "process_open_fds", "process_max_fds", "process_start_time_seconds",
    ]

    static func startServer(_ extra: String = "") async throws -> Server {
        let config = """
            {"port": "0", "prometheus": true, "api_insecure": true, "client_insecure": true,
             "namespaces": [{"name": "ns", "history_size": 10, "history_ttl": "60s", "force_recovery": true}]\(extra)}
            """
        let loaded = try ConfigLoader.load(contents: config, format: .json, path: "metrics-test.json")
        return try await Server.start(loaded: loaded, logger: Logger(label: "metrics-test"))
    }

    static func api(_ server: Server, _ body: String) throws -> RawHTTP.Response {
        try RawHTTP.request(port: server.listeners[0].port, method: "POST", path: "/api", body: body)
    }

    /// The value of the series written exactly as `series` (name and labels), or nil.
    static func value(_ series: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test("the scrape answers with the 0.0.4 content type and every required metric after a scripted session")
    func everyMetricPresent() async throws {
        let server = try await Self.startServer()
        let client = FakeClient(server: server, transport: "websocket")
        client.send(.request(id: 1, .connect(ConnectRequest())))
        try await client.waitForMessages(1)
        client.send(.request(id: 2, .subscribe(SubscribeRequest(channel: "ns:chat"))))
        client.send(.request(id: 3, .subscribe(SubscribeRequest(channel: "unknown:chat"))))
        try await client.waitForMessages(3)
        #expect(try Self.api(server, #"{"method":"publish","params":{"channel":"ns:chat","data":{}}}"#).status == 200)
        try await client.waitForMessages(4)
        client.connection.disconnect(.forceDisconnect)
        try await client.waitForClose()

        let response = try RawHTTP.request(port: server.listeners[0].port, method: "GET", path: "/metrics")
        await server.shutdown(grace: .zero)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
        let text = response.body
        for name in Self.requiredNames {
            #expect(text.contains("# TYPE \(name) "), "missing \(name)")
        }
        #expect(
            text.split(separator: "\n").contains {
                $0.hasPrefix(#"centrifugo_node_build{version=""#) && $0.hasSuffix(#""} 1"#)
            })
        #expect(Self.value(#"centrifugo_client_num_reply_errors{code="102",method="subscribe"}"#, in: text) == 1)
        #expect(Self.value(#"centrifugo_client_num_server_disconnects{code="3503"}"#, in: text) == 1)
        #expect(Self.value(#"centrifugo_transport_connect_count{transport="websocket"}"#, in: text) == 1)
        #expect(Self.value(#"centrifugo_transport_messages_sent{transport="websocket"}"#, in: text) == 4)
        #expect(Self.value(#"centrifugo_client_command_duration_seconds_count{method="subscribe"}"#, in: text) == 2)
        #expect(Self.value(#"centrifugo_node_action_count{action="add_client"}"#, in: text) == 1)
        #expect(Self.value(#"centrifugo_node_action_count{action="remove_client"}"#, in: text) == 1)
        #expect(
            Self.value(#"centrifugo_api_command_duration_seconds_count{method="publish",protocol="http"}"#, in: text)
                == 1)
        #expect(
            Self.value(
                #"centrifugo_api_command_duration_seconds_histogram_bucket{method="publish",protocol="http",le="+Inf"}"#,
                in: text) == 1)
        #expect((Self.value("process_resident_memory_bytes", in: text) ?? 0) > 0)
    }

    @Test("publishing through the API moves node_messages_sent_count{type=\"publication\"}; gauges follow the node")
    func countersMove() async throws {
        let server = try await Self.startServer()
        let port = server.listeners[0].port
        let series = #"centrifugo_node_messages_sent_count{type="publication"}"#
        let before = try RawHTTP.request(port: port, method: "POST", path: "/metrics").body
        #expect(Self.value(series, in: before) == 0)
        #expect(Self.value("centrifugo_node_num_clients", in: before) == 0)
        for _ in 0..<3 {
            _ = try Self.api(server, #"{"method":"publish","params":{"channel":"news","data":{"n":1}}}"#)
        }
        let client = FakeClient(server: server, transport: "uni_sse")
        client.send(.request(id: 1, .connect(ConnectRequest())))
        try await client.waitForMessages(1)
        let after = try RawHTTP.request(port: port, path: "/metrics").body
        await server.shutdown(grace: .zero)
        #expect(Self.value(series, in: after) == 3)
        #expect(Self.value("centrifugo_node_num_clients", in: after) == 1)
        #expect(Self.value(#"centrifugo_transport_messages_sent{transport="uni_sse"}"#, in: after) == 1)
        #expect(Self.value(#"centrifugo_transport_connect_count{transport="uni_sse"}"#, in: after) == nil)
    }

    @Test("prometheus_handler_prefix moves the endpoint; without prometheus there is none")
    func mounting() async throws {
        let moved = try await Self.startServer(#", "prometheus_handler_prefix": "/custom/metrics""#)
        let custom = try RawHTTP.request(port: moved.listeners[0].port, path: "/custom/metrics")
        let old = try RawHTTP.request(port: moved.listeners[0].port, path: "/metrics")
        await moved.shutdown(grace: .zero)
        #expect(custom.status == 200)
        #expect(custom.body.contains("# TYPE centrifugo_node_num_clients gauge"))
        #expect(old.status == 404)

        let loaded = try ConfigLoader.load(contents: #"{"port": "0"}"#, format: .json, path: "off.json")
        let off = try await Server.start(loaded: loaded, logger: Logger(label: "metrics-test"))
        let none = try RawHTTP.request(port: off.listeners[0].port, path: "/metrics")
        await off.shutdown(grace: .zero)
        #expect(none.status == 404)
    }

    @Test("info's metrics.items carries the flattened counters and gauges")
    func infoItems() async throws {
        let server = try await Self.startServer()
        let info = try Self.api(server, #"{"method":"info","params":{}}"#)
        await server.shutdown(grace: .zero)
        #expect(info.body.contains(#""centrifugo.node.num_clients":0"#))
        #expect(info.body.contains(#""centrifugo.node.messages_sent_count.type.publication":0"#))
        #expect(info.body.contains(#""centrifugo.client.command_duration_seconds.count.method.connect":0"#))
    }
}
