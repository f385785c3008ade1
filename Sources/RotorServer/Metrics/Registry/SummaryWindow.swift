import NIOCore

/// The quantile estimator of a summary: the most recent observations (at most `capacity`, none older than
/// `maxAge`), from which quantiles are computed exactly at scrape time. Exact quantiles over the window meet
/// any rank-error objective; the window bounds memory and forgets old data as Prometheus summaries do
/// (`docs/decisions-obs.md`).
struct SummaryWindow {
    /// Observations kept.
    static let capacity = 1024
    /// Observations older than this are not counted (the reference's 10 minute `MaxAge`).
    static let maxAge: UInt64 = 10 * 60 * 1_000_000_000

    private var values: [Double] = []
    private var times: [UInt64] = []
    private var next = 0

    /// Records `value` observed at `now` (monotonic nanoseconds).
    mutating func observe(_ value: Double, now: UInt64) {
        if values.count < Self.capacity {
            values.append(value)
            times.append(now)
        } else {
            values[next] = value
            times[next] = now
        }
        next = (next + 1) % Self.capacity
    }

    /// Each of `quantiles` (0…1) of the observations within `maxAge` of `now`, by nearest rank; NaN when
    /// there are none.
    func quantiles(_ quantiles: [Double], now: UInt64) -> [Double] {
        guard !quantiles.isEmpty else { return [] }
        let oldest = now > Self.maxAge ? now - Self.maxAge : 0
        var recent: [Double] = []
        recent.reserveCapacity(values.count)
        for index in values.indices where times[index] >= oldest { recent.append(values[index]) }
        guard !recent.isEmpty else { return quantiles.map { _ in .nan } }
        recent.sort()
        return quantiles.map { quantile in
            let rank = Int((quantile * Double(recent.count)).rounded(.up))
            return recent[min(max(rank - 1, 0), recent.count - 1)]
        }
    }

    /// Monotonic nanoseconds, the time base of `observe` and `quantile`.
    static func now() -> UInt64 { NIODeadline.now().uptimeNanoseconds }
}
