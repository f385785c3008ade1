import NIOCore
import RotorProtocol

/// The writing side of one client transport (a WebSocket, an HTTP stream …), confined to its channel's event
/// loop. The node never calls it directly: its messages travel through the loop's `EventLoopOutbox`, which
/// hands over everything one batch holds and then asks each touched transport to flush once.
public protocol OutboundTransport: AnyObject {
    /// Queues one encoded protocol message (a `Reply`, or a `Push` on unidirectional transports), unframed.
    func enqueue(_ message: ByteBuffer)
    /// Frames what was queued since the last flush (joined as the transport allows), writes it and flushes.
    func flushQueued()
    /// Stops reading from the client; the node will close the transport later.
    func stopReading()
    /// Closes the transport with `disconnect` after writing everything queued before.
    func close(_ disconnect: Disconnect)
    /// Set by the outbox while the transport has queued messages in the current batch.
    var flushPending: Bool { get set }
}
