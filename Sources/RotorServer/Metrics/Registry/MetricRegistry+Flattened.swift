import OrderedCollections

extension MetricRegistry {
    /// Counters and gauges of the `centrifugo` namespace as `info`'s `metrics.items` (`server.md` §9.3): the
    /// name's namespace and subsystem separated by dots (`centrifugo.node.num_clients`), then each label
    /// value as one more segment (`centrifugo.node.action_count.add_client`). Summaries and histograms are
    /// left out.
    public func flattened() -> OrderedDictionary<String, Double> {
        var items: OrderedDictionary<String, Double> = [:]
        let now = SummaryWindow.now()
        for family in allFamilies where family.name.hasPrefix("centrifugo_") {
            guard family.kind == .counter || family.kind == .gauge else { continue }
            let path = family.name.split(separator: "_", maxSplits: 2).joined(separator: ".")
            for sample in family.snapshot(now: now) {
                items[([path] + sample.labels.map(\.value)).joined(separator: ".")] = sample.value
            }
        }
        return items
    }
}
