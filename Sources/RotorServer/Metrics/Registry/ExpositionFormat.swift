/// The Prometheus text exposition format 0.0.4: `# HELP` and `# TYPE` lines, then one line per sample;
/// summaries add `quantile` samples, `_sum` and `_count`; histograms cumulative `_bucket{le=…}` samples ending
/// with `+Inf`, `_sum` and `_count`. Numbers are written as Go's `strconv.FormatFloat(v, 'g', -1, 64)` does,
/// as the reference's client library writes them.
enum ExpositionFormat {
    /// The `Content-Type` of the format.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Appends `family` with `samples`; nothing when it has none.
    static func write(_ family: MetricFamily, samples: [MetricSample], into text: inout String) {
        guard !samples.isEmpty else { return }
        text += "# HELP \(family.name) \(escapeHelp(family.help))\n"
        text += "# TYPE \(family.name) \(family.kind.rawValue)\n"
        for sample in samples {
            let labels = sample.labels.map { ($0.name, $0.value) }
            switch family.kind {
            case .counter, .gauge:
                line(family.name, labels, sample.value, into: &text)
            case .summary:
                for (quantile, value) in sample.quantiles {
                    line(family.name, labels + [("quantile", number(quantile))], value, into: &text)
                }
                line(family.name + "_sum", labels, sample.sum, into: &text)
                line(family.name + "_count", labels, Double(sample.count), into: &text)
            case .histogram:
                var cumulative: UInt64 = 0
                for (bound, count) in zip(family.buckets, sample.bucketCounts) {
                    cumulative += count
                    line(family.name + "_bucket", labels + [("le", number(bound))], Double(cumulative), into: &text)
                }
                line(family.name + "_bucket", labels + [("le", "+Inf")], Double(sample.count), into: &text)
                line(family.name + "_sum", labels, sample.sum, into: &text)
                line(family.name + "_count", labels, Double(sample.count), into: &text)
            }
        }
    }

    private static func line(_ name: String, _ labels: [(String, String)], _ value: Double, into text: inout String) {
        text += name
        if !labels.isEmpty {
            text += "{"
            for (index, (label, value)) in labels.enumerated() {
                if index > 0 { text += "," }
                text += "\(label)=\"\(escapeLabelValue(value))\""
            }
            text += "}"
        }
        text += " \(number(value))\n"
    }

    /// A label value with `\`, `"` and line feeds escaped.
    static func escapeLabelValue(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Help text with `\` and line feeds escaped.
    static func escapeHelp(_ help: String) -> String {
        var escaped = ""
        for character in help {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `value` as Go's `%g` with the shortest precision: plain decimals for exponents -4…5 (`0.005`, `3`,
    /// `123456`), else `d.ddde±XX` (`1.234567e+06`, `1e-05`); `NaN`, `+Inf`, `-Inf`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, exponent) = shortestDigits(abs(value))
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let magnitude = abs(exponent)
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + "\(magnitude)"
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        if digits.count <= exponent + 1 {
            return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// The shortest round-trip decimal digits of a positive finite `value` (no leading or trailing zeros) and
    /// the decimal exponent of the first digit.
    private static func shortestDigits(_ value: Double) -> (digits: String, exponent: Int) {
        let text = "\(value)"
        let parts = text.split(separator: "e", maxSplits: 1)
        var exponent = parts.count > 1 ? Int(parts[1])! : 0
        let mantissa = parts[0]
        let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
        let integerPart = mantissa[..<point]
        let fraction = point == mantissa.endIndex ? "" : mantissa[mantissa.index(after: point)...]
        var digits = String(integerPart) + fraction
        exponent += integerPart.count - 1
        while digits.first == "0" {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        return (digits, exponent)
    }
}
