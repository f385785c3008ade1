/// The comparison of one connection's recorded output with the node's, advanced while the replay runs so
/// that UUIDs and epochs are bound in file order before client data that echoes them is sent.
public struct ConnectionComparison: Sendable {
    /// The connection label.
    public let conn: String
    /// The recorded items of the connection, in file order.
    public let expected: [ExpectedItem]
    private var expectedIndex = 0
    private var actualIndex = 0
    /// Join/leave pushes not matched yet (order-free).
    private var pendingExpected: [ExpectedItem] = []
    private var pendingActual: [SessionItem] = []
    private var expectedPings = 0
    private var actualPings = 0
    /// Recorded API lines matched against commands the replayer does not map.
    public private(set) var uncompared = 0
    /// In-order matches: the recorded event's seq, the indexes of the matched expected and actual items.
    public private(set) var matches: [(seq: Int, expectedIndex: Int, actualIndex: Int, isPing: Bool)] = []
    /// Pings are compared in order where the recording has them on purpose; elsewhere they are ignored.
    private let orderedPings: Bool

    /// A comparison that has matched nothing yet.
    public init(conn: String, expected: [ExpectedItem]) {
        self.conn = conn
        self.expected = expected
        self.orderedPings = expected.contains { $0.item.isPing }
    }

    /// Whether the recording has server pings on this connection (then the replayer does not answer them).
    public var expectsPings: Bool { expected.contains { $0.item.isPing } }

    /// Expected items and pings carried by events before `seq`.
    public func expectedCounts(before seq: Int) -> (items: Int, pings: Int) {
        let earlier = expected.filter { $0.seq < seq }
        let pings = earlier.filter(\.item.isPing).count
        return (earlier.count - pings, pings)
    }

    /// Matches as far as both sides go; the first difference, if any.
    public mutating func advance(actual: [SessionItem], bindings: inout ValueBindings) -> String? {
        while true {
            while expectedIndex < expected.count, isUnordered(expected[expectedIndex].item) {
                if expected[expectedIndex].item.isPing {
                    expectedPings += 1
                } else {
                    pendingExpected.append(expected[expectedIndex])
                }
                expectedIndex += 1
            }
            while actualIndex < actual.count, isUnordered(actual[actualIndex]) {
                if actual[actualIndex].isPing { actualPings += 1 } else { pendingActual.append(actual[actualIndex]) }
                actualIndex += 1
            }
            matchPendingJoinLeaves(&bindings)
            guard expectedIndex < expected.count, actualIndex < actual.count else { return nil }
            let wanted = expected[expectedIndex]
            let got = actual[actualIndex]
            if let difference = difference(wanted.item, got, &bindings) {
                return "\(conn) seq \(wanted.seq): \(difference)\n    expected: \(wanted.item)\n    actual:   \(got)"
            }
            matches.append((wanted.seq, expectedIndex, actualIndex, got.isPing))
            expectedIndex += 1
            actualIndex += 1
        }
    }

    /// Join/leave pushes always, pings unless the recording has them on purpose.
    private func isUnordered(_ item: SessionItem) -> Bool {
        item.isJoinLeave || (item.isPing && !orderedPings)
    }

    /// After the replay: everything must have been matched.
    public mutating func finish(actual: [SessionItem], bindings: inout ValueBindings) -> String? {
        if let difference = advance(actual: actual, bindings: &bindings) { return difference }
        if expectedIndex < expected.count {
            let missing = expected[expectedIndex]
            return "\(conn) seq \(missing.seq): missing (the node sent nothing more)\n    expected: \(missing.item)"
        }
        if actualIndex < actual.count {
            return "\(conn): unexpected extra output\n    actual:   \(actual[actualIndex])"
        }
        if let missing = pendingExpected.first {
            return "\(conn) seq \(missing.seq): join/leave missing\n    expected: \(missing.item)"
        }
        if let extra = pendingActual.first { return "\(conn): unexpected join/leave\n    actual:   \(extra)" }
        if actualPings < expectedPings { return "\(conn): expected \(expectedPings) server pings, got \(actualPings)" }
        return nil
    }

    private mutating func difference(_ wanted: SessionItem, _ got: SessionItem, _ bindings: inout ValueBindings)
        -> String?
    {
        switch (wanted, got) {
        case (.message(let recorded), .message(let live)):
            return MessageMatcher.difference(recorded, live, bindings: &bindings)
        case (.message, .unreplayed):
            uncompared += 1
            return nil
        default:
            return wanted == got ? nil : "expected \(wanted), got \(got)"
        }
    }

    private mutating func matchPendingJoinLeaves(_ bindings: inout ValueBindings) {
        var index = 0
        while index < pendingExpected.count {
            guard case .message(let recorded) = pendingExpected[index].item,
                let match = pendingActual.firstIndex(where: { item in
                    guard case .message(let live) = item else { return false }
                    var trial = bindings
                    return MessageMatcher.difference(recorded, live, bindings: &trial) == nil
                }),
                case .message(let live) = pendingActual[match]
            else {
                index += 1
                continue
            }
            _ = MessageMatcher.difference(recorded, live, bindings: &bindings)
            pendingExpected.remove(at: index)
            pendingActual.remove(at: match)
        }
    }
}
