import NIOConcurrencyHelpers
import NIOCore
import RotorCore
import RotorProtocol

@testable import RotorServer

/// A client connected straight to a running server's node host, without a network transport: commands go in
/// through `NodeConnection`, messages come out through an `OutboundTransport` that records them.
final class FakeClient: Sendable {
    let connection: NodeConnection
    private let transport: RecordingTransport

    init(server: Server, transport name: String) {
        let transport = RecordingTransport()
        self.transport = transport
        let unidirectional = name.hasPrefix("uni_")
        let loop = server.group.next()
        connection = server.host.connect(
            TransportDescription(name: name, isUnidirectional: unidirectional), transport: transport, on: loop)
    }

    func send(_ command: ClientCommand) {
        connection.receive([command])
    }

    /// Waits (at most 10 s) until `count` messages were received.
    func waitForMessages(_ count: Int) async throws {
        try await waitUntil { self.transport.state.withLockedValue { $0.messages.count >= count } }
    }

    /// Waits (at most 10 s) until the server closed the transport.
    func waitForClose() async throws {
        try await waitUntil { self.transport.state.withLockedValue { $0.closed != nil } }
    }

    private func waitUntil(_ condition: @Sendable () -> Bool) async throws {
        for _ in 0..<1000 {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw WaitTimeout()
    }

    struct WaitTimeout: Error {}
}

/// Records what the node sends.
final class RecordingTransport: OutboundTransport, @unchecked Sendable {
    struct State {
        var messages: [ByteBuffer] = []
        var closed: Disconnect?
    }

    let state = NIOLockedValueBox(State())
    private var queued: [ByteBuffer] = []
    var flushPending = false

    func enqueue(_ message: ByteBuffer) { queued.append(message) }

    func flushQueued() {
        let batch = queued
        queued = []
        state.withLockedValue { $0.messages += batch }
    }

    func stopReading() {}

    func close(_ disconnect: Disconnect) {
        flushQueued()
        state.withLockedValue { $0.closed = disconnect }
    }
}
