import Foundation

/// The outcomes of a run, in order, as the console lines and the JUnit XML the runner writes.
public struct ReplayReport: Sendable {
    /// One replayed recording.
    public struct Entry: Sendable, Equatable {
        /// The scenario name.
        public var name: String
        /// What replaying it showed.
        public var outcome: ReplayOutcome
        /// How long it took.
        public var duration: Duration

        /// An entry.
        public init(name: String, outcome: ReplayOutcome, duration: Duration = .zero) {
            self.name = name
            self.outcome = outcome
            self.duration = duration
        }
    }

    /// The entries, in run order.
    public var entries: [Entry] = []

    /// An empty report.
    public init() {}

    /// The number of entries with each outcome.
    public var counts: (passed: Int, failed: Int, skipped: Int) {
        var counts = (passed: 0, failed: 0, skipped: 0)
        for entry in entries {
            switch entry.outcome {
            case .passed: counts.passed += 1
            case .mismatch: counts.failed += 1
            case .skipped: counts.skipped += 1
            }
        }
        return counts
    }

    /// `PASS name`, `FAIL name: <first difference>` or `SKIP name: reason`.
    public static func line(_ entry: Entry) -> String {
        switch entry.outcome {
        case .passed: "PASS \(entry.name)"
        case .mismatch(let difference): "FAIL \(entry.name): \(difference)"
        case .skipped(let reason): "SKIP \(entry.name): \(reason)"
        }
    }

    /// `N passed, N failed, N skipped`.
    public var summary: String {
        let counts = counts
        return "\(counts.passed) passed, \(counts.failed) failed, \(counts.skipped) skipped"
    }

    /// A JUnit XML document with one test case per entry, in suite `suite`.
    public func junitXML(suite: String) -> String {
        let counts = counts
        let total = entries.reduce(Duration.zero) { $0 + $1.duration }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites>\n"
        xml += "  <testsuite name=\"\(Self.escape(suite))\" tests=\"\(entries.count)\" failures=\"\(counts.failed)\""
        xml += " skipped=\"\(counts.skipped)\" time=\"\(Self.seconds(total))\">\n"
        for entry in entries {
            xml += "    <testcase classname=\"\(Self.escape(suite))\" name=\"\(Self.escape(entry.name))\""
            xml += " time=\"\(Self.seconds(entry.duration))\""
            switch entry.outcome {
            case .passed:
                xml += "/>\n"
            case .mismatch(let difference):
                let firstLine = difference.split(separator: "\n").first.map(String.init) ?? ""
                xml += ">\n      <failure message=\"\(Self.escape(firstLine))\">\(Self.escape(difference))</failure>\n"
                xml += "    </testcase>\n"
            case .skipped(let reason):
                xml += ">\n      <skipped message=\"\(Self.escape(reason))\"/>\n    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f", Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// Text with the XML special characters escaped and other control characters dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
