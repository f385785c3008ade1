import Logging
import NIOConcurrencyHelpers
import NIOCore
import RotorAPI
import RotorConfig
import RotorNode

/// The server's metrics and node logs, wired into its node: installs the node observer (metrics, always
/// collected as the reference's registry is, whether or not `prometheus` serves them; connection lifecycle
/// lines at `debug` level; frame tracing at `trace` level), times server API commands, fills `info`'s
/// `metrics.items`, and counts and logs `client_connection_limit` refusals.
public final class Observability: Sendable {
    /// The metrics.
    public let metrics: ServerMetrics
    let host: NodeHost
    let logger: Logger
    let connectionLimit: Int
    private let observer: NodeConfined<MetricsObserver>
    private let lastLimitWarning = NIOLockedValueBox<NIODeadline?>(nil)
    /// How long a scrape waits for the node's loop before answering with the values it has.
    static let sampleTimeout: TimeAmount = .seconds(1)
    /// The `node connection limit reached` warning is logged at most this often.
    static let limitWarningInterval: TimeAmount = .seconds(3)

    /// Observability for `host`, configured by `configuration`; installs itself on the node's loop.
    public init(configuration: RotorConfiguration, logger: Logger, host: NodeHost, buildVersion: String) {
        self.host = host
        self.logger = logger
        self.connectionLimit = configuration.client.clientConnectionLimit
        var observers: [any NodeObserver] = []
        let metrics = ServerMetrics(buildVersion: buildVersion)
        let observer = MetricsObserver(metrics: metrics)
        self.metrics = metrics
        self.observer = NodeConfined(observer)
        observers.append(observer)
        let interval = Double(configuration.general.nodeInfoMetricsAggregateInterval.nanoseconds) / 1e9
        host.onNode { [host] node in
            host.api.timeCommand = { method in
                let started = SummaryWindow.now()
                return {
                    let seconds = Double(SummaryWindow.now() - started) / 1e9
                    metrics.observeAPICommand(protocol: "http", method: method, seconds: seconds)
                }
            }
            host.api.metrics = {
                observer.flush(node)
                return APIMetrics(interval: interval, items: metrics.registry.flattened())
            }
        }
        if logger.logLevel <= .debug { observers.append(ConnectionLog(logger: logger)) }
        if logger.logLevel <= .trace { observers.append(FrameTracer(logger: logger)) }
        let installed = NodeConfined(observers.count == 1 ? observers[0] : NodeObserverFanout(observers))
        host.onNode { node in node.observer = installed.value }
    }

    /// The exposition of every metric, after bringing the node's values up to date (waiting at most
    /// `sampleTimeout` for the node's loop); completes on `loop`.
    public func exposition(on loop: any EventLoop) -> EventLoopFuture<String> {
        let metrics = self.metrics
        let observer = self.observer
        let promise = loop.makePromise(of: Void.self)
        let done = NIOLockedValueBox(false)
        let finish: @Sendable () -> Void = {
            let first = done.withLockedValue { done in
                defer { done = true }
                return !done
            }
            if first { promise.succeed(()) }
        }
        let timeout = loop.scheduleTask(in: Self.sampleTimeout) { finish() }
        host.onNode { node in
            observer.value.flush(node)
            finish()
        }
        return promise.futureResult.map {
            timeout.cancel()
            return metrics.exposition()
        }
    }

    /// A request was refused by `client_connection_limit`: counts it and warns at most every 3 seconds.
    @Sendable public func connectionLimitRefused() {
        metrics.connectionLimitRefusals.inc()
        let now = NIODeadline.now()
        let warn = lastLimitWarning.withLockedValue { last in
            if let last, now - last < Self.limitWarningInterval { return false }
            last = now
            return true
        }
        if warn {
            logger.warning("node connection limit reached", metadata: ["limit": .stringConvertible(connectionLimit)])
        }
    }
}

/// Carries a value confined to the node's loop through `Sendable` closures; it is only used on that loop.
struct NodeConfined<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
