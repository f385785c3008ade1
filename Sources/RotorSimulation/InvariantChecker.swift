import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol

/// Checks a simulation against its invariants and collects the report.
///
/// Always checked: every client settles once faults stop; what clients saw agrees with the ledger (order, no
/// duplicate, no loss where delivery or recovery promises it, payloads intact); API publishes that succeeded
/// are in the ledger; presence equals the subscribers and the hub matches the clients; nothing is left after
/// everyone leaves. What a scenario's faults make acceptable (some disconnect, unsubscribe and error codes)
/// comes from the scenario.
struct InvariantChecker {
    let simulation: Simulation
    private(set) var violations: [InvariantViolation] = []
    var statistics = SimulationStatistics()

    /// Disconnect codes the scenario's faults may cause.
    let allowedDisconnects: Set<UInt32>
    /// Unsubscribe push codes the scenario may cause.
    let allowedUnsubscribes: Set<UInt32>
    /// Error codes subscribe and publish commands may get.
    let allowedErrors: Set<UInt32>

    init(simulation: Simulation) {
        self.simulation = simulation
        let scenario = simulation.scenario
        var disconnects: Set<UInt32> = []
        var errors: Set<UInt32> = []
        if simulation.engine.injectedFailureCount > 0 {
            // Hub, broker or presence failures during subscribe close with 3004; engine errors answer 100.
            disconnects.insert(Disconnect.internalServerError.code)
            errors.insert(ReplyError.internalServerError.code)
        }
        if !simulation.clockJumps.isEmpty {
            // A frozen system misses pong deadlines (3012) and stale deadlines of connections opening across
            // the jump (3502, after which the client does not reconnect).
            disconnects.insert(Disconnect.noPong.code)
            disconnects.insert(Disconnect.stale.code)
        }
        allowedDisconnects = disconnects
        allowedErrors = errors
        // A stream dropped after its meta TTL comes back with a new epoch: live subscriptions see the epoch
        // change and are unsubscribed with 2500.
        allowedUnsubscribes = scenario.historyMetaTTL > .zero ? [UnsubscribeReason.insufficientState.code] : []
    }

    mutating func violate(
        _ invariant: String,
        client: Int? = nil,
        channel: String? = nil,
        at time: Timestamp? = nil,
        _ detail: String
    ) {
        violations.append(
            InvariantViolation(
                invariant: invariant,
                client: client,
                channel: channel,
                elapsed: (time ?? simulation.now) - simulation.startedAt,
                detail: detail
            )
        )
    }

    /// Every check of a settled run.
    mutating func checkSettledState() {
        checkSettled()
        checkClients()
        checkAPIPublishes()
        checkPresenceAndHub()
    }

    // MARK: Settling

    /// After the settle phase every client is where it wants to be; a client that is offline against its
    /// will must have been closed with an allowed final code.
    mutating func checkSettled() {
        for client in simulation.clients where !client.isSettled {
            violate(
                "settled",
                client: client.index,
                "client did not settle: phase \(client.phase), wants connection \(client.wantsConnection), "
                    + "subscribed \(client.subscribedChannels) of \(client.channels)"
            )
        }
    }

    // MARK: API publishes

    /// A publish the API acknowledged is in the ledger at the position it returned; a failed one is
    /// acceptable only with engine faults (and may or may not be in the ledger).
    mutating func checkAPIPublishes() {
        let ledger = simulation.ledger
        for publish in simulation.apiPublishes {
            switch publish.outcome {
            case .pending:
                violate("api-publish", channel: publish.channel, at: publish.time, "\(publish.payload) never answered")
            case .failed(let code):
                if !allowedErrors.contains(code) {
                    violate(
                        "api-publish", channel: publish.channel, at: publish.time,
                        "\(publish.payload) failed with \(code)")
                }
            case .succeeded(let position):
                guard let entry = ledger.entry(payload: publish.payload), entry.channel == publish.channel else {
                    violate(
                        "api-publish", channel: publish.channel, at: publish.time,
                        "\(publish.payload) succeeded but was never delivered")
                    continue
                }
                if entry.offset != position.offset || entry.epoch != position.epoch {
                    let returned = "\(position.epoch):\(position.offset)"
                    let delivered = "\(entry.epoch):\(entry.offset)"
                    violate(
                        "api-publish", channel: publish.channel, at: publish.time,
                        "\(publish.payload) returned \(returned), delivered at \(delivered)"
                    )
                }
            }
        }
        for anomaly in ledger.anomalies { violate("engine-delivery", anomaly) }
    }

    // MARK: Presence and hub

    /// Once settled, presence of every history channel is exactly the clients subscribed to it, and the
    /// node's counters match what the clients see.
    mutating func checkPresenceAndHub() {
        let clients = simulation.clients
        guard clients.allSatisfy(\.isSettled) else { return }
        for channel in simulation.scenario.historyChannelNames {
            let expected = Set(clients.filter { $0.subscribedChannels.contains(channel) }.map(\.clientID))
            var present: Set<String>?
            simulation.memoryEngine.presence(channel) { result in present = (try? result.get()).map { Set($0.keys) } }
            guard let present else {
                violate("presence", channel: channel, "presence could not be read")
                continue
            }
            if present != expected {
                let missing = expected.subtracting(present).sorted()
                let extra = present.subtracting(expected).sorted()
                violate("presence", channel: channel, "missing \(missing), not subscribed but present \(extra)")
            }
        }
        let node = simulation.node
        let connected = clients.filter { $0.phase == .connected }
        let subscriptions = connected.reduce(0) { $0 + $1.subscribedChannels.count }
        let channels = Set(connected.flatMap(\.subscribedChannels))
        if node.connectionCount != connected.count {
            violate("hub", "node has \(node.connectionCount) connections, \(connected.count) clients are connected")
        }
        if node.subscriptionCount != subscriptions {
            violate("hub", "node has \(node.subscriptionCount) subscriptions, clients have \(subscriptions)")
        }
        if node.channelCount != channels.count {
            violate("hub", "node has \(node.channelCount) channels, clients are in \(channels.count)")
        }
    }

    // MARK: After everyone left

    /// Nothing is left in the node or in the engine's presence once every client left.
    mutating func checkNothingLeft() {
        let node = simulation.node
        let engine = simulation.memoryEngine
        if node.connectionCount != 0 || node.channelCount != 0 || node.subscriptionCount != 0 || node.userCount != 0 {
            violate(
                "leak",
                "after everyone left: \(node.connectionCount) connections, \(node.channelCount) channels, "
                    + "\(node.subscriptionCount) subscriptions, \(node.userCount) users"
            )
        }
        if engine.presenceEntryCount != 0 {
            violate("leak", "after everyone left: \(engine.presenceEntryCount) presence entries")
        }
    }

    // MARK: Report

    func report() -> SimulationReport {
        var statistics = self.statistics
        statistics.clients = simulation.clients.count
        statistics.publications = simulation.ledger.count
        statistics.engineFailures = simulation.engine.injectedFailureCount
        statistics.linksBroken = simulation.network.statistics.linksBroken
        statistics.framesLost = simulation.network.statistics.framesLost
        statistics.pongs = simulation.clients.reduce(0) { $0 + $1.pongsSent }
        statistics.simulatedTime = simulation.now - simulation.startedAt
        return SimulationReport(
            seed: simulation.seed,
            scenario: simulation.scenario.name,
            violations: violations,
            statistics: statistics
        )
    }
}
