extension LiveReplayer {
    /// Keys whose values README §4 leaves free (tolerances, wildcards): a message holding one is compared
    /// as parsed JSON only.
    static let freeKeys: Set<String> = ["ttl", "entropy", "nodes"]
    /// Keys of Go maps, whose member order is unspecified.
    static let mapKeys: Set<String> = ["presence", "subs", "tags", "channels"]

    /// The first message that matched as JSON but not byte for byte (with the bound values substituted).
    func byteDifference() -> String? {
        for label in labels {
            guard let comparison = comparisons[label] else { continue }
            let live = output.messages(of: label)
            for match in comparison.matches where match.actualIndex < live.count {
                let expected = comparison.expected[match.expectedIndex]
                guard let recorded = expected.raw, let actual = live[match.actualIndex].raw,
                    case .message(let value) = expected.item, !Self.hasFreeForm(value)
                else { continue }
                let wanted = bindings.substitute(in: recorded)
                if wanted != actual {
                    return "\(label) seq \(match.seq): same JSON, different bytes\n    expected: \(wanted)\n"
                        + "    actual:   \(actual)"
                }
            }
        }
        return nil
    }

    /// Whether `value` holds a free value or a map with more than one member.
    static func hasFreeForm(_ value: JSONValue, key: String? = nil) -> Bool {
        switch value {
        case .object(let members):
            if let key, mapKeys.contains(key), members.count > 1 { return true }
            return members.contains { freeKeys.contains($0.key) || hasFreeForm($0.value, key: $0.key) }
        case .array(let elements):
            return elements.contains { hasFreeForm($0) }
        default:
            return false
        }
    }
}
