import OrderedCollections

/// The `metrics` object of a node in the `info` result: the aggregation interval and the flattened
/// metric values of the last snapshot.
public struct APIMetrics: Sendable, Hashable {
    /// Seconds between snapshots (`node_info_metrics_aggregate_interval`).
    public var interval: Double
    /// Metric name → value.
    public var items: OrderedDictionary<String, Double>

    /// Metrics.
    public init(interval: Double, items: OrderedDictionary<String, Double> = [:]) {
        self.interval = interval
        self.items = items
    }
}
