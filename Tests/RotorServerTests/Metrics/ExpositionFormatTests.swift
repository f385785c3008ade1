import Testing

@testable import RotorServer

@Suite("Prometheus text exposition")
struct ExpositionFormatTests {
    @Test(
        "a small registry renders as the golden text (families by name, label pairs by name, series by label values, escapes, +Inf, sum, count)"
    )
    func golden() {
        let registry = MetricRegistry()
        let requests = registry.counter("test_requests_total", help: "Requests.", labels: ["method", "code"])
        requests.labels("post", "500").inc()
        requests.labels("get", "200").inc(by: 3)
        requests.labels("put", "200").inc(by: 2)
        registry.gauge("test_temperature", help: "Line\nbreak \\ help.").labels().set(-1.5)
        let latency = registry.histogram("test_latency_seconds", help: "Latency.", buckets: [1, 0.1])
        for value in [0.25, 0.5, 4] { latency.labels().observe(value) }
        let sizes = registry.summary("test_size", help: "Size.", labels: ["kind"])
        for value in [4.0, 1, 3, 2] { sizes.labels("a").observe(value) }
        _ = registry.summary("test_empty_summary", help: "Never observed.").labels()
        _ = registry.counter("test_unused", help: "No children.", labels: ["label"])

        let expected = """
            # HELP test_empty_summary Never observed.
            # TYPE test_empty_summary summary
            test_empty_summary{quantile="0.5"} NaN
            test_empty_summary{quantile="0.99"} NaN
            test_empty_summary{quantile="0.999"} NaN
            test_empty_summary_sum 0
            test_empty_summary_count 0
            # HELP test_latency_seconds Latency.
            # TYPE test_latency_seconds histogram
            test_latency_seconds_bucket{le="0.1"} 0
            test_latency_seconds_bucket{le="1"} 2
            test_latency_seconds_bucket{le="+Inf"} 3
            test_latency_seconds_sum 4.75
            test_latency_seconds_count 3
            # HELP test_requests_total Requests.
            # TYPE test_requests_total counter
            test_requests_total{code="200",method="get"} 3
            test_requests_total{code="200",method="put"} 2
            test_requests_total{code="500",method="post"} 1
            # HELP test_size Size.
            # TYPE test_size summary
            test_size{kind="a",quantile="0.5"} 2
            test_size{kind="a",quantile="0.99"} 4
            test_size{kind="a",quantile="0.999"} 4
            test_size_sum{kind="a"} 10
            test_size_count{kind="a"} 4
            # HELP test_temperature Line\\nbreak \\\\ help.
            # TYPE test_temperature gauge
            test_temperature -1.5

            """
        #expect(registry.exposition() == expected)
    }

    @Test("label values escape backslash, double quote and line feed")
    func labelEscaping() {
        let registry = MetricRegistry()
        registry.counter("escaped", help: "Escapes.", labels: ["value"]).labels("a\"b\\c\nd").inc()
        #expect(registry.exposition().contains(#"escaped{value="a\"b\\c\nd"} 1"#))
    }

    @Test("numbers are written as Go's shortest %g")
    func numbers() {
        let cases: [(Double, String)] = [
            (0, "0"), (3, "3"), (2.5, "2.5"), (0.005, "0.005"), (0.0001, "0.0001"), (0.00001, "1e-05"),
            (123456, "123456"), (1234567, "1.234567e+06"), (1e21, "1e+21"), (-42, "-42"), (.nan, "NaN"),
            (.infinity, "+Inf"), (-.infinity, "-Inf"), (1.5e-7, "1.5e-07"),
        ]
        for (value, text) in cases {
            #expect(ExpositionFormat.number(value) == text, "\(value)")
        }
    }
}
