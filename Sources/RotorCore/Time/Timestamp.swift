/// A point in time, in nanoseconds since the Unix epoch.
///
/// Every time-dependent decision in the pure modules takes a `Timestamp` as input, so tests and the
/// simulation drive time explicitly; only the I/O shells read a real clock.
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64

    /// The instant `nanoseconds` after the Unix epoch.
    public init(nanosecondsSinceEpoch nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The instant `seconds` whole seconds after the Unix epoch.
    public static func unixSeconds(_ seconds: Int64) -> Timestamp {
        Timestamp(nanosecondsSinceEpoch: seconds &* 1_000_000_000)
    }

    /// The Unix time in whole seconds, rounded down (what JWT `exp` and the reference's checks compare).
    public var unixSeconds: Int64 {
        nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
    }

    /// Earlier instants come first.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// The instant `duration` later.
    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(nanosecondsSinceEpoch: lhs.nanoseconds &+ rhs.nanoseconds)
    }

    /// The instant `duration` earlier.
    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(nanosecondsSinceEpoch: lhs.nanoseconds &- rhs.nanoseconds)
    }

    /// The time from `rhs` to `lhs`.
    public static func - (lhs: Timestamp, rhs: Timestamp) -> Duration {
        .nanoseconds(lhs.nanoseconds &- rhs.nanoseconds)
    }

    /// Seconds since the epoch with nine decimals, e.g. `1700000000.075919680s`.
    public var description: String {
        let fraction = String(abs(nanoseconds % 1_000_000_000))
        let padded = String(repeating: "0", count: 9 - fraction.count) + fraction
        let sign = nanoseconds < 0 && nanoseconds > -1_000_000_000 ? "-" : ""
        return "\(sign)\(nanoseconds / 1_000_000_000).\(padded)s"
    }
}

extension Duration {
    /// The duration as whole nanoseconds (saturating at `Int64` bounds).
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return product &+ attoseconds / 1_000_000_000
    }

    /// The duration in whole seconds, truncated toward zero (how the reference turns TTLs into seconds).
    public var wholeSeconds: Int64 { components.seconds }
}
