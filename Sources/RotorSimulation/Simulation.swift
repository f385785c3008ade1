import NIOCore
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol

/// A publication made through the node's server API, and how the call ended.
public struct APIPublish: Sendable {
    /// How a publish call ended.
    public enum Outcome: Sendable, Hashable {
        /// Not answered yet.
        case pending
        /// Accepted at this stream position (offset 0 without history).
        case succeeded(StreamPosition)
        /// Failed with this API error code.
        case failed(code: UInt32)
    }

    /// The channel.
    public var channel: String
    /// The payload (JSON text, unique in the run).
    public var payload: String
    /// When it was called.
    public var time: Timestamp
    /// How it ended.
    public var outcome: Outcome
}

/// One seeded run: a node on a `MemoryEngine` behind a `FaultInjectingEngine`, a `PublicationLedger` between
/// them, a simulated network and simulated clients, all on one `SimulatedScheduler` and all randomness drawn
/// from the seed.
///
/// `run()` plays the scenario (active phase, settle phase, everyone leaves) and checks the invariants; the
/// building blocks (`addClient`, `publish`, `advance`, the checks) are public for targeted tests.
public final class Simulation {
    /// The seed every random choice derives from.
    public let seed: UInt64
    /// What the run does.
    public let scenario: Scenario
    /// The simulated clock.
    public let scheduler: SimulatedScheduler
    /// The engine that does the work.
    public let memoryEngine: MemoryEngine
    /// The fault injector the node talks to.
    public let engine: FaultInjectingEngine
    /// The node under test.
    public let node: Node
    /// What the engine delivered.
    public let ledger: PublicationLedger
    /// The links between clients and node.
    public let network: SimulatedNetwork
    /// The clients, in creation order.
    public private(set) var clients: [SimulatedClient] = []
    /// Publications made through the server API.
    public private(set) var apiPublishes: [APIPublish] = []
    /// Clock jumps made: when and by how much.
    public private(set) var clockJumps: [(at: Timestamp, by: Duration)] = []
    /// Receives a line per notable step, prefixed with the simulated time, when set.
    public let trace: ((String) -> Void)?
    /// When the run began.
    public let startedAt: Timestamp

    let random: SimulationRandom
    private var payloadCounter = 0
    /// Whether the active phase runs: publications, behaviour and faults happen only then.
    public internal(set) var isActive = false
    private var sweep: (any ScheduledWork)?

    /// Builds the node, engine, ledger and network of `scenario` from `seed`. No client exists yet.
    public init(seed: UInt64, scenario: Scenario, trace: ((String) -> Void)? = nil) throws(ChannelConfigurationError) {
        self.seed = seed
        self.scenario = scenario
        let root = SimulationRandom(seed: seed)
        self.random = root.fork()
        let scheduler = SimulatedScheduler()
        self.scheduler = scheduler
        self.startedAt = scheduler.now
        // Every trace line starts with the simulated time.
        let start = scheduler.now
        self.trace = trace.map { trace in
            { [unowned scheduler] line in trace("\(SimulationClock.format(scheduler.now - start)) \(line)") }
        }
        self.memoryEngine = MemoryEngine(
            scheduler: scheduler,
            historyMetaTTL: scenario.historyMetaTTL,
            epochGenerator: root.fork()
        )
        self.engine = FaultInjectingEngine(wrapping: memoryEngine, scheduler: scheduler)
        self.node = Node(
            configuration: try scenario.nodeConfiguration(),
            scheduler: scheduler,
            broker: engine,
            presenceManager: engine,
            tokenVerifier: SimulatedTokenVerifier(),
            random: root.fork()
        )
        self.ledger = PublicationLedger(scheduler: scheduler, forwardingTo: node)
        memoryEngine.run(handler: ledger)
        self.network = SimulatedNetwork(
            node: node,
            scheduler: scheduler,
            conditions: .calm,
            random: root.fork()
        )
        scheduleSweep()
    }

    /// The current simulated time.
    public var now: Timestamp { scheduler.now }

    // MARK: Building blocks

    /// Adds a client subscribing to `channels`, connecting as `user` (anonymous when nil). It starts when
    /// `start()` is called on it.
    @discardableResult
    public func addClient(channels: [String], user: String? = nil) -> SimulatedClient {
        let client = SimulatedClient(
            index: clients.count,
            token: user.map { SimulatedTokenVerifier.token(for: $0) } ?? "",
            channels: channels,
            recoverable: Set(scenario.historyChannelNames),
            network: network,
            random: random.fork(),
            backoff: scenario.backoff,
            joinLeave: scenario.joinLeave
        )
        client.trace = trace
        clients.append(client)
        return client
    }

    /// A payload unique within the run.
    public func nextPayload() -> String {
        payloadCounter += 1
        return "{\"n\":\(payloadCounter)}"
    }

    /// Publishes a fresh payload into `channel` through the server API; returns the payload.
    @discardableResult
    public func publish(to channel: String) -> String {
        let payload = nextPayload()
        let index = apiPublishes.count
        apiPublishes.append(APIPublish(channel: channel, payload: payload, time: now, outcome: .pending))
        node.publish(channel: channel, data: ByteBuffer(string: payload)) { [weak self] result in
            switch result {
            case .ok(let position): self?.apiPublishes[index].outcome = .succeeded(position)
            case .error(let error): self?.apiPublishes[index].outcome = .failed(code: error.code)
            }
        }
        trace?("api: publish \(payload) to \(channel)")
        return payload
    }

    /// Runs the simulation for `duration` of simulated time.
    public func advance(by duration: Duration) {
        scheduler.run(until: now + duration)
    }

    /// Freezes the whole system for `duration`: the clock jumps, then everything due runs late.
    public func jumpClock(by duration: Duration) {
        trace?("clock jumps by \(duration)")
        clockJumps.append((now, duration))
        scheduler.jump(by: duration)
    }

    /// Sets the engine's fault policy from `faults` (nil: no faults).
    ///
    /// With `keepsChannelOrder`, requests concerning one channel reach the engine in the order the node made
    /// them; only replies (and requests of different channels) are reordered by latency.
    public func setEngineFaults(_ faults: EngineFaults?) {
        guard let faults else {
            engine.policy = .passThrough
            return
        }
        let random = self.random.fork()
        let scheduler = self.scheduler
        var lastApplied: [String: Timestamp] = [:]
        engine.policy = FaultPolicy { call in
            var decision = FaultDecision()
            if faults.maxLatency > .zero {
                let total = random.duration(in: .zero...faults.maxLatency)
                var applied = scheduler.now + random.duration(in: .zero...total)
                // Strictly after the previous request of the channel, which may be due now but not yet run.
                if faults.keepsChannelOrder, let previous = lastApplied[call.channel], previous >= applied {
                    applied = previous + .nanoseconds(1)
                }
                lastApplied[call.channel] = applied
                decision.requestLatency = applied - scheduler.now
                decision.replyLatency = total - min(total, decision.requestLatency)
            }
            if faults.failing.contains(call.operation) && random.chance(faults.failureRate) {
                let error = EngineError("injected \(call.operation.rawValue) failure")
                decision.failure = random.chance(0.5) ? .afterApplying(error) : .beforeApplying(error)
            }
            return decision
        }
    }

    /// Every client leaves (closing its connection).
    public func leaveAll() {
        for client in clients { client.leave() }
    }

    /// Stops the periodic engine sweep, so the scheduler holds nothing of this run any more.
    public func stop() {
        sweep?.cancel()
        sweep = nil
        isActive = false
    }

    /// The memory engine reclaims expired streams every second, like the reference's background loop.
    private func scheduleSweep() {
        sweep = scheduler.schedule(at: now + .seconds(1)) { [weak self] in
            guard let self else { return }
            self.memoryEngine.removeExpired()
            self.scheduleSweep()
        }
    }
}
