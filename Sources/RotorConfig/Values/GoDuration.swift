/// A duration with Go's `time.Duration` text forms: parsed like `time.ParseDuration` and printed like
/// `Duration.String()` (`1h0m0s`, `1.5s`, `500µs`, `0s`), which Centrifugo's messages show.
public struct GoDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Length in nanoseconds (may be negative).
    public var nanoseconds: Int64

    /// A duration of `nanoseconds`.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The Go duration closest to `duration` (truncated to whole nanoseconds, clamped to Int64).
    public init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, overflow2) = product.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow || overflow2 {
            nanoseconds = seconds < 0 ? .min : .max
        } else {
            nanoseconds = sum
        }
    }

    /// The same length as a Swift `Duration`.
    public var duration: Duration { .nanoseconds(nanoseconds) }

    /// Orders by length.
    public static func < (lhs: GoDuration, rhs: GoDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// One nanosecond, microsecond, millisecond, second, minute and hour in nanoseconds.
    static let nanosecond: UInt64 = 1
    static let microsecond: UInt64 = 1_000
    static let millisecond: UInt64 = 1_000_000
    static let second: UInt64 = 1_000_000_000
    static let minute: UInt64 = 60 * second
    static let hour: UInt64 = 60 * minute
}
