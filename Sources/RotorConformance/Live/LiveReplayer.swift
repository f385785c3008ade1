import Foundation
import NIOCore

/// Replays one recording against a running server over real sockets (README §5): client events in file
/// order, each no earlier than its recorded time and only after the server output recorded before it has
/// arrived; what each connection receives is compared with the recording as it comes.
public final class LiveReplayer {
    /// Recordings of reference bugs a conforming server must not reproduce, with the reason.
    public static let referenceBugs: [String: String] = [
        "websocket_compression": compressionBug,
        "websocket_compression_connect_only": compressionBug,
    ]

    static let compressionBug =
        "records a 4.1.5 flate-reader bug (close 3501 after the first compressed client frame) that a "
        + "conforming server is not expected to copy"

    let session: RecordedSession
    let target: LiveTarget
    let group: any EventLoopGroup
    let options: LiveReplayOptions
    let roles: [String: ConnectionRole]
    /// Connection labels in order of first appearance (the comparison order).
    let labels: [String]
    var comparisons: [String: ConnectionComparison] = [:]
    var connections: [String: LiveConnection] = [:]
    var bindings = ValueBindings()
    let output = LiveOutput()
    /// Recorded token → re-signed token.
    let tokens: [String: String]
    let clock = ContinuousClock()

    /// Prepares the replay of `session` against `target`.
    public init(
        session: RecordedSession, target: LiveTarget, group: any EventLoopGroup,
        options: LiveReplayOptions = LiveReplayOptions()
    ) throws(ReplaySkip) {
        if let reason = Self.referenceBugs[session.name] { throw ReplaySkip(reason) }
        self.session = session
        self.target = target
        self.group = group
        self.options = options
        roles = try ConnectionRole.roles(of: session)
        var labels: [String] = []
        for event in session.events where !labels.contains(event.conn) { labels.append(event.conn) }
        self.labels = labels
        for (conn, role) in roles {
            comparisons[conn] = ConnectionComparison(
                conn: conn,
                expected: try ConnectionRole.expectedItems(session, conn: conn, role: role, includingHTTP: true))
        }
        tokens = try TokenSigner.resignedTokens(of: session, now: Self.unixNow)
    }

    static var unixNow: Int64 { Int64(Date().timeIntervalSince1970) }

    /// Plays the whole session and reports the first difference, if any.
    public func run() async -> ReplayOutcome {
        defer { for connection in connections.values { connection.shutDown() } }
        let start = clock.now
        var drift = Duration.zero
        for event in session.events where event.direction == .clientToServer {
            let due = start + .milliseconds(event.ms)
            try? await clock.sleep(until: due + drift)
            let arrived = await waitForOutput(before: event.seq)
            drift = max(drift, clock.now - due)
            if let difference = compareProgress() { return .mismatch(difference) }
            if !arrived { return finish() }
            await play(event)
        }
        try? await clock.sleep(until: start + .milliseconds(session.events.last?.ms ?? 0) + drift)
        if await waitForOutput(before: Int.max) { try? await clock.sleep(for: options.settle) }
        return finish()
    }

    /// Waits (bounded) until every connection has the output recorded before event `seq`; false on a
    /// timeout or as soon as what arrived differs from the recording.
    func waitForOutput(before seq: Int) async -> Bool {
        let deadline = clock.now + options.eventTimeout
        while !allArrived(before: seq) {
            guard clock.now < deadline, compareProgress() == nil else { return false }
            try? await clock.sleep(for: .milliseconds(5))
        }
        return true
    }

    func allArrived(before seq: Int) -> Bool {
        for (label, comparison) in comparisons {
            let wanted = comparison.expectedCounts(before: seq)
            let got = output.items(of: label)
            let pings = got.filter(\.isPing).count
            if got.count - pings < wanted.items || pings < wanted.pings { return false }
        }
        return true
    }

    /// Matches what arrived so far on every connection, binding UUIDs and epochs in file order.
    func compareProgress() -> String? {
        for label in labels where comparisons[label] != nil {
            if let difference = comparisons[label]!.advance(actual: output.items(of: label), bindings: &bindings) {
                return difference
            }
        }
        return nil
    }

    /// The final comparison: everything recorded must have come, and nothing else.
    func finish() -> ReplayOutcome {
        if let difference = compareProgress() { return .mismatch(difference) }
        for label in labels where comparisons[label] != nil {
            if let difference = comparisons[label]!.finish(actual: output.items(of: label), bindings: &bindings) {
                return .mismatch(difference)
            }
        }
        if options.byteForByte, let difference = byteDifference() { return .mismatch(difference) }
        return .passed(uncompared: 0)
    }
}
