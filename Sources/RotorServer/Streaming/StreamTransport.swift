import NIOCore
import NIOHTTP1
import RotorProtocol

/// The writing side of one HTTP streaming connection (http_stream, sse, uni_sse, uni_http_stream), confined
/// to its channel's event loop: frames the node's messages for its kind, writes each batch with one flush,
/// ends the response with the Disconnect push, and tells the node when the client goes away.
final class StreamTransport: OutboundTransport {
    /// A v1 unidirectional stream writes a ping after this much silence (the reference's fixed 25 s ticker,
    /// reset by every message).
    static let v1PingInterval = TimeAmount.seconds(25)

    let responder: HTTPResponder
    let kind: StreamKind
    let version: ProtocolVersion
    let encoding: ProtocolEncoding
    var flushPending = false
    /// The node's side of the connection; set right after the transport is opened.
    var connection: NodeConnection?
    /// The silence after which a v1 unidirectional stream pings; nil for every other stream.
    let pingInterval: TimeAmount?
    /// `client_queue_max_size`: the bytes the channel may hold unsent before the client counts as slow
    /// (3008); 0 turns the check off.
    let queueLimit: Int
    private var slow = false
    private var pending: ByteBuffer
    private var ended = false
    private var pingTask: Scheduled<Void>?

    init(
        responder: HTTPResponder, kind: StreamKind, version: ProtocolVersion, encoding: ProtocolEncoding,
        queueLimit: Int = 0, v1PingInterval: TimeAmount = StreamTransport.v1PingInterval
    ) {
        self.responder = responder
        self.kind = kind
        self.version = version
        self.encoding = encoding
        self.pingInterval = kind.isUnidirectional && version == .v1 ? v1PingInterval : nil
        self.queueLimit = queueLimit
        self.pending = responder.channel.allocator.buffer(capacity: 0)
    }

    /// Sends the response head (and the event-stream preamble) and starts watching for the client leaving.
    func start(headers: HTTPHeaders) {
        responder.onClientGone = { [self] in clientGone() }
        responder.startStream(status: .ok, headers: headers)
        if let preamble = kind.preamble { responder.write(ByteBuffer(string: preamble)) }
        schedulePing()
    }

    func enqueue(_ message: ByteBuffer) {
        guard !ended else { return }
        kind.frame(message, encoding: encoding, into: &pending)
    }

    func flushQueued() {
        guard !ended, pending.readableBytes > 0 else { return }
        responder.write(pending)
        pending = responder.channel.allocator.buffer(capacity: 0)
        schedulePing()
        checkBacklog()
    }

    /// Nothing to stop: the request body was read whole; the node closes the stream later.
    func stopReading() {}

    func close(_ disconnect: Disconnect) {
        guard !ended else { return }
        // Like the reference, nothing more is written to a slow client: its queue is dropped with the push.
        if disconnect.code != Disconnect.connectionClosed.code, disconnect.code != Disconnect.slow.code,
            let message = kind.disconnectMessage(disconnect, version: version, encoding: encoding)
        {
            kind.frame(message, encoding: encoding, into: &pending)
        }
        if pending.readableBytes > 0 { responder.write(pending, flush: false) }
        finish()
        // Released before the end goes out, so a client that saw the end finds its slot free.
        connection?.transportClosed()
        responder.endStream()
    }

    /// Disconnects a client that lets more than `queueLimit` bytes pile up unsent (it does not read).
    private func checkBacklog() {
        guard queueLimit > 0, !slow,
            let buffered = try? responder.channel.syncOptions?.getOption(.bufferedWritableBytes),
            buffered > queueLimit
        else { return }
        slow = true
        connection?.disconnect(.slow)
    }

    private func clientGone() {
        guard !ended else { return }
        finish()
        connection?.transportClosed()
    }

    private func finish() {
        ended = true
        pending.clear()
        pingTask?.cancel()
        pingTask = nil
    }

    /// (Re)arms the v1 ping for one interval after the last write.
    private func schedulePing() {
        guard let pingInterval else { return }
        pingTask?.cancel()
        pingTask = responder.eventLoop.assumeIsolated().scheduleTask(in: pingInterval) { [self] in
            guard !ended else { return }
            responder.write(ByteBuffer(string: kind.v1Ping))
            schedulePing()
        }
    }
}
