import RotorNode

/// Every metric Rotor exposes on `/metrics` (`server.md` §9.1): the centrifuge library's node, client and
/// transport metrics under the `centrifugo` namespace, Centrifugo's API, proxy and connection-limit metrics,
/// and the process metrics. Label values the reference creates up front are created up front here too, so a
/// fresh server exposes the same series at zero.
public final class ServerMetrics: Sendable {
    /// The registry they live in.
    public let registry = MetricRegistry()

    /// Client command methods, as the reference labels them.
    static let clientMethods = [
        "connect", "subscribe", "unsubscribe", "publish", "presence", "presence_stats", "history", "ping", "send",
        "rpc", "refresh", "sub_refresh",
    ]
    /// The transports whose handlers count connections in the reference.
    static let countedTransports = ["websocket", "sockjs", "sse", "http_stream"]

    let messagesSent: CounterFamily
    let messagesReceived: CounterFamily
    let actions: CounterFamily
    let numClients: Gauge
    let numUsers: Gauge
    let numSubscriptions: Gauge
    let numChannels: Gauge
    let numNodes: Gauge
    let surveyDuration: SummaryFamily
    let replyErrors: CounterFamily
    let serverDisconnects: CounterFamily
    let commandDuration: SummaryFamily
    let recover: CounterFamily
    let transportConnects: CounterFamily
    let transportMessagesSent: CounterFamily
    let apiDuration: SummaryFamily
    let apiDurationHistogram: HistogramFamily
    let apiRPCDuration: SummaryFamily
    /// Proxy call latency by `protocol` and `type` (for the proxy module).
    public let proxyDuration: SummaryFamily
    /// Proxy call latency histogram by `protocol` and `type`.
    public let proxyDurationHistogram: HistogramFamily
    /// Proxy failures by `protocol` and `type`.
    public let proxyErrors: CounterFamily
    /// Granular proxy latency by `type` and `name`.
    public let granularProxyDuration: SummaryFamily
    /// Granular proxy latency histogram by `type` and `name`.
    public let granularProxyDurationHistogram: HistogramFamily
    /// Granular proxy failures by `type` and `name`.
    public let granularProxyErrors: CounterFamily
    /// Requests refused by `client_connection_limit`.
    public let connectionLimitRefusals: Counter
    let process: ProcessMetrics

    /// The metrics, with `centrifugo_node_build{version=buildVersion}` set to 1.
    public init(buildVersion: String) {
        let registry = self.registry
        messagesSent = registry.counter(
            "centrifugo_node_messages_sent_count", help: "Number of messages sent.", labels: ["type"])
        messagesReceived = registry.counter(
            "centrifugo_node_messages_received_count", help: "Number of messages received.", labels: ["type"])
        actions = registry.counter(
            "centrifugo_node_action_count", help: "Number of node actions called.", labels: ["action"])
        numClients = registry.gauge("centrifugo_node_num_clients", help: "Number of clients connected.").labels()
        numUsers = registry.gauge("centrifugo_node_num_users", help: "Number of unique users connected.").labels()
        numSubscriptions = registry.gauge("centrifugo_node_num_subscriptions", help: "Number of subscriptions.")
            .labels()
        numChannels = registry.gauge(
            "centrifugo_node_num_channels", help: "Number of channels with one or more subscribers."
        ).labels()
        numNodes = registry.gauge("centrifugo_node_num_nodes", help: "Number of nodes in cluster.").labels()
        let build = registry.gauge("centrifugo_node_build", help: "Node build info.", labels: ["version"])
        surveyDuration = registry.summary(
            "centrifugo_node_survey_duration_seconds", help: "Survey duration summary.", labels: ["op"])
        replyErrors = registry.counter(
            "centrifugo_client_num_reply_errors", help: "Number of errors in replies sent to clients.",
            labels: ["method", "code"])
        serverDisconnects = registry.counter(
            "centrifugo_client_num_server_disconnects", help: "Number of server initiated disconnects.",
            labels: ["code"])
        commandDuration = registry.summary(
            "centrifugo_client_command_duration_seconds", help: "Client command duration summary.",
            labels: ["method"])
        recover = registry.counter(
            "centrifugo_client_recover", help: "Count of recover operations.", labels: ["recovered"])
        transportConnects = registry.counter(
            "centrifugo_transport_connect_count", help: "Number of connections to specific transport.",
            labels: ["transport"])
        transportMessagesSent = registry.counter(
            "centrifugo_transport_messages_sent", help: "Number of messages sent over specific transport.",
            labels: ["transport"])
        apiDuration = registry.summary(
            "centrifugo_api_command_duration_seconds", help: "Duration of API per command.",
            labels: ["protocol", "method"])
        apiDurationHistogram = registry.histogram(
            "centrifugo_api_command_duration_seconds_histogram", help: "Histogram of duration of API per command.",
            labels: ["protocol", "method"])
        apiRPCDuration = registry.summary(
            "centrifugo_api_rpc_duration_seconds", help: "Duration of API per command.", labels: ["protocol", "method"])
        proxyDuration = registry.summary(
            "centrifugo_proxy_duration_seconds", help: "Duration of proxy call.", labels: ["protocol", "type"])
        proxyDurationHistogram = registry.histogram(
            "centrifugo_proxy_duration_seconds_histogram", help: "Histogram of duration of proxy call.",
            labels: ["protocol", "type"])
        proxyErrors = registry.counter(
            "centrifugo_proxy_errors", help: "Proxy call error count.", labels: ["protocol", "type"])
        granularProxyDuration = registry.summary(
            "centrifugo_granular_proxy_duration_seconds", help: "Duration of granular proxy call.",
            labels: ["type", "name"])
        granularProxyDurationHistogram = registry.histogram(
            "centrifugo_granular_proxy_duration_seconds_histogram",
            help: "Histogram of duration of granular proxy call.", labels: ["type", "name"])
        granularProxyErrors = registry.counter(
            "centrifugo_granular_proxy_errors", help: "Granular proxy call error count.", labels: ["type", "name"])
        connectionLimitRefusals = registry.counter(
            "centrifugo_node_client_connection_limit",
            help: "Number of refused requests due to node client connection limit."
        ).labels()
        process = ProcessMetrics(registry: registry)

        for kind in BrokerMessageKind.allCases {
            _ = messagesSent.labels(kind.rawValue)
            _ = messagesReceived.labels(kind.rawValue)
        }
        for action in NodeAction.allCases { _ = actions.labels(action.rawValue) }
        for method in Self.clientMethods + ["unknown"] { _ = commandDuration.labels(method) }
        for outcome in ["yes", "no"] { _ = recover.labels(outcome) }
        for transport in Self.countedTransports {
            _ = transportConnects.labels(transport)
            _ = transportMessagesSent.labels(transport)
        }
        build.labels(buildVersion.isEmpty ? "_" : buildVersion).set(1)
    }

    /// Records one server API command of `method` that took `seconds`.
    public func observeAPICommand(protocol: String, method: String, seconds: Double) {
        apiDuration.labels(`protocol`, method).observe(seconds)
        apiDurationHistogram.labels(`protocol`, method).observe(seconds)
    }

    /// Sets the node gauges from `node` (call on the node's loop).
    public func sample(_ node: Node) {
        numClients.set(Double(node.connectionCount))
        numUsers.set(Double(node.userCount))
        numSubscriptions.set(Double(node.subscriptionCount))
        numChannels.set(Double(node.channelCount))
        numNodes.set(1)
    }

    /// The text exposition of every metric, with the process metrics read now.
    public func exposition() -> String {
        process.refresh()
        return registry.exposition()
    }
}
