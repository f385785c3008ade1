/// Compares a recorded message with the node's after the normalisation of README §4: UUIDs and epochs are
/// captured and substituted, `ttl` may be 3 s lower or 1 s higher, object key order is free, and the
/// per-node counters of `info` are wildcards.
public enum MessageMatcher {
    /// `info` node entry keys whose values vary by design.
    public static let nodeInfoWildcards: Set<String> = [
        "name", "uptime", "num_clients", "num_users", "num_channels", "num_subs", "metrics",
    ]

    /// Keys whose value varies by design wherever they appear (SockJS `/info` `entropy`): present, any value.
    public static let anyValueKeys: Set<String> = ["entropy"]

    /// nil if `actual` matches `expected` (bindings are then extended), else where they first differ.
    public static func difference(_ expected: JSONValue, _ actual: JSONValue, bindings: inout ValueBindings) -> String?
    {
        var trial = bindings
        if let difference = compare(expected, actual, path: "$", key: nil, inNodes: false, &trial) {
            return difference
        }
        bindings = trial
        return nil
    }

    /// Whether a recorded string is a server-assigned value.
    public static func isAssigned(_ value: String, key: String?) -> Bool {
        ValueBindings.isUUID(value) || (key == "epoch" && !value.isEmpty)
    }

    private static func compare(
        _ expected: JSONValue, _ actual: JSONValue, path: String, key: String?, inNodes: Bool,
        _ bindings: inout ValueBindings
    ) -> String? {
        switch expected {
        case .string(let recorded) where isAssigned(recorded, key: key):
            guard let live = actual.stringValue else { return "\(path): expected a string, got \(actual)" }
            if bindings.bind(recorded, to: live) { return nil }
            return "\(path): \"\(recorded)\" is bound to \"\(bindings.liveValue(of: recorded))\", got \"\(live)\""
        case .number(let seconds) where key == "ttl":
            guard let live = actual.numberValue, live >= seconds - 3, live <= seconds + 1 else {
                return "\(path): expected ttl \(expected) (−3…+1), got \(actual)"
            }
            return nil
        case .object(let members):
            guard let actualMembers = actual.objectValue else { return "\(path): expected \(expected), got \(actual)" }
            return compareObjects(members, actualMembers, path: path, inNodes: inNodes, &bindings)
        case .array(let elements):
            guard let actualElements = actual.arrayValue, actualElements.count == elements.count else {
                return "\(path): expected \(expected), got \(actual)"
            }
            for (index, element) in elements.enumerated() {
                let difference = compare(
                    element, actualElements[index], path: "\(path)[\(index)]", key: nil, inNodes: inNodes, &bindings)
                if let difference { return difference }
            }
            return nil
        default:
            return expected == actual ? nil : "\(path): expected \(expected), got \(actual)"
        }
    }

    private static func compareObjects(
        _ expected: [String: JSONValue], _ actual: [String: JSONValue], path: String, inNodes: Bool,
        _ bindings: inout ValueBindings
    ) -> String? {
        var remaining = actual
        var unboundKeys: [String] = []
        for (key, value) in expected.sorted(by: { $0.key < $1.key }) {
            if inNodes && nodeInfoWildcards.contains(key) { continue }
            if anyValueKeys.contains(key) {
                guard remaining.removeValue(forKey: key) != nil else { return "\(path).\(key): missing" }
                continue
            }
            var liveKey = key
            if ValueBindings.isUUID(key) {
                guard let bound = bindings.live[key] else {
                    unboundKeys.append(key)
                    continue
                }
                liveKey = bound
            }
            guard let actualValue = remaining.removeValue(forKey: liveKey) else {
                return "\(path).\(key): missing (expected \(value))"
            }
            let nested = inNodes || key == "nodes"
            if let difference = compare(
                value, actualValue, path: "\(path).\(key)", key: key, inNodes: nested, &bindings)
            {
                return difference
            }
        }
        for key in unboundKeys {
            let candidates = remaining.keys.sorted().filter { ValueBindings.isUUID($0) && !bindings.isBound(live: $0) }
            var matched = false
            for candidate in candidates {
                var trial = bindings
                guard trial.bind(key, to: candidate),
                    compare(
                        expected[key]!, remaining[candidate]!, path: "\(path).\(key)", key: key, inNodes: inNodes,
                        &trial)
                        == nil
                else { continue }
                bindings = trial
                remaining[candidate] = nil
                matched = true
                break
            }
            if !matched { return "\(path).\(key): no matching entry in \(JSONValue.object(actual))" }
        }
        if inNodes { for key in nodeInfoWildcards { remaining[key] = nil } }
        if let extra = remaining.keys.sorted().first { return "\(path).\(extra): unexpected \(remaining[extra]!)" }
        return nil
    }
}
