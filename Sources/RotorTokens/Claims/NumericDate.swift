import RotorCore

/// A JWT `exp` / `nbf` / `iat` value: seconds since the Unix epoch, fractions kept to the nanosecond.
///
/// The reference (cristalhq/jwt `NumericDate`) accepts integer and fractional numbers and keeps the
/// fraction, then compares with `time.After` / `time.Before` at full precision. `seconds` is the floor,
/// `nanoseconds` the non-negative remainder.
struct NumericDate: Hashable, Sendable {
    var seconds: Int64
    var nanoseconds: Int64

    /// Nil for values a Go `float64` cannot hold (±Inf, which `strconv.ParseFloat` reports as a range error).
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        let floor = value.rounded(.down)
        if floor >= 9.223_372_036_854_775_807e18 {
            (seconds, nanoseconds) = (.max, 0)
        } else if floor < -9.223_372_036_854_775_808e18 {
            (seconds, nanoseconds) = (.min, 0)
        } else {
            seconds = Int64(floor)
            nanoseconds = min(Int64((value - floor) * 1e9), 999_999_999)
        }
    }

    /// Parses the text of a JSON number (also what Go's `json.Number` accepts inside a JSON string).
    init?(numberText text: Substring) {
        guard let value = Double(text) else { return nil }
        self.init(value)
    }

    /// Whether this instant is strictly later than `time`.
    func isAfter(_ time: Timestamp) -> Bool {
        let (seconds, nanoseconds) = Self.split(time)
        return (self.seconds, self.nanoseconds) > (seconds, nanoseconds)
    }

    /// Whether this instant is strictly earlier than `time`.
    func isBefore(_ time: Timestamp) -> Bool {
        let (seconds, nanoseconds) = Self.split(time)
        return (self.seconds, self.nanoseconds) < (seconds, nanoseconds)
    }

    private static func split(_ time: Timestamp) -> (Int64, Int64) {
        let seconds = time.unixSeconds
        return (seconds, time.nanoseconds - seconds * 1_000_000_000)
    }
}
