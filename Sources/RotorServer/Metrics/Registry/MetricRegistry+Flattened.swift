import OrderedCollections

extension MetricRegistry {
    /// Every metric as `info`'s `metrics.items` (`server.md` §9.3), as the reference flattens its registry
    /// (checked against the `info` results recorded from v4.1.5): the name's first two `_` become dots
    /// (`centrifugo.node.num_clients`, `process.cpu.seconds_total`); summaries and histograms contribute
    /// `<name>.count` and `<name>.sum`; then each label as two more segments, its name and its value
    /// (`centrifugo.node.action_count.action.add_client`); keys sorted as Go writes a map.
    public func flattened() -> OrderedDictionary<String, Double> {
        var items: [String: Double] = [:]
        let now = SummaryWindow.now()
        for family in allFamilies {
            let path = family.name.split(separator: "_", maxSplits: 2).joined(separator: ".")
            for sample in family.snapshot(now: now) {
                let labels = sample.labels.flatMap { [$0.name, $0.value] }
                switch family.kind {
                case .counter, .gauge:
                    items[([path] + labels).joined(separator: ".")] = sample.value
                case .summary, .histogram:
                    items[([path, "count"] + labels).joined(separator: ".")] = Double(sample.count)
                    items[([path, "sum"] + labels).joined(separator: ".")] = sample.sum
                }
            }
        }
        var sorted: OrderedDictionary<String, Double> = [:]
        for key in items.keys.sorted() { sorted[key] = items[key] }
        return sorted
    }
}
