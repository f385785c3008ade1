import NIOCore
import RotorCore
import RotorNode
import RotorProtocol

/// Feeds `ServerMetrics` from the node's events. Confined to the node's loop: per-message counts are plain
/// tallies there, moved into the registry by `flush` when `/metrics` or `info` reads them; command timings
/// and reply errors go to the registry as they happen.
final class MetricsObserver: NodeObserver {
    /// A command waiting for its reply.
    private struct Pending {
        var method: String
        var started: UInt64
        /// A subscribe that asked for recovery.
        var recovering: Bool
    }

    let metrics: ServerMetrics
    private var pending: [ObjectIdentifier: [UInt32: Pending]] = [:]
    private var messagesByTransport: [String: Int] = [:]
    private var actions: [NodeAction: Int] = [:]
    private var brokerSent: [BrokerMessageKind: Int] = [:]
    private var brokerReceived: [BrokerMessageKind: Int] = [:]

    init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    func opened(_ connection: ConnectionHandle) {
        let name = connection.transport.name
        if ServerMetrics.countedTransports.contains(name) { metrics.transportConnects.labels(name).inc() }
    }

    func left(_ connection: ConnectionHandle) {
        pending[ObjectIdentifier(connection)] = nil
    }

    func received(_ command: ClientCommand, from connection: ConnectionHandle) {
        let now = SummaryWindow.now()
        switch command {
        case .request(let id, let request):
            guard id != 0 else { return }
            var recovering = false
            if case .subscribe(let subscribe) = request { recovering = subscribe.recover }
            pending[ObjectIdentifier(connection), default: [:]][id] = Pending(
                method: request.methodName, started: now, recovering: recovering)
        case .unknownV1Method(let id):
            pending[ObjectIdentifier(connection), default: [:]][id] = Pending(
                method: "unknown", started: now, recovering: false)
        case .pong, .malformed:
            break
        }
    }

    func sent(_ message: NodeMessage, to connection: ConnectionHandle) {
        messagesByTransport[connection.transport.name, default: 0] += 1
        guard case .reply(let reply) = message, reply.id != 0 else { return }
        let key = ObjectIdentifier(connection)
        guard let command = pending[key]?.removeValue(forKey: reply.id) else { return }
        if pending[key]?.isEmpty == true { pending[key] = nil }
        let seconds = Double(SummaryWindow.now() - command.started) / 1e9
        metrics.commandDuration.labels(command.method).observe(seconds)
        if let error = reply.error {
            metrics.replyErrors.labels(command.method, String(error.code)).inc()
        }
        if command.recovering, let result = reply.subscribe, result.recoverable {
            metrics.recover.labels(result.recovered ? "yes" : "no").inc()
        }
    }

    func closed(_ connection: ConnectionHandle, with disconnect: Disconnect) {
        guard disconnect.code != Disconnect.connectionClosed.code else { return }
        metrics.serverDisconnects.labels(String(disconnect.code)).inc()
    }

    func recorded(_ event: NodeEvent) {
        switch event {
        case .action(let action): actions[action, default: 0] += 1
        case .messageSent(let kind): brokerSent[kind, default: 0] += 1
        case .messageReceived(let kind): brokerReceived[kind, default: 0] += 1
        }
    }

    /// Moves the tallies into the registry and samples the node's gauges (on the node's loop).
    func flush(_ node: Node) {
        for (transport, count) in messagesByTransport {
            metrics.transportMessagesSent.labels(transport).inc(by: Double(count))
        }
        for (action, count) in actions { metrics.actions.labels(action.rawValue).inc(by: Double(count)) }
        for (kind, count) in brokerSent { metrics.messagesSent.labels(kind.rawValue).inc(by: Double(count)) }
        for (kind, count) in brokerReceived {
            metrics.messagesReceived.labels(kind.rawValue).inc(by: Double(count))
        }
        messagesByTransport.removeAll(keepingCapacity: true)
        actions.removeAll(keepingCapacity: true)
        brokerSent.removeAll(keepingCapacity: true)
        brokerReceived.removeAll(keepingCapacity: true)
        metrics.sample(node)
    }

}
