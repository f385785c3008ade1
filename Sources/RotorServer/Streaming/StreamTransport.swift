import NIOCore
import NIOHTTP1
import RotorProtocol

/// The writing side of one HTTP streaming connection (http_stream, sse, uni_sse, uni_http_stream), confined
/// to its channel's event loop: frames the node's messages for its kind, writes each batch with one flush,
/// ends the response with the Disconnect push, and tells the node when the client goes away.
final class StreamTransport: OutboundTransport {
    /// A v1 unidirectional stream writes a ping after this much silence (the reference's fixed 25 s ticker).
    static let v1PingInterval = TimeAmount.seconds(25)

    let responder: HTTPResponder
    let kind: StreamKind
    let version: ProtocolVersion
    let encoding: ProtocolEncoding
    var flushPending = false
    /// The node's side of the connection; set right after the transport is opened.
    var connection: NodeConnection?
    private var pending: ByteBuffer
    private var ended = false
    private var lastWrite = NIODeadline.now()
    private var pingTask: Scheduled<Void>?

    init(responder: HTTPResponder, kind: StreamKind, version: ProtocolVersion, encoding: ProtocolEncoding) {
        self.responder = responder
        self.kind = kind
        self.version = version
        self.encoding = encoding
        self.pending = responder.channel.allocator.buffer(capacity: 0)
    }

    /// Sends the response head (and the event-stream preamble) and starts watching for the client leaving.
    func start(headers: HTTPHeaders) {
        responder.onClientGone = { [self] in clientGone() }
        responder.startStream(status: .ok, headers: headers)
        if let preamble = kind.preamble { responder.write(ByteBuffer(string: preamble)) }
        lastWrite = .now()
        if kind.isUnidirectional && version == .v1 { schedulePing() }
    }

    func enqueue(_ message: ByteBuffer) {
        guard !ended else { return }
        kind.frame(message, encoding: encoding, into: &pending)
    }

    func flushQueued() {
        guard !ended, pending.readableBytes > 0 else { return }
        responder.write(pending)
        pending = responder.channel.allocator.buffer(capacity: 0)
        lastWrite = .now()
    }

    /// Nothing to stop: the request body was read whole; the node closes the stream later.
    func stopReading() {}

    func close(_ disconnect: Disconnect) {
        guard !ended else { return }
        if disconnect.code != Disconnect.connectionClosed.code,
            let message = kind.disconnectMessage(disconnect, version: version, encoding: encoding)
        {
            kind.frame(message, encoding: encoding, into: &pending)
        }
        if pending.readableBytes > 0 { responder.write(pending, flush: false) }
        finish()
        responder.endStream()
        connection?.transportClosed()
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

    /// Arms the v1 ping for 25 s after the last write; a write in between moves it on.
    private func schedulePing() {
        pingTask = responder.eventLoop.assumeIsolated().scheduleTask(deadline: lastWrite + Self.v1PingInterval) {
            [self] in
            guard !ended else { return }
            if NIODeadline.now() >= lastWrite + Self.v1PingInterval {
                responder.write(ByteBuffer(string: kind.v1Ping))
                lastWrite = .now()
            }
            schedulePing()
        }
    }
}
