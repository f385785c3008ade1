import NIOCore
import RotorCore
import RotorProtocol

/// `/connection/uni_websocket` (spec §12.1): the first client message is a JSON ConnectRequest (an
/// unparseable one just closes the connection), later ones are discarded; every push is its own text frame;
/// a disconnect is the Disconnect push followed by a TCP close without a Close frame.
final class UniWebSocketSession: WebSocketSession, OutboundTransport {
    let host: NodeHost
    let eventLoop: any EventLoop
    let transport: TransportDescription
    var flushPending = false
    private var socket: WebSocketConnectionHandler?
    private var connection: NodeConnection?
    private var queued: [ByteBuffer] = []
    private var connectReceived = false
    private var slow = false

    init(host: NodeHost, eventLoop: any EventLoop, version: ProtocolVersion) {
        self.host = host
        self.eventLoop = eventLoop
        self.transport = TransportDescription(name: "uni_websocket", version: version, isUnidirectional: true)
    }

    // MARK: WebSocketSession

    func opened(_ connection: WebSocketConnectionHandler) {
        socket = connection
        self.connection = host.connect(transport, transport: self, on: eventLoop)
    }

    func received(_ message: ByteBuffer, binary: Bool) {
        guard !connectReceived else { return }
        connectReceived = true
        do throws(ProtocolDecodingError) {
            let request = try MessageCodec.json.decode(ConnectRequest.self, from: message)
            connection?.receive(connect: request)
        } catch {
            socket?.closeWithoutFrame()
        }
    }

    func becameUnwritable() {
        guard !slow else { return }
        slow = true
        queued.removeAll()
        connection?.disconnect(.slow)
    }

    func closed() {
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
        for message in queued { socket.send(message, binary: false) }
        queued.removeAll(keepingCapacity: true)
        socket.flush()
    }

    func stopReading() {}

    func close(_ disconnect: Disconnect) {
        guard let socket else { return }
        if disconnect.code != Disconnect.connectionClosed.code, !slow,
            let push = try? Self.disconnectPush(disconnect, version: transport.version)
        {
            socket.send(push, binary: false)
        }
        socket.closeWithoutFrame()
    }

    /// The Disconnect push of a unidirectional connection: v2 `{"disconnect":{…}}`, v1 `{"type":7,"data":{…}}`.
    static func disconnectPush(_ disconnect: Disconnect, version: ProtocolVersion) throws(ProtocolEncodingError)
        -> ByteBuffer
    {
        let push = Push(.disconnect(disconnect.push(for: version)))
        if version == .v1 { return try MessageCodec.json.encode(V1Mapping(.json).push(push)) }
        return try MessageCodec.json.encode(push)
    }
}
