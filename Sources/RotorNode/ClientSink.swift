import NIOCore
import RotorProtocol

/// Where a connection's outgoing messages go: the transport shell (WebSocket handler, SSE stream, …) or a
/// simulated client.
///
/// Every call happens on the node's scheduler.
public protocol ClientSink: AnyObject {
    /// One encoded protocol message: a `Reply` on bidirectional transports, a `Push` on unidirectional ones,
    /// without framing (the transport joins and frames them).
    func send(_ message: ByteBuffer)
    /// Stop reading from the client (failed connect, v1 synchronous errors); close the transport later.
    func stopReading()
    /// Close the transport with `disconnect`, after flushing what was sent before.
    func close(_ disconnect: Disconnect)
}
