extension GoDuration {
    /// Go's `Duration.String()`: `0s`, `1.5µs`, `300ms`, `1m30s`, `2160h0m0s`, `-2s`.
    public var description: String {
        if nanoseconds == 0 { return "0s" }
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude
        var text: String
        if magnitude < Self.second {
            let (unit, name): (UInt64, String) =
                magnitude < Self.microsecond
                ? (1, "ns") : magnitude < Self.millisecond ? (Self.microsecond, "\u{00B5}s") : (Self.millisecond, "ms")
            text = Self.decimal(magnitude, unit: unit) + name
        } else {
            let hours = magnitude / Self.hour
            let minutes = (magnitude % Self.hour) / Self.minute
            let seconds = magnitude % Self.minute
            text = Self.decimal(seconds, unit: Self.second) + "s"
            if hours > 0 || minutes > 0 { text = "\(minutes)m" + text }
            if hours > 0 { text = "\(hours)h" + text }
        }
        return negative ? "-" + text : text
    }

    /// `value / unit` with the remainder as a decimal fraction without trailing zeros.
    private static func decimal(_ value: UInt64, unit: UInt64) -> String {
        let whole = value / unit
        var remainder = value % unit
        guard remainder > 0 else { return "\(whole)" }
        var digits = ""
        var place = unit / 10
        while remainder > 0, place > 0 {
            digits += "\(remainder / place)"
            remainder %= place
            place /= 10
        }
        return "\(whole)." + digits
    }
}
