import RotorCore

/// An invariant a run broke, with enough context to find it in a trace.
public struct InvariantViolation: Sendable, CustomStringConvertible {
    /// Which invariant (a short stable name).
    public var invariant: String
    /// The client concerned, if any.
    public var client: Int?
    /// The channel concerned, if any.
    public var channel: String?
    /// When it was observed, as simulated time since the run began.
    public var elapsed: Duration
    /// What exactly went wrong.
    public var detail: String

    /// One line: invariant, where, when, what.
    public var description: String {
        var text = "[\(invariant)]"
        if let client { text += " client \(client)" }
        if let channel { text += " \(channel)" }
        return text + " at \(SimulationClock.format(elapsed)): \(detail)"
    }
}

/// How the simulation writes simulated times: seconds since the run began, to the microsecond.
public enum SimulationClock {
    /// `+12.345678s`.
    public static func format(_ elapsed: Duration) -> String {
        let microseconds = elapsed.nanoseconds / 1_000
        let fraction = String(microseconds % 1_000_000)
        return "+\(microseconds / 1_000_000).\(String(repeating: "0", count: 6 - fraction.count))\(fraction)s"
    }
}

/// Counts of what a run did and checked.
public struct SimulationStatistics: Sendable, Hashable {
    /// Clients created.
    public var clients = 0
    /// Connections established (connect replies).
    public var connections = 0
    /// Publications the engine delivered (the ledger).
    public var publications = 0
    /// Publication deliveries verified against the ledger (live and recovered).
    public var publicationsChecked = 0
    /// Subscribe replies with `recovered: true`.
    public var recoveriesSucceeded = 0
    /// Subscribe replies with `recovered: false` to a recovery request, each justified by the window.
    public var recoveriesFailed = 0
    /// What put those recoveries outside the window: `epoch`, `size`, `limit` or `ttl`.
    public var recoveryFailureCauses: [String: Int] = [:]
    /// Publications delivered inside recovered subscribe replies.
    public var publicationsRecovered = 0
    /// Server closes seen by clients, by code.
    public var disconnects: [UInt32: Int] = [:]
    /// Unsubscribe pushes seen by clients, by code.
    public var unsubscribes: [UInt32: Int] = [:]
    /// Engine calls failed by the fault injector.
    public var engineFailures = 0
    /// Links broken (faults and drops without close frame).
    public var linksBroken = 0
    /// Frames lost in broken links.
    public var framesLost = 0
    /// Pongs the clients sent.
    public var pongs = 0
    /// Simulated time the run took.
    public var simulatedTime: Duration = .zero

    /// All counts zero.
    public init() {}
}

/// The outcome of a run: its violations and statistics, and how to replay it.
public struct SimulationReport: Sendable {
    /// The run's seed.
    public var seed: UInt64
    /// The scenario's name.
    public var scenario: String
    /// Broken invariants; empty when the run passed.
    public var violations: [InvariantViolation]
    /// What the run did.
    public var statistics: SimulationStatistics

    /// Whether every invariant held.
    public var passed: Bool { violations.isEmpty }

    /// The command that replays this run alone, with a trace.
    public var replayCommand: String {
        "SWIFT_DETERMINISTIC_HASHING=1 ROTOR_SIM_SEED=\(seed) ROTOR_SIM_TRACE=1 swift test --filter Simulation"
    }

    /// A failure message: the seed, how to replay, and the first violations.
    public var failureMessage: String {
        var lines = [
            "simulation seed \(seed) (\(scenario)) broke \(violations.count) invariant(s)",
            "replay: \(replayCommand)",
        ]
        lines += violations.prefix(12).map { "  " + $0.description }
        if violations.count > 12 { lines.append("  … \(violations.count - 12) more") }
        return lines.joined(separator: "\n")
    }
}
