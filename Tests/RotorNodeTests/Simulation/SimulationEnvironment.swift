import Foundation
import RotorSimulation
import Testing

/// How the environment steers the simulation tests.
///
/// - `ROTOR_SIM_SEED=<n>`: run only seed `n` (in the family that owns it), e.g. to replay a failure;
/// - `ROTOR_SIM_TRACE=1`: print the replayed run's trace;
/// - `ROTOR_SIM_SEEDS=<n>`: seeds per family instead of the default (longer soak runs).
enum SimulationEnvironment {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The one seed to run, if set.
    static var onlySeed: UInt64? { environment["ROTOR_SIM_SEED"].flatMap { UInt64($0) } }

    /// Whether to print traces.
    static var tracing: Bool { environment["ROTOR_SIM_TRACE"] == "1" }

    /// Seeds per family.
    static func seedsPerFamily(default count: Int) -> Int {
        environment["ROTOR_SIM_SEEDS"].flatMap { Int($0) } ?? count
    }

    /// The seeds of `family` to run: all of them, or the replayed one if it belongs to `family`.
    static func seeds(of family: ScenarioFamily, count: Int) -> [UInt64] {
        if let seed = onlySeed {
            return ScenarioFamily.owning(seed: seed) == family ? [seed] : []
        }
        return (0..<seedsPerFamily(default: count)).map { family.seed($0) }
    }

    /// A trace printer when tracing, else nil.
    static func tracer(seed: UInt64) -> ((String) -> Void)? {
        guard tracing else { return nil }
        return { line in print("[seed \(seed)] \(line)") }
    }
}

/// Totals over the seeds of one test.
struct SimulationTally {
    var seeds = 0
    var failures = 0
    var statistics = SimulationStatistics()

    mutating func add(_ report: SimulationReport) {
        seeds += 1
        if !report.passed { failures += 1 }
        let other = report.statistics
        statistics.clients += other.clients
        statistics.connections += other.connections
        statistics.publications += other.publications
        statistics.publicationsChecked += other.publicationsChecked
        statistics.recoveriesSucceeded += other.recoveriesSucceeded
        statistics.recoveriesFailed += other.recoveriesFailed
        statistics.recoveryFailureCauses.merge(other.recoveryFailureCauses, uniquingKeysWith: +)
        statistics.publicationsRecovered += other.publicationsRecovered
        statistics.engineFailures += other.engineFailures
        statistics.linksBroken += other.linksBroken
        statistics.framesLost += other.framesLost
        statistics.pongs += other.pongs
        statistics.simulatedTime += other.simulatedTime
        statistics.disconnects.merge(other.disconnects, uniquingKeysWith: +)
        statistics.unsubscribes.merge(other.unsubscribes, uniquingKeysWith: +)
    }

    func summary(_ name: String) -> String {
        let s = statistics
        let codes = Self.counts(s.disconnects)
        let unsubscribes = Self.counts(s.unsubscribes)
        var parts: [String] = []
        parts.append("simulation \(name): \(seeds) seeds, \(failures) failed")
        parts.append("\(s.clients) clients, \(s.connections) connections")
        parts.append("\(s.publications) publications, \(s.publicationsChecked) deliveries checked")
        parts.append("\(s.publicationsRecovered) recovered in \(s.recoveriesSucceeded) recoveries")
        let causes = s.recoveryFailureCauses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }
        parts.append("\(s.recoveriesFailed) recoveries outside the window [\(causes.joined(separator: " "))]")
        parts.append("\(s.engineFailures) engine faults, \(s.linksBroken) links broken, \(s.framesLost) frames lost")
        parts.append("\(s.pongs) pongs, disconnects [\(codes)], unsubscribes [\(unsubscribes)]")
        parts.append("\(s.simulatedTime.components.seconds) s simulated")
        return parts.joined(separator: "; ")
    }

    static func counts(_ counts: [UInt32: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")
    }
}
