import NIOCore
import RotorCore
import RotorProtocol

/// One SockJS session: a client connection of the node whose frames travel over successive receiving requests
/// (or one WebSocket). Runs `SockJSSessionMachine` on its event loop; every method must be called there.
final class SockJSSession: OutboundTransport, @unchecked Sendable {
    /// How long sessions wait and how often they beat.
    struct Timing: Sendable {
        /// A session without a receiver for this long is closed (sockjs-go's disconnect delay).
        var disconnectDelay: TimeAmount = .seconds(5)
        /// `h` period while a receiver is attached; nil: no heartbeats (protocol v2 pings at application level).
        var heartbeatDelay: TimeAmount?
    }

    /// The session id from the URL.
    let id: String
    /// The loop the session is confined to.
    let eventLoop: any EventLoop
    /// The client protocol version.
    let version: ProtocolVersion
    var flushPending = false
    private let timing: Timing
    private let reader: CommandFrameReader
    private var machine: SockJSSessionMachine
    private var connection: NodeConnection?
    private var receiver: (any SockJSReceiver)?
    private var timer: Scheduled<Void>?
    private var timerGeneration = 0
    private var reading = true
    private var queued: [ByteBuffer] = []
    private let onClosed: (SockJSSession) -> Void

    /// A session; `start` connects it to the node.
    init(
        id: String, eventLoop: any EventLoop, version: ProtocolVersion, timing: Timing, maxWaitingBytes: Int,
        onClosed: @escaping (SockJSSession) -> Void
    ) {
        self.id = id
        self.eventLoop = eventLoop
        self.version = version
        self.timing = timing
        self.reader = CommandFrameReader(version: version, encoding: .json)
        self.machine = SockJSSessionMachine(maxWaitingBytes: maxWaitingBytes, heartbeats: timing.heartbeatDelay != nil)
        self.onClosed = onClosed
    }

    /// Opens the node connection and starts the expiry timer.
    func start(host: NodeHost) {
        connection = host.connect(
            TransportDescription(name: "sockjs", version: version), transport: self, on: eventLoop)
        arm(SockJSSessionMachine.initialTimer)
    }

    /// Whether client messages are still accepted (false once the session is closing).
    var isOpen: Bool { machine.state == .opening || machine.state == .active }

    // MARK: Receivers

    /// A receiving request arrived: it gets `o`, waiting messages, or a close frame.
    func attach(_ newReceiver: any SockJSReceiver) {
        switch machine.attach(newReceiver.id) {
        case .refused:
            _ = newReceiver.send(SockJSFrame.anotherConnectionStillOpen)
            newReceiver.end()
        case .closing(let frame):
            _ = newReceiver.send(frame)
            newReceiver.end()
        case .attached(let open, let timer):
            receiver = newReceiver
            arm(timer)
            var sending = true
            if open { sending = newReceiver.send(SockJSFrame.open) }
            if sending, let frame = machine.takeWaiting() { sending = newReceiver.send(frame) }
            if !sending { ended(newReceiver) }
        }
    }

    /// The client of receiver `id` went away before its response ended: the session closes.
    func interrupted(receiver id: Int) {
        if machine.receiverInterrupted(id) { tearDown() }
    }

    /// Closes the session now (its WebSocket is gone).
    func terminate() {
        if machine.expire() { tearDown() }
    }

    private func ended(_ finished: any SockJSReceiver) {
        guard let timer = machine.receiverEnded(finished.id) else { return }
        receiver = nil
        arm(timer)
    }

    private func deliver(_ frame: String) {
        guard let receiver else { return }
        if !receiver.send(frame) { ended(receiver) }
    }

    // MARK: Client messages

    /// Client messages, each one frame of commands; false when the session no longer accepts them.
    func accept(_ messages: [String]) -> Bool {
        guard isOpen else { return false }
        guard let connection else { return true }
        for message in messages where reading {
            if connection.receive(frame: ByteBuffer(string: message), with: reader) != nil { reading = false }
        }
        return true
    }

    // MARK: OutboundTransport

    func enqueue(_ message: ByteBuffer) {
        queued.append(message)
    }

    func flushQueued() {
        guard !queued.isEmpty else { return }
        var joined = ByteBuffer()
        for index in queued.indices {
            if index > 0 { joined.writeInteger(UInt8(ascii: "\n")) }
            joined.writeImmutableBuffer(queued[index])
        }
        queued.removeAll(keepingCapacity: true)
        switch machine.send(String(buffer: joined)) {
        case .send(let frame): deliver(frame)
        case .overflow: connection?.disconnect(.slow)
        case .waiting, .dropped: break
        }
    }

    func stopReading() {
        reading = false
    }

    func close(_ disconnect: Disconnect) {
        queued.removeAll()
        // The client connection is over for the node; the session stays to replay the close frame until it expires.
        connection?.transportClosed()
        let frame = SockJSFrame.close(disconnect, version: version)
        guard machine.close(frame: frame) != nil, let receiver else { return }
        _ = receiver.send(frame)
        receiver.end()
        ended(receiver)
    }

    // MARK: Timers

    private func arm(_ kind: SockJSSessionMachine.Timer) {
        timer?.cancel()
        timer = nil
        timerGeneration += 1
        let generation = timerGeneration
        let delay: TimeAmount
        switch kind {
        case .none: return
        case .expiry: delay = timing.disconnectDelay
        case .heartbeat:
            guard let heartbeat = timing.heartbeatDelay else { return }
            delay = heartbeat
        }
        timer = eventLoop.scheduleTask(in: delay) { [self] in
            guard generation == timerGeneration else { return }
            fired(kind)
        }
    }

    private func fired(_ kind: SockJSSessionMachine.Timer) {
        switch kind {
        case .none: break
        case .expiry: terminate()
        case .heartbeat:
            guard machine.heartbeatDue(), receiver != nil else { return }
            arm(.heartbeat)
            deliver(SockJSFrame.heartbeat)
        }
    }

    private func tearDown() {
        timer?.cancel()
        timer = nil
        receiver?.end()
        receiver = nil
        connection?.transportClosed()
        onClosed(self)
    }
}
