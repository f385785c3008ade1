/// A counter of one family child: only goes up.
public struct Counter: Sendable {
    let family: MetricFamily
    let child: MetricChild

    /// Adds `amount` (≥ 0).
    public func inc(by amount: Double = 1) {
        family.update(child) { $0.value += amount }
    }

    /// Sets the value read from elsewhere (a collector such as the process's CPU time).
    func store(_ value: Double) {
        family.update(child) { $0.value = value }
    }
}

/// A gauge of one family child.
public struct Gauge: Sendable {
    let family: MetricFamily
    let child: MetricChild

    /// Sets the value.
    public func set(_ value: Double) {
        family.update(child) { $0.value = value }
    }

    /// Adds `amount` (may be negative).
    public func add(_ amount: Double) {
        family.update(child) { $0.value += amount }
    }
}

/// A summary of one family child: quantiles over recent observations, plus sum and count.
public struct Summary: Sendable {
    let family: MetricFamily
    let child: MetricChild

    /// Records one observation.
    public func observe(_ value: Double) {
        let now = SummaryWindow.now()
        family.update(child) {
            $0.count += 1
            $0.sum += value
            $0.window.observe(value, now: now)
        }
    }
}

/// A histogram of one family child: observations counted in buckets, plus sum and count.
public struct Histogram: Sendable {
    let family: MetricFamily
    let child: MetricChild

    /// Records one observation.
    public func observe(_ value: Double) {
        let bucket = family.buckets.firstIndex { value <= $0 }
        family.update(child) {
            $0.count += 1
            $0.sum += value
            if let bucket { $0.bucketCounts[bucket] += 1 }
        }
    }
}

/// A family of counters, one per set of label values.
public struct CounterFamily: Sendable {
    /// The family.
    public let family: MetricFamily
    /// The counter for `values`, one per label name.
    public func labels(_ values: String...) -> Counter { Counter(family: family, child: family.child(values)) }
}

/// A family of gauges, one per set of label values.
public struct GaugeFamily: Sendable {
    /// The family.
    public let family: MetricFamily
    /// The gauge for `values`, one per label name.
    public func labels(_ values: String...) -> Gauge { Gauge(family: family, child: family.child(values)) }
}

/// A family of summaries, one per set of label values.
public struct SummaryFamily: Sendable {
    /// The family.
    public let family: MetricFamily
    /// The summary for `values`, one per label name.
    public func labels(_ values: String...) -> Summary { Summary(family: family, child: family.child(values)) }
}

/// A family of histograms, one per set of label values.
public struct HistogramFamily: Sendable {
    /// The family.
    public let family: MetricFamily
    /// The histogram for `values`, one per label name.
    public func labels(_ values: String...) -> Histogram { Histogram(family: family, child: family.child(values)) }
}
