import Foundation
import NIOCore
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol
import RotorSimulation
import Testing

/// A token whose keys must be fetched first (JWKS): the node awaits `prepareKeys` off its executor, comes
/// back through `Scheduler.execute` and asks the verifier again.
@Suite struct NodeKeyFetchTests {
    /// The simulated scheduler, with `execute` (the one call allowed from other threads) queued in a locked
    /// inbox that the test drains on its own thread.
    final class InboxScheduler: Scheduler, @unchecked Sendable {
        let base = SimulatedScheduler()
        private let lock = NSLock()
        private var inbox: [() -> Void] = []

        var now: Timestamp { base.now }
        func schedule(at deadline: Timestamp, _ work: @escaping () -> Void) -> ScheduledWork {
            base.schedule(at: deadline, work)
        }
        func execute(_ work: @escaping () -> Void) { lock.withLock { inbox.append(work) } }

        var hasInbox: Bool { lock.withLock { !inbox.isEmpty } }

        /// Waits (yielding, bounded) until something arrived from another thread, then runs it here.
        func drain() async {
            for _ in 0..<1_000_000 where !hasInbox { await Task.yield() }
            let work = lock.withLock { () -> [() -> Void] in
                defer { inbox.removeAll() }
                return inbox
            }
            for item in work { item() }
            base.runCurrent()
        }
    }

    /// Knows the token only after its keys were "fetched" (or never, when `fetchFails`).
    final class FetchingVerifier: TokenVerifying, @unchecked Sendable {
        private let lock = NSLock()
        private var fetched = false
        let fetchFails: Bool
        init(fetchFails: Bool) { self.fetchFails = fetchFails }

        func verifyConnectionToken(_ token: String, now: Timestamp) -> TokenVerification<ConnectionTokenClaims>? {
            lock.withLock { fetched } ? .valid(ConnectionTokenClaims(user: "jwks-user")) : nil
        }
        func verifySubscriptionToken(_ token: String, now: Timestamp) -> TokenVerification<SubscriptionTokenClaims>? {
            nil
        }
        func prepareKeys(for token: String) async {
            if !fetchFails { lock.withLock { fetched = true } }
        }
    }

    final class Sink: ClientSink {
        var messages: [String] = []
        func send(_ message: ByteBuffer) { messages.append(String(buffer: message)) }
        func stopReading() {}
        func close(_ disconnect: Disconnect) {}
    }

    func connect(fetchFails: Bool) async -> [String] {
        let scheduler = InboxScheduler()
        let engine = MemoryEngine(scheduler: scheduler)
        let node = Node(
            configuration: NodeConfiguration(rules: try! ChannelRules(ChannelConfiguration())),
            scheduler: scheduler,
            broker: engine,
            presenceManager: engine,
            tokenVerifier: FetchingVerifier(fetchFails: fetchFails),
            random: SeededRandomSource(seed: 3)
        )
        let sink = Sink()
        let handle = node.open(transport: .webSocket, sink: sink)
        node.receive(.request(id: 1, .connect(ConnectRequest(token: "needs-jwks"))), from: handle)
        #expect(sink.messages.isEmpty)
        await scheduler.drain()
        return sink.messages
    }

    @Test func theConnectWaitsForTheKeysThenSucceeds() async {
        let messages = await connect(fetchFails: false)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix(#"{"id":1,"connect":{"client":""#) == true)
    }

    @Test func keysThatStayUnavailableAreAnInternalError() async {
        let messages = await connect(fetchFails: true)
        #expect(messages == [#"{"id":1,"error":{"code":100,"message":"internal server error","temporary":true}}"#])
    }
}
