import RotorCore
import RotorEngine

/// The scenario families the seeded simulation tests run. A seed belongs to the family whose number is its
/// ten-thousands (seed 20 017 is the 17th `recovery` seed), so a seed alone says which scenario to replay.
///
/// Each family draws its scenario's parameters from the seed, and promises (on top of the invariants every
/// run checks: order, no duplicates, no corruption, settling, consistent hub, nothing left after everyone
/// leaves):
public enum ScenarioFamily: Int, CaseIterable, Sendable {
    /// No faults; clients subscribe, unsubscribe, resubscribe, leave. Promise: nobody is ever disconnected by
    /// the server, every subscriber gets every publication after its subscribe reply exactly once and in order,
    /// presence equals the subscribers.
    case steady = 1
    /// Clients go away and come back (some outside the history window: small history sizes, short TTLs,
    /// clock jumps past the TTL). Promise: a recovery inside the window recovers everything with no duplicate;
    /// `recovered: false` only when the window was exceeded (size, TTL, recovery limit, epoch).
    case recovery = 2
    /// A congested network with delay spikes and broken links. Promise: clients reconnect and recover
    /// everything (the history window is larger than any outage).
    case network = 3
    /// Engine failures and latency. Promise: a publish that failed is not expected (it may still appear when
    /// the engine applied it before failing); subscribes failing with 100 are retried; connections closed
    /// with 3004 reconnect and recover; after the faults stop, everything converges and nothing leaks.
    case engine = 4
    /// Short history meta TTL with sparse publications: streams are dropped and recreated with new epochs.
    /// Promise: recovery across an epoch change reports `recovered: false` with the new epoch; live
    /// subscriptions that see a new epoch are unsubscribed with 2500 and resubscribe.
    case epoch = 5
    /// Several hundred clients with every kind of fault at once, at low rates.
    case large = 9

    /// The `index`-th seed of this family.
    public func seed(_ index: Int) -> UInt64 { UInt64(rawValue * 10_000 + index) }

    /// The family a seed belongs to.
    public static func owning(seed: UInt64) -> ScenarioFamily? {
        ScenarioFamily(rawValue: Int(seed / 10_000))
    }

    /// The scenario of `seed`, its parameters drawn from the seed.
    public func scenario(seed: UInt64) -> Scenario {
        let random = SimulationRandom(seed: seed ^ 0xA5A5_5A5A_C3C3_3C3C)
        var scenario = Scenario(name: "\(self)")
        scenario.clientCount = random.int(in: 10...30)
        scenario.historyChannels = random.int(in: 1...3)
        scenario.liveChannels = random.int(in: 0...1)
        scenario.joinLeave = random.chance(0.5)
        scenario.userFraction = random.chance(0.5) ? 0.5 : 0
        scenario.activeDuration = .seconds(random.int(in: 15...25))
        scenario.apiPublishInterval = .milliseconds(random.int(in: 300...900))
        scenario.clientPublishInterval = .milliseconds(random.int(in: 1_000...4_000))
        switch self {
        case .steady:
            scenario.resubscribeProbability = 0.15
            scenario.leaveForGoodFraction = 0.1
        case .recovery:
            scenario.historySize = random.int(in: 3...30)
            scenario.historyTTL = .seconds(random.int(in: 5...40))
            scenario.awayProbability = 0.6
            scenario.awayDuration = .seconds(1)...(.seconds(random.int(in: 5...25)))
            scenario.resubscribeProbability = 0.3
            if random.chance(0.4) { scenario.clockJumps = [.seconds(random.int(in: 3...60))] }
        case .network:
            scenario.network = .congested
            scenario.linkBreakInterval = .milliseconds(random.int(in: 500...4_000))
            scenario.awayProbability = 0.2
            scenario.historySize = 1_000
        case .engine:
            scenario.engineFaults = EngineFaults(
                failureRate: Double(random.int(in: 5...50)) / 1_000,
                maxLatency: .milliseconds(random.int(in: 0...80))
            )
            scenario.awayProbability = 0.2
            scenario.resubscribeProbability = 0.2
            if random.chance(0.3) { scenario.linkBreakInterval = .seconds(3) }
        case .epoch:
            scenario.clientCount = random.int(in: 4...12)
            scenario.historyMetaTTL = .seconds(random.int(in: 3...12))
            scenario.historyTTL = .seconds(random.int(in: 2...10))
            scenario.historySize = random.int(in: 5...50)
            scenario.apiPublishInterval = .milliseconds(random.int(in: 2_000...8_000))
            scenario.clientPublishInterval = nil
            scenario.awayProbability = 0.7
            scenario.awayDuration = .seconds(2)...(.seconds(20))
            scenario.activeDuration = .seconds(random.int(in: 25...40))
        case .large:
            scenario.clientCount = random.int(in: 200...400)
            scenario.historyChannels = 4
            scenario.liveChannels = 2
            scenario.channelsPerClient = 1...2
            scenario.userCount = 50
            scenario.activeDuration = .seconds(20)
            scenario.apiPublishInterval = .milliseconds(400)
            scenario.clientPublishInterval = .milliseconds(500)
            scenario.startSpread = .seconds(5)
            scenario.network = NetworkConditions(
                latency: .milliseconds(1)...(.milliseconds(80)), spikeProbability: 0.005)
            scenario.linkBreakInterval = .milliseconds(300)
            scenario.awayProbability = 0.2
            scenario.resubscribeProbability = 0.1
            scenario.leaveForGoodFraction = 0.05
            scenario.historySize = 40
            scenario.historyTTL = .seconds(60)
            scenario.engineFaults = EngineFaults(failureRate: 0.005, maxLatency: .milliseconds(20))
        }
        return scenario
    }
}
