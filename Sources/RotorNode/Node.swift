import NIOCore
import OrderedCollections
import RotorCore
import RotorEngine
import RotorProtocol

/// One Rotor node: connection state machines wired to the engine, the hub of local subscribers, and the
/// server API operations.
///
/// A node is confined to its scheduler: every method is called there, and engines complete there. It is
/// deliberately not `Sendable`; the server shell owns it on one executor.
public final class Node {
    /// The node's id (UUID), as `info` reports it.
    public let id: String
    /// The configuration it runs with.
    public let configuration: NodeConfiguration
    let scheduler: any Scheduler
    let broker: any Broker
    let presenceManager: (any PresenceManager)?
    let tokenVerifier: (any TokenVerifying)?
    let random: any RandomSource
    let startedAt: Timestamp

    /// Connections by client id, in connection order.
    var connections: OrderedDictionary<String, ConnectionHandle> = [:]
    /// Unidirectional and emulation connections by session id (how `/emulation` finds its connection).
    var sessions: [String: ConnectionHandle] = [:]
    /// Authenticated connections by user id.
    var users: [String: OrderedSet<String>] = [:]
    /// Local subscribers by channel.
    var hub: [String: HubChannel] = [:]
    var shuttingDown = false
    /// Told about commands, messages, closes and operations (metrics, trace logs); nil by default.
    public var observer: (any NodeObserver)?

    /// A node using `broker` (and `presenceManager`, if any) on `scheduler`.
    public init(
        configuration: NodeConfiguration,
        scheduler: any Scheduler,
        broker: any Broker,
        presenceManager: (any PresenceManager)?,
        tokenVerifier: (any TokenVerifying)?,
        random: any RandomSource = SystemRandomSource()
    ) {
        self.configuration = configuration
        self.scheduler = scheduler
        self.broker = broker
        self.presenceManager = presenceManager
        self.tokenVerifier = tokenVerifier
        self.random = random
        self.startedAt = scheduler.now
        self.id = random.uuidString()
        broker.run(handler: self)
    }

    // MARK: Connections

    /// A transport opened: creates the connection's machine (the stale timer starts).
    public func open(transport: TransportDescription, sink: any ClientSink) -> ConnectionHandle {
        let client = configuration.client
        var jitter = Duration.zero
        let interval = client.pingInterval.nanoseconds
        if interval > 0 { jitter = .nanoseconds(Int64(random.next(below: UInt64(interval)))) }
        let machine = ClientConnection(
            clientID: random.uuidString(),
            sessionID: transport.isUnidirectional || transport.isEmulation ? random.uuidString() : "",
            nodeID: id,
            transport: transport,
            configuration: client,
            rules: configuration.rules,
            firstPingDelay: jitter,
            now: scheduler.now
        )
        let handle = ConnectionHandle(machine: machine, sink: sink)
        connections[handle.clientID] = handle
        if !handle.sessionID.isEmpty { sessions[handle.sessionID] = handle }
        observer?.opened(handle)
        if shuttingDown {
            feed(handle) { $0.disconnect(.shutdown) }
        } else {
            rearmTimer(handle)
        }
        return handle
    }

    /// A command from the client of `handle`.
    public func receive(_ command: ClientCommand, from handle: ConnectionHandle) {
        guard !handle.removed else { return }
        observer?.received(command, from: handle)
        let now = scheduler.now
        feed(handle) { $0.receive(command, now: now) }
    }

    /// The transport of `handle` closed (client went away or write failed): cleanup, nothing is sent.
    public func transportClosed(_ handle: ConnectionHandle) {
        guard !handle.removed else { return }
        feed(handle) { $0.transportClosed() }
        remove(handle)
    }

    /// Closes `handle` from the server side (slow client, write error …).
    public func disconnect(_ handle: ConnectionHandle, _ disconnect: Disconnect) {
        guard !handle.removed else { return }
        feed(handle) { $0.disconnect(disconnect) }
    }

    /// Node shutdown: every connection is closed with 3001 and new ones are refused the same way.
    public func shutdown() {
        shuttingDown = true
        for handle in Array(connections.values) { disconnect(handle, .shutdown) }
    }

    /// Whether `shutdown()` was called (the server API then answers 503).
    public var isShuttingDown: Bool { shuttingDown }

    /// Number of open connections.
    public var connectionCount: Int { connections.count }

    /// Number of distinct authenticated users (anonymous counts as one).
    public var userCount: Int { users.count }

    /// Number of channels with local subscribers.
    public var channelCount: Int { hub.count }

    /// Number of (connection, channel) subscriptions.
    public var subscriptionCount: Int { hub.values.reduce(0) { $0 + $1.subscribers.count } }

    /// Looks up a connection by client id.
    public func connection(_ clientID: String) -> ConnectionHandle? { connections[clientID] }

    /// Looks up an open emulation or unidirectional connection by session id.
    public func connection(session: String) -> ConnectionHandle? { sessions[session] }

    // MARK: Running the machine

    /// Applies an event to the machine of `handle` and runs the resulting actions.
    func feed(_ handle: ConnectionHandle, _ event: (inout ClientConnection) -> [ConnectionAction]) {
        let actions = event(&handle.machine)
        run(actions, for: handle)
    }

    /// Runs actions in order; actions produced while running (inline engine answers) queue behind them.
    func run(_ actions: [ConnectionAction], for handle: ConnectionHandle) {
        handle.pending.append(contentsOf: actions)
        guard !handle.running else { return }
        handle.running = true
        while !handle.pending.isEmpty {
            let action = handle.pending.removeFirst()
            perform(action, for: handle)
        }
        handle.running = false
        rearmTimer(handle)
    }

    func rearmTimer(_ handle: ConnectionHandle) {
        let deadline = handle.removed ? nil : handle.machine.nextDeadline
        guard deadline != handle.timerDeadline else { return }
        handle.timer?.cancel()
        handle.timer = nil
        handle.timerDeadline = deadline
        guard let deadline else { return }
        handle.timer = scheduler.schedule(at: deadline) { [weak self] in
            guard let self, !handle.removed else { return }
            handle.timer = nil
            handle.timerDeadline = nil
            let now = self.scheduler.now
            self.feed(handle) { $0.timersFired(now: now) }
        }
    }

    /// Takes a closed connection out of the node.
    func remove(_ handle: ConnectionHandle) {
        guard !handle.removed else { return }
        handle.removed = true
        handle.timer?.cancel()
        handle.timer = nil
        handle.timerDeadline = nil
        connections[handle.clientID] = nil
        if !handle.sessionID.isEmpty { sessions[handle.sessionID] = nil }
        if let user = handle.registeredUser {
            observer?.recorded(.action(.removeClient))
            users[user]?.remove(handle.clientID)
            if users[user]?.isEmpty == true { users[user] = nil }
        }
        observer?.left(handle)
    }

    /// Sends an encoded message, or closes with 3506 when the connection's encoding cannot carry it.
    func send(_ message: ByteBuffer?, to handle: ConnectionHandle) {
        guard !handle.removed else { return }
        if let message {
            handle.sink.send(message)
        } else {
            feed(handle) { $0.disconnect(.inappropriateProtocol) }
        }
    }
}
