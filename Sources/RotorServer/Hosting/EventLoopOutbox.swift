import NIOConcurrencyHelpers
import NIOCore
import RotorProtocol

/// Messages from the node to the transports of one event loop.
///
/// The node (on its own loop) posts; the first post of a batch schedules one task on the transports' loop,
/// which hands every posted message to its transport and then flushes each touched transport once. A
/// publication to many subscribers on one loop therefore costs one task hop and one write per connection,
/// whatever the number of messages (DESIGN.md "Hot path").
public final class EventLoopOutbox: @unchecked Sendable {
    /// The loop whose transports this outbox feeds.
    public let eventLoop: any EventLoop
    private let lock = NIOLock()
    private var posted: [Item] = []
    private var spare: [Item] = []
    private var drainScheduled = false

    enum Operation {
        case message(ByteBuffer)
        case stopReading
        case close(Disconnect)
    }

    struct Item {
        let transport: any OutboundTransport
        let operation: Operation
    }

    /// An outbox for the transports of `eventLoop`.
    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Posts an operation for `transport` (from any thread); operations keep their posting order.
    func post(_ operation: Operation, to transport: any OutboundTransport) {
        let schedule = lock.withLock {
            posted.append(Item(transport: transport, operation: operation))
            if drainScheduled { return false }
            drainScheduled = true
            return true
        }
        if schedule {
            eventLoop.execute { self.drain() }
        }
    }

    /// Runs on `eventLoop`: delivers the batch, then flushes each touched transport once.
    private func drain() {
        var batch = lock.withLock {
            let batch = posted
            posted = spare
            spare = []
            drainScheduled = false
            return batch
        }
        var touched: [any OutboundTransport] = []
        for item in batch {
            let transport = item.transport
            switch item.operation {
            case .message(let message):
                transport.enqueue(message)
                if !transport.flushPending {
                    transport.flushPending = true
                    touched.append(transport)
                }
            case .stopReading:
                transport.stopReading()
            case .close(let disconnect):
                if transport.flushPending {
                    transport.flushPending = false
                    transport.flushQueued()
                }
                transport.close(disconnect)
            }
        }
        for transport in touched where transport.flushPending {
            transport.flushPending = false
            transport.flushQueued()
        }
        batch.removeAll(keepingCapacity: true)
        lock.withLock { if spare.isEmpty { spare = batch } }
    }
}
