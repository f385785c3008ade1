import NIOCore
import RotorCore
import RotorProtocol

/// A protocol v2 JSON client speaking to the node over a simulated link, behaving like the Centrifuge SDKs:
/// it connects (anonymously, or with a token), answers every server ping with one pong when the connect result
/// asks for pongs, subscribes to its channels (as recoverable where the channel keeps history), remembers the
/// epoch and last offset per channel and recovers from them on every resubscribe, resubscribes after an
/// unsubscribe push with a code ≥ 2500, and reconnects with backoff after a broken link or a disconnect code
/// that allows it (§10.1).
///
/// Everything it observes is appended to `events`, which the invariant checks read.
public final class SimulatedClient: LinkEndpoint {
    /// Where the client's connection stands.
    public enum Phase: Sendable, Hashable {
        /// No connection and none wanted (not started, left, or given up after a final disconnect code).
        case offline
        /// The link is being established.
        case opening
        /// The connect command was sent; waiting for its reply.
        case connecting
        /// Connected: commands are served.
        case connected
        /// Waiting for the backoff delay before the next connection attempt.
        case waitingToReconnect
    }

    /// The client's number in its simulation.
    public let index: Int
    /// The connection token; empty connects anonymously.
    public let token: String
    /// The channels it subscribes to, in order.
    public let channels: [String]
    /// What it observed, in order.
    public private(set) var events: [ClientEvent] = []
    /// Where its connection stands.
    public private(set) var phase = Phase.offline
    /// Whether it wants to be connected (false before `start()` and after `leave()`).
    public private(set) var wantsConnection = false
    /// The client id of the current (or last) connection.
    public private(set) var clientID = ""
    /// Connection attempts so far.
    public private(set) var connectionNumber = 0
    /// Pings answered with a pong so far.
    public internal(set) var pongsSent = 0
    /// Join and leave pushes received so far.
    public internal(set) var joinLeaveCount = 0
    /// Receives a line per notable step when set (replaying a failing seed).
    public var trace: ((String) -> Void)?

    let network: SimulatedNetwork
    let random: SimulationRandom
    let backoff: ReconnectBackoff
    /// Asks for join/leave pushes in channels without history.
    let joinLeave: Bool
    var link: SimulatedLink?
    var pongRequired = false
    var nextCommandID: UInt32 = 0
    var pending: [UInt32: PendingCommand] = [:]
    var subscriptions: [String: ClientSubscription] = [:]
    private var outbox: [Command] = []
    private var flushScheduled = false
    private var reconnectAttempt = 0
    private var reconnectTimer: (any ScheduledWork)?

    /// What a command waits for.
    enum PendingCommand {
        case connect
        case subscribe(channel: String, requested: StreamPosition?)
        case unsubscribe
        case publish(channel: String, payload: String)
    }

    /// A client numbered `index`, connecting with `token`, subscribing to `channels` (those in `recoverable` as
    /// recoverable, with recovery; the others asking for join/leave pushes when `joinLeave`), using `network`.
    public init(
        index: Int,
        token: String = "",
        channels: [String],
        recoverable: Set<String>,
        network: SimulatedNetwork,
        random: SimulationRandom,
        backoff: ReconnectBackoff = ReconnectBackoff(),
        joinLeave: Bool = false
    ) {
        self.index = index
        self.token = token
        self.channels = channels
        self.network = network
        self.random = random
        self.backoff = backoff
        self.joinLeave = joinLeave
        for channel in channels {
            subscriptions[channel] = ClientSubscription(channel: channel, recoverable: recoverable.contains(channel))
        }
    }

    var scheduler: SimulatedScheduler { network.scheduler }

    // MARK: Driving the client

    /// Starts (or resumes) wanting a connection: connects now if it has none.
    public func start() {
        trace?("client \(index): start")
        wantsConnection = true
        guard phase == .offline else { return }
        openConnection()
    }

    /// Closes the connection with a close frame and stays offline until `start()`. Subscription positions
    /// are kept, so a later `start()` recovers.
    public func leave() {
        trace?("client \(index): leave")
        wantsConnection = false
        reconnectTimer?.cancel()
        reconnectTimer = nil
        guard phase != .offline else { return }
        if let link {
            flush()
            link.send(.close(code: 1000, reason: ""), from: .client)
        }
        if phase == .connected || phase == .connecting { record(.left) }
        connectionEnded()
        phase = .offline
    }

    /// Unsubscribes from `channel` (it stays unwanted until `subscribe(_:)`).
    public func unsubscribe(_ channel: String) {
        guard var subscription = subscriptions[channel], subscription.desired else { return }
        trace?("client \(index): unsubscribe \(channel)")
        subscription.desired = false
        subscription.retry?.cancel()
        subscription.retry = nil
        if phase == .connected && subscription.state != .unsubscribed {
            subscription.state = .unsubscribed
            subscription.dropsStrayPublications = true
            subscriptions[channel] = subscription
            record(.clientUnsubscribed(channel: channel))
            let id = commandID()
            pending[id] = .unsubscribe
            enqueue(Command(id: id, unsubscribe: UnsubscribeRequest(channel: channel)))
        } else {
            subscriptions[channel] = subscription
        }
    }

    /// Wants `channel` again and subscribes (recovering from the remembered position) when connected.
    public func subscribe(_ channel: String) {
        guard var subscription = subscriptions[channel], !subscription.desired else { return }
        trace?("client \(index): subscribe \(channel)")
        subscription.desired = true
        subscriptions[channel] = subscription
        if phase == .connected { sendSubscribe(channel) }
    }

    /// Publishes `payload` (a JSON value) into `channel` through the client protocol, if connected.
    public func publish(_ payload: String, to channel: String) {
        guard phase == .connected else { return }
        trace?("client \(index): publish \(payload) to \(channel)")
        let id = commandID()
        pending[id] = .publish(channel: channel, payload: payload)
        enqueue(Command(id: id, publish: PublishRequest(channel: channel, data: ByteBuffer(string: payload))))
    }

    /// Breaks the client's link, as a network fault would.
    public func breakConnection() {
        link?.breakLink()
    }

    // MARK: State for the checks

    /// Whether the client is where it wants to be: connected with every wanted channel subscribed and no
    /// command waiting, or offline when it does not want a connection.
    public var isSettled: Bool {
        guard wantsConnection else { return phase == .offline }
        guard phase == .connected, pending.isEmpty else { return false }
        return subscriptions.values.allSatisfy { !$0.desired || $0.state == .subscribed }
    }

    /// The channels whose subscribe reply arrived on the current connection, in `channels` order.
    public var subscribedChannels: [String] {
        guard phase == .connected else { return [] }
        return channels.filter { subscriptions[$0]?.state == .subscribed }
    }

    // MARK: Connection lifecycle

    private func openConnection() {
        connectionNumber += 1
        phase = .opening
        pongRequired = false
        link = network.open(from: self)
        trace?("client \(index): opening link \(link!.id) (connection \(connectionNumber))")
    }

    /// Forgets the current connection: pending commands and subscribe states (positions stay).
    func connectionEnded() {
        link = nil
        pending.removeAll()
        outbox.removeAll()
        for channel in channels {
            subscriptions[channel]?.state = .unsubscribed
            subscriptions[channel]?.dropsStrayPublications = false
            subscriptions[channel]?.retry?.cancel()
            subscriptions[channel]?.retry = nil
        }
    }

    /// The connection ended on the server's or the network's initiative: reconnect after a backoff if wanted
    /// and allowed.
    func connectionLost(reconnect: Bool) {
        connectionEnded()
        guard wantsConnection && reconnect else {
            if !reconnect { wantsConnection = false }
            phase = .offline
            return
        }
        phase = .waitingToReconnect
        let delay = backoff.delay(attempt: reconnectAttempt, random: random)
        reconnectAttempt += 1
        trace?("client \(index): reconnecting in \(delay)")
        reconnectTimer = scheduler.schedule(at: scheduler.now + delay) { [weak self] in
            guard let self, self.phase == .waitingToReconnect else { return }
            self.reconnectTimer = nil
            self.openConnection()
        }
    }

    /// The link is up: send the connect command.
    public func linkOpened(_ link: SimulatedLink) {
        guard link === self.link, phase == .opening else { return }
        phase = .connecting
        let id = commandID()
        pending[id] = .connect
        enqueue(Command(id: id, connect: ConnectRequest(token: token, name: "rotor-sim", version: "1")))
    }

    /// The link broke: reconnect after a backoff.
    public func linkBroke(_ link: SimulatedLink) {
        guard link === self.link else { return }
        trace?("client \(index): link \(link.id) broke")
        if phase == .connected { record(.transportBroken) }
        connectionLost(reconnect: true)
    }

    /// Called after a successful connect reply.
    func connected(clientID: String, pong: Bool) {
        self.clientID = clientID
        pongRequired = pong
        phase = .connected
        reconnectAttempt = 0
        record(.connected(clientID: clientID))
        for channel in channels where subscriptions[channel]?.desired == true {
            sendSubscribe(channel)
        }
    }

    // MARK: Commands

    func commandID() -> UInt32 {
        nextCommandID &+= 1
        if nextCommandID == 0 { nextCommandID = 1 }
        return nextCommandID
    }

    /// Sends a subscribe for `channel`, asking to recover from the remembered position when it has one.
    func sendSubscribe(_ channel: String) {
        guard var subscription = subscriptions[channel], subscription.desired, subscription.state == .unsubscribed
        else { return }
        subscription.retry?.cancel()
        subscription.retry = nil
        let id = commandID()
        var request = SubscribeRequest(channel: channel)
        var requested: StreamPosition?
        if subscription.recoverable {
            request.recoverable = true
            request.positioned = true
            if let epoch = subscription.epoch {
                request.recover = true
                request.epoch = epoch
                request.offset = subscription.offset
                requested = StreamPosition(offset: subscription.offset, epoch: epoch)
            }
        } else {
            request.joinLeave = joinLeave
        }
        subscription.state = .subscribing(id: id)
        subscriptions[channel] = subscription
        pending[id] = .subscribe(channel: channel, requested: requested)
        enqueue(Command(id: id, subscribe: request))
    }

    /// Queues `command`; commands queued during one scheduler turn leave as one LF-joined frame.
    func enqueue(_ command: Command) {
        outbox.append(command)
        guard !flushScheduled else { return }
        flushScheduled = true
        scheduler.execute { [weak self] in
            guard let self else { return }
            self.flushScheduled = false
            self.flush()
        }
    }

    private func flush() {
        guard !outbox.isEmpty else { return }
        defer { outbox.removeAll(keepingCapacity: true) }
        guard let link else { return }
        do {
            let frame = try FrameEncoder(encoding: .json).frame(outbox)
            link.send(.data(frame), from: .client)
        } catch {
            record(.protocolViolation("client could not encode its commands: \(error)"))
        }
    }

    // MARK: Records

    func record(_ kind: ClientEvent.Kind) {
        events.append(ClientEvent(time: scheduler.now, connection: connectionNumber, kind: kind))
    }
}
