import RotorSimulation
import Testing

/// The seeded simulation: every family of `ScenarioFamily` over its seeds, each run checking every invariant
/// (`InvariantChecker`). A failure names the seed and the command that replays it with a trace.
@Suite struct SimulationSeedTests {
    /// Seeds per small family: 5 families × 200 = 1 000 seeds.
    static let seedsPerFamily = 200

    @Test(arguments: [ScenarioFamily.steady, .recovery, .network, .engine, .epoch])
    func family(_ family: ScenarioFamily) throws {
        try runSeeds(of: family, count: Self.seedsPerFamily)
    }

    /// Several hundred clients with every fault at once.
    @Test func large() throws {
        try runSeeds(of: .large, count: 4)
    }

    private func runSeeds(of family: ScenarioFamily, count: Int) throws {
        var tally = SimulationTally()
        for seed in SimulationEnvironment.seeds(of: family, count: count) {
            let simulation = try Simulation(
                seed: seed,
                scenario: family.scenario(seed: seed),
                trace: SimulationEnvironment.tracer(seed: seed)
            )
            let report = simulation.run()
            tally.add(report)
            if !report.passed && tally.failures <= 3 {
                Issue.record(Comment(rawValue: report.failureMessage))
            }
        }
        if tally.seeds > 0 { print(tally.summary("\(family)")) }
    }
}
