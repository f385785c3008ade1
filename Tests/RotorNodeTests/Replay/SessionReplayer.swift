import RotorConformance
import RotorConfig
import RotorCore
import RotorEngine
import RotorNode
import RotorSimulation
import RotorTokens

/// Replays one recording through an in-process node on the simulated clock (README §5): client events in
/// file order at their recorded times, each after the server output that precedes it has arrived.
final class SessionReplayer {
    /// Scenarios that are not replayed as a whole, with the reason.
    static let skippedScenarios: [String: String] = [
        "websocket_compression": compressionBug,
        "websocket_compression_connect_only": compressionBug,
        "uni_http_stream_protobuf_body": "HTTP shell: a Protobuf body never reaches the node (empty 200 response)",
        "sockjs_info": "SockJS /info is a plain HTTP endpoint of the shell",
    ]

    static let compressionBug =
        "permessage-deflate is the WebSocket shell's, and the recording shows a 4.1.5 flate-reader bug "
        + "(3501 after the first compressed client frame) that Rotor must not copy"

    let session: RecordedSession
    let scheduler: SimulatedScheduler
    let engine: MemoryEngine
    let node: Node
    let roles: [String: ConnectionRole]
    var connections: [String: ReplayConnection] = [:]
    /// Output of the connections that are not node clients (API replies, emulation statuses), and when.
    var endpointOutput: [String: [SessionItem]] = [:]
    var endpointTimes: [String: [Timestamp]] = [:]
    /// When each client event was played.
    var eventTimes: [Int: Timestamp] = [:]
    var comparisons: [String: ConnectionComparison] = [:]
    /// Connection labels in order of first appearance (the comparison order).
    let labels: [String]
    var bindings = ValueBindings()
    let start: Timestamp
    /// How far the replay runs behind the recording's clock (waiting for output that came later here).
    var drift: Duration = .zero

    /// Longest simulated wait for server output that precedes a client event (pings, the 5 s TCP drop).
    static let maximumWait: Duration = .seconds(30)

    /// Replays `name` and reports the outcome; `seed` drives the node's randomness (ids, first-ping jitter).
    static func replay(_ name: String, seed: UInt64? = nil) -> ReplayOutcome {
        if let reason = skippedScenarios[name] { return .skipped(reason) }
        do {
            return try SessionReplayer(RecordedSession.load(name), seed: seed).run()
        } catch {
            return .skipped(error.reason)
        }
    }

    init(_ session: RecordedSession, seed: UInt64? = nil) throws(ReplaySkip) {
        self.session = session
        // The recording's config goes through the real loader, as `rotor --config` will read it.
        let loaded: LoadedConfiguration
        do {
            loaded = try ConfigLoader.load(contents: session.configText, format: .json, path: "\(session.name) config")
        } catch {
            throw ReplaySkip("config rejected: \(error)")
        }
        let client = loaded.configuration.clientConfiguration
        start = .unixSeconds(session.recordedAt)
        scheduler = SimulatedScheduler(start: start)
        engine = MemoryEngine(scheduler: scheduler, historyMetaTTL: client.historyMetaTTL)
        node = Node(
            configuration: NodeConfiguration(client: client, rules: loaded.rules),
            scheduler: scheduler,
            broker: engine,
            presenceManager: engine,
            tokenVerifier: JWTTokenVerifier(configuration: loaded.tokens),
            random: SeededRandomSource(seed: seed ?? UInt64(session.recordedAt))
        )
        roles = try ConnectionRole.roles(of: session)
        var labels: [String] = []
        for event in session.events where !labels.contains(event.conn) { labels.append(event.conn) }
        self.labels = labels
        for (conn, role) in roles where role != .refused && role != .plainHTTP {
            comparisons[conn] = ConnectionComparison(
                conn: conn, expected: try ConnectionRole.expectedItems(session, conn: conn, role: role))
        }
    }

    func run() -> ReplayOutcome {
        for event in session.events where event.direction == .clientToServer {
            catchUp(toMilliseconds: event.ms, before: event.seq)
            if let difference = compareProgress() { return .mismatch(difference) }
            eventTimes[event.seq] = scheduler.now
            play(event)
            scheduler.runCurrent()
        }
        catchUp(toMilliseconds: session.events.last?.ms ?? 0, before: Int.max)
        if let difference = compareProgress() { return .mismatch(difference) }
        var uncompared = 0
        for label in labels where comparisons[label] != nil {
            if let difference = comparisons[label]!.finish(actual: output(of: label), bindings: &bindings) {
                return .mismatch(difference)
            }
            uncompared += comparisons[label]!.uncompared
        }
        if let difference = timingDifference() { return .mismatch(difference) }
        return .passed(uncompared: uncompared)
    }

    /// What the client behind `label` got so far.
    func output(of label: String) -> [SessionItem] {
        connections[label]?.output ?? endpointOutput[label] ?? []
    }

    /// When each item of `output(of:)` arrived.
    func outputTimes(of label: String) -> [Timestamp] {
        connections[label]?.outputTimes ?? endpointTimes[label] ?? []
    }

    /// Records what an endpoint (API, emulation) answered.
    func record(_ items: [SessionItem], for label: String) {
        endpointOutput[label, default: []] += items
        endpointTimes[label, default: []] += items.map { _ in scheduler.now }
    }

    /// Runs the clock to the event's recorded time (plus drift), then on until every server item recorded
    /// before `seq` has arrived (bounded by `maximumWait`).
    func catchUp(toMilliseconds ms: Int, before seq: Int) {
        let recorded = start + .milliseconds(ms)
        scheduler.run(until: max(recorded + drift, scheduler.now))
        let limit = scheduler.now + Self.maximumWait
        while !allArrived(before: seq) {
            guard let next = scheduler.nextDeadline, next <= limit else { break }
            scheduler.run(until: next)
        }
        drift = max(drift, scheduler.now - recorded)
    }

    func allArrived(before seq: Int) -> Bool {
        for (label, comparison) in comparisons {
            let wanted = comparison.expectedCounts(before: seq)
            let got = output(of: label)
            let pings = got.filter(\.isPing).count
            if got.count - pings < wanted.items || pings < wanted.pings { return false }
        }
        return true
    }

    /// Matches what arrived so far on every connection, binding UUIDs and epochs in file order.
    func compareProgress() -> String? {
        for label in labels where comparisons[label] != nil {
            if let difference = comparisons[label]!.advance(actual: output(of: label), bindings: &bindings) {
                return difference
            }
        }
        return nil
    }
}
