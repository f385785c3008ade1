import Testing

@testable import RotorServer

@Suite("Summary quantiles")
struct SummaryWindowTests {
    @Test("quantiles of 1…1000 in any order are the nearest-rank values")
    func knownData() {
        var window = SummaryWindow()
        var values = Array(1...1000).map(Double.init)
        var generator = SplitMix(seed: 7)
        values.shuffle(using: &generator)
        for value in values { window.observe(value, now: 1) }
        #expect(window.quantiles([0.5, 0.99, 0.999], now: 1) == [500, 990, 999])
    }

    @Test("only the most recent observations count once the window is full")
    func boundedWindow() {
        var window = SummaryWindow()
        for _ in 0..<SummaryWindow.capacity { window.observe(1000, now: 1) }
        for _ in 0..<SummaryWindow.capacity { window.observe(1, now: 2) }
        #expect(window.quantiles([0.5, 0.999], now: 2) == [1, 1])
    }

    @Test("observations older than the maximum age are forgotten; none left gives NaN")
    func maxAge() {
        var window = SummaryWindow()
        window.observe(5, now: 0)
        window.observe(9, now: SummaryWindow.maxAge)
        #expect(window.quantiles([0.5], now: SummaryWindow.maxAge) == [5])
        #expect(window.quantiles([0.5], now: SummaryWindow.maxAge + 1) == [9])
        #expect(window.quantiles([0.5], now: 3 * SummaryWindow.maxAge)[0].isNaN)
    }

    @Test("a summary's sum and count cover every observation, not only the window")
    func sumAndCount() {
        let registry = MetricRegistry()
        let summary = registry.summary("sizes", help: "Sizes.").labels()
        for _ in 0..<(SummaryWindow.capacity + 10) { summary.observe(2) }
        let text = registry.exposition()
        #expect(text.contains("sizes_count \(SummaryWindow.capacity + 10)\n"))
        #expect(text.contains("sizes_sum \(2 * (SummaryWindow.capacity + 10))\n"))
    }
}

/// A seeded generator so the shuffle is the same on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
