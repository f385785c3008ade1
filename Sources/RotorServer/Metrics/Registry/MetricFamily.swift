import NIOConcurrencyHelpers

/// The Prometheus type of a metric family.
public enum MetricKind: String, Sendable {
    /// A value that only goes up.
    case counter
    /// A value that goes up and down.
    case gauge
    /// Observations with quantiles, sum and count.
    case summary
    /// Observations counted in buckets, with sum and count.
    case histogram
}

/// One metric family: a name, help, type and label names, and one child per set of label values. Thread-safe:
/// every read and write of its children happens under its lock.
public final class MetricFamily: @unchecked Sendable {
    /// The metric name.
    public let name: String
    /// The `# HELP` text.
    public let help: String
    /// The type.
    public let kind: MetricKind
    /// The label names, in order.
    public let labelNames: [String]
    /// Indices of `labelNames` in name order: the exposition writes label pairs sorted by name, as the
    /// reference's client library does.
    let exposedLabelOrder: [Int]
    /// Histogram upper bounds (ascending, without `+Inf`).
    let buckets: [Double]
    /// Summary quantiles and their allowed rank errors.
    let objectives: [(quantile: Double, error: Double)]
    let lock = NIOLock()
    private var children: [[String]: MetricChild] = [:]

    init(
        name: String, help: String, kind: MetricKind, labelNames: [String], buckets: [Double] = [],
        objectives: [(quantile: Double, error: Double)] = []
    ) {
        self.name = name
        self.help = help
        self.kind = kind
        self.labelNames = labelNames
        self.exposedLabelOrder = labelNames.indices.sorted { labelNames[$0] < labelNames[$1] }
        self.buckets = buckets
        self.objectives = objectives
    }

    /// The child for `values` (one per label name), created at zero the first time.
    func child(_ values: [String]) -> MetricChild {
        precondition(values.count == labelNames.count, "\(name): wrong number of label values")
        return lock.withLock {
            if let child = children[values] { return child }
            let child = MetricChild(bucketCount: buckets.count)
            children[values] = child
            return child
        }
    }

    /// Applies `change` to a child under the family's lock.
    func update(_ child: MetricChild, _ change: (MetricChild) -> Void) {
        lock.withLock { change(child) }
    }

    /// A consistent copy of every child, its label pairs in name order, sorted by label values.
    func snapshot(now: UInt64) -> [MetricSample] {
        lock.withLock {
            children.map { values, child in
                MetricSample(
                    labels: exposedLabelOrder.map { (labelNames[$0], values[$0]) }, value: child.value,
                    count: child.count, sum: child.sum,
                    bucketCounts: child.bucketCounts,
                    quantiles: Array(
                        zip(
                            objectives.map(\.quantile),
                            child.window.quantiles(objectives.map(\.quantile), now: now))))
            }
        }.sorted { $0.labels.map(\.value).lexicographicallyPrecedes($1.labels.map(\.value)) }
    }
}

/// The state of one child of a family; only touched under its family's lock (hence `@unchecked Sendable`).
final class MetricChild: @unchecked Sendable {
    /// Counter or gauge value.
    var value: Double = 0
    /// Summary and histogram: number of observations.
    var count: UInt64 = 0
    /// Summary and histogram: sum of observations.
    var sum: Double = 0
    /// Histogram: non-cumulative count per bucket.
    var bucketCounts: [UInt64]
    /// Summary: the recent observations.
    var window = SummaryWindow()

    init(bucketCount: Int) {
        bucketCounts = Array(repeating: 0, count: bucketCount)
    }
}

/// A copy of one child's values at exposition time.
struct MetricSample {
    var labels: [(name: String, value: String)]
    var value: Double
    var count: UInt64
    var sum: Double
    var bucketCounts: [UInt64]
    var quantiles: [(quantile: Double, value: Double)]
}
