import NIOCore
import RotorCore
import RotorNode
import RotorProtocol

/// The node's side of one simulated WebSocket connection: what the NIO shell will do, over a simulated link.
///
/// Inbound frames are split with `FrameDecoder` and each command goes to the node in order; a decode error
/// closes the connection with the error's outcome (3501, or close 1009 for an oversized frame), after the
/// commands before it were processed. Outbound messages (one encoded `Reply` per `send`) are batched like the
/// reference's writer: everything sent during one scheduler turn leaves as LF-joined frames of at most 16
/// messages. `close` flushes what was sent, then sends the close frame.
final class SimulatedServerShell: ClientSink, LinkEndpoint {
    /// Most messages in one outbound frame (the reference's writer batch size).
    static let maxMessagesPerFrame = 16
    /// How long after a `stopReading` the connection is dropped without a close frame (§5 UNUSABLE).
    static let unusableDropDelay: Duration = .seconds(5)

    weak var link: SimulatedLink?
    unowned let network: SimulatedNetwork
    /// The node's connection, once the link opened.
    private(set) weak var handle: ConnectionHandle?
    private var outbox: [ByteBuffer] = []
    private var flushScheduled = false
    /// The server side is finished: closed by the node, by the client's close frame, or by a broken link.
    private(set) var isClosed = false
    private var readingStopped = false
    private let encoder = FrameEncoder(encoding: .json, layout: .joined)

    init(network: SimulatedNetwork) {
        self.network = network
    }

    // MARK: LinkEndpoint

    func linkOpened(_ link: SimulatedLink) {
        guard !isClosed, let node = network.node else { return }
        handle = node.open(transport: network.transport, sink: self)
    }

    func linkReceived(_ frame: LinkFrame, on link: SimulatedLink) {
        guard !isClosed, let handle, let node = network.node else { return }
        switch frame {
        case .close:
            isClosed = true
            outbox.removeAll()
            node.transportClosed(handle)
        case .data(let bytes):
            guard !readingStopped else { return }
            var decoder = FrameDecoder<Command>(frame: bytes, encoding: .json)
            while !isClosed && !readingStopped {
                do {
                    guard let command = try decoder.next() else { return }
                    node.receive(.v2(command), from: handle)
                } catch {
                    switch error.outcome {
                    case .disconnect(let disconnect):
                        node.disconnect(handle, disconnect)
                    case .messageTooBig:
                        closeTransport(code: 1009, reason: "")
                        node.transportClosed(handle)
                    }
                    return
                }
            }
        }
    }

    func linkBroke(_ link: SimulatedLink) {
        guard !isClosed else { return }
        isClosed = true
        outbox.removeAll()
        if let handle { network.node?.transportClosed(handle) }
    }

    // MARK: ClientSink

    func send(_ message: ByteBuffer) {
        guard !isClosed else { return }
        outbox.append(message)
        guard !flushScheduled else { return }
        flushScheduled = true
        network.scheduler.execute { [weak self] in
            guard let self else { return }
            self.flushScheduled = false
            self.flush()
        }
    }

    func stopReading() {
        readingStopped = true
        let scheduler = network.scheduler
        _ = scheduler.schedule(at: scheduler.now + Self.unusableDropDelay) { [weak self] in
            guard let self, !self.isClosed else { return }
            self.flush()
            self.link?.breakLink()
        }
    }

    func close(_ disconnect: Disconnect) {
        closeTransport(code: disconnect.code, reason: disconnect.reason)
    }

    // MARK: Writing

    private func closeTransport(code: UInt32, reason: String) {
        guard !isClosed else { return }
        flush()
        isClosed = true
        link?.send(.close(code: code, reason: reason), from: .server)
    }

    private func flush() {
        guard !outbox.isEmpty, let link else {
            outbox.removeAll()
            return
        }
        var start = 0
        while start < outbox.count {
            let end = min(start + Self.maxMessagesPerFrame, outbox.count)
            var frame = ByteBuffer()
            for index in start..<end {
                encoder.appendEncoded(outbox[index], to: &frame, count: index - start)
            }
            link.send(.data(frame), from: .server)
            start = end
        }
        outbox.removeAll(keepingCapacity: true)
    }
}
