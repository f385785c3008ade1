import NIOCore
import RotorCore
import RotorProtocol

/// `/connection/websocket`: the bidirectional client protocol over a WebSocket (spec §4, §10.3). Client
/// messages go to the node as command frames; the node's messages are framed in batches of at most 16
/// (LF-joined JSON in text frames, varint-prefixed Protobuf in binary frames).
final class ClientWebSocketSession: WebSocketSession, OutboundTransport {
    /// The writer's batch size (spec §4.1).
    static let messagesPerFrame = 16

    let host: NodeHost
    let eventLoop: any EventLoop
    let transport: TransportDescription
    let reader: CommandFrameReader
    let framing: FrameEncoder
    var flushPending = false
    private var socket: WebSocketConnectionHandler?
    private var connection: NodeConnection?
    private var queued: [ByteBuffer] = []
    private var reading = true
    /// Drops the connection a while after it stopped reading.
    private var dropTask: Scheduled<Void>?
    /// The client stopped keeping up: further messages are dropped while the node disconnects it.
    private var slow = false

    init(host: NodeHost, eventLoop: any EventLoop, version: ProtocolVersion, encoding: ProtocolEncoding) {
        self.host = host
        self.eventLoop = eventLoop
        self.transport = TransportDescription(name: "websocket", version: version, isProtobuf: encoding == .protobuf)
        self.reader = CommandFrameReader(version: version, encoding: encoding)
        self.framing = FrameEncoder(encoding: encoding)
    }

    // MARK: WebSocketSession

    func opened(_ connection: WebSocketConnectionHandler) {
        socket = connection
        self.connection = host.connect(transport, transport: self, on: eventLoop)
    }

    func received(_ message: ByteBuffer, binary: Bool) {
        guard reading, let connection else { return }
        switch connection.receive(frame: message, with: reader) {
        case nil:
            break
        case .disconnect:
            stopReading()
        case .messageTooBig:
            stopReading()
            socket?.fail(code: 1009, reason: "")
        }
    }

    func becameUnwritable() {
        guard !slow else { return }
        slow = true
        queued.removeAll()
        connection?.disconnect(.slow)
    }

    func closed() {
        dropTask?.cancel()
        dropTask = nil
        socket = nil
        queued.removeAll()
        connection?.transportClosed()
    }

    // MARK: OutboundTransport

    func enqueue(_ message: ByteBuffer) {
        guard !slow, socket?.isOpen == true else { return }
        queued.append(message)
    }

    func flushQueued() {
        guard let socket, !queued.isEmpty else { return }
        let binary = transport.isProtobuf
        if queued.count == 1 && binary {
            // One Protobuf message: its length prefix goes out in front of it, the message itself uncopied.
            var prefix = ByteBuffer()
            Varint.write(UInt64(queued[0].readableBytes), to: &prefix)
            socket.send(queued[0], binary: true, prefix: prefix)
        } else {
            var start = 0
            while start < queued.count {
                let end = min(start + Self.messagesPerFrame, queued.count)
                socket.send(frame(queued[start..<end]), binary: binary)
                start = end
            }
        }
        queued.removeAll(keepingCapacity: true)
        socket.flush()
    }

    /// The reference stops reading and drops TCP, without a Close frame, about 5 s later (spec §5,
    /// UNUSABLE; recording `bad_after_failed_connect`), unless the node closes the connection first.
    static let dropAfterStopReading: TimeAmount = .seconds(5)

    func stopReading() {
        reading = false
        socket?.stopReading()
        guard dropTask == nil, let socket else { return }
        let bound = NIOLoopBound(socket, eventLoop: eventLoop)
        dropTask = eventLoop.scheduleTask(in: Self.dropAfterStopReading) { bound.value.closeWithoutFrame() }
    }

    func close(_ disconnect: Disconnect) {
        guard let socket else { return }
        if disconnect.code == Disconnect.connectionClosed.code {
            socket.closeWithoutFrame()
            return
        }
        let frame = disconnect.closeFrame(for: transport.version)
        socket.close(code: frame.code, reason: frame.reason)
    }

    /// One WebSocket message holding `messages`; a single JSON message is sent as it is.
    private func frame(_ messages: ArraySlice<ByteBuffer>) -> ByteBuffer {
        if messages.count == 1 && !transport.isProtobuf { return messages[messages.startIndex] }
        var size = 0
        for message in messages { size += message.readableBytes + 5 }
        var frame = ByteBuffer()
        frame.reserveCapacity(size)
        for (index, message) in messages.enumerated() { framing.appendEncoded(message, to: &frame, count: index) }
        return frame
    }
}
