import Testing

@testable import RotorConformance

/// Console lines, summary and JUnit XML of a run.
@Suite struct ReportTests {
    var report: ReplayReport {
        var report = ReplayReport()
        report.entries = [
            .init(name: "a", outcome: .passed(uncompared: 0), duration: .milliseconds(1500)),
            .init(name: "b<&>", outcome: .mismatch("c1 seq 3: expected \"x\"\n    actual: y")),
            .init(name: "c", outcome: .skipped("no reason")),
        ]
        return report
    }

    @Test func linesAndSummary() {
        #expect(
            report.entries.map(ReplayReport.line) == [
                "PASS a", "FAIL b<&>: c1 seq 3: expected \"x\"\n    actual: y", "SKIP c: no reason",
            ])
        #expect(report.summary == "1 passed, 1 failed, 1 skipped")
    }

    @Test func junitXML() {
        let xml = report.junitXML(suite: "replay")
        #expect(xml.contains(#"<testsuite name="replay" tests="3" failures="1" skipped="1" time="1.500">"#))
        #expect(xml.contains(#"<testcase classname="replay" name="a" time="1.500"/>"#))
        #expect(xml.contains(#"name="b&lt;&amp;&gt;""#))
        #expect(xml.contains(#"<failure message="c1 seq 3: expected &quot;x&quot;">"#))
        #expect(xml.contains(#"<skipped message="no reason"/>"#))
        #expect(!xml.contains("b<&>"))
    }
}
