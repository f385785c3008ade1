import NIOCore
import RotorNode
import RotorProtocol

/// The node's `ClientSink` for a real transport: every call becomes an operation in the outbox of the
/// transport's event loop.
final class TransportSink: ClientSink {
    let outbox: EventLoopOutbox
    let transport: any OutboundTransport

    init(outbox: EventLoopOutbox, transport: any OutboundTransport) {
        self.outbox = outbox
        self.transport = transport
    }

    func send(_ message: ByteBuffer) { outbox.post(.message(message), to: transport) }
    func stopReading() { outbox.post(.stopReading, to: transport) }
    func close(_ disconnect: Disconnect) { outbox.post(.close(disconnect), to: transport) }
}
