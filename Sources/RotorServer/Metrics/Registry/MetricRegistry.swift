import NIOConcurrencyHelpers

/// A set of metric families, rendered together in the Prometheus text format. Thread-safe.
public final class MetricRegistry: Sendable {
    /// The summary objectives of the reference's summaries: quantile → allowed rank error.
    public static let defaultObjectives: [(quantile: Double, error: Double)] = [
        (0.5, 0.05), (0.99, 0.001), (0.999, 0.0001),
    ]
    /// Prometheus's default histogram buckets.
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let families = NIOLockedValueBox<[String: MetricFamily]>([:])

    /// An empty registry.
    public init() {}

    /// Registers a counter family.
    public func counter(_ name: String, help: String, labels: [String] = []) -> CounterFamily {
        CounterFamily(family: register(MetricFamily(name: name, help: help, kind: .counter, labelNames: labels)))
    }

    /// Registers a gauge family.
    public func gauge(_ name: String, help: String, labels: [String] = []) -> GaugeFamily {
        GaugeFamily(family: register(MetricFamily(name: name, help: help, kind: .gauge, labelNames: labels)))
    }

    /// Registers a summary family with `objectives`.
    public func summary(
        _ name: String, help: String, labels: [String] = [],
        objectives: [(quantile: Double, error: Double)] = defaultObjectives
    ) -> SummaryFamily {
        SummaryFamily(
            family: register(
                MetricFamily(
                    name: name, help: help, kind: .summary, labelNames: labels,
                    objectives: objectives.sorted { $0.quantile < $1.quantile })))
    }

    /// Registers a histogram family with `buckets` (upper bounds; `+Inf` is implied).
    public func histogram(
        _ name: String, help: String, labels: [String] = [], buckets: [Double] = defaultBuckets
    ) -> HistogramFamily {
        HistogramFamily(
            family: register(
                MetricFamily(
                    name: name, help: help, kind: .histogram, labelNames: labels, buckets: buckets.sorted())))
    }

    private func register(_ family: MetricFamily) -> MetricFamily {
        families.withLockedValue { families in
            precondition(families[family.name] == nil, "metric \(family.name) registered twice")
            families[family.name] = family
        }
        return family
    }

    /// Every registered family, sorted by name.
    public var allFamilies: [MetricFamily] {
        families.withLockedValue { Array($0.values) }.sorted { $0.name < $1.name }
    }

    /// The text exposition format 0.0.4 of every family that has children.
    public func exposition() -> String {
        var text = ""
        let now = SummaryWindow.now()
        for family in allFamilies {
            ExpositionFormat.write(family, samples: family.snapshot(now: now), into: &text)
        }
        return text
    }
}
