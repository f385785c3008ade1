import NIOCore
import RotorCore

/// One simulated WebSocket connection between a client and the node.
///
/// Each direction keeps its frames in order (TCP): a frame arrives after its own drawn latency, but never
/// before the frame sent ahead of it. Frames of different links are independent, so they may overtake each
/// other. Breaking the link loses every frame in flight and tells both sides, without a close frame.
public final class SimulatedLink {
    /// Which end of the link sends a frame.
    public enum Side: Sendable, Hashable {
        /// The simulated client.
        case client
        /// The node's transport shell.
        case server
    }

    /// The link's number within its network, in opening order.
    public let id: Int
    /// The client end.
    public private(set) weak var client: (any LinkEndpoint)?
    /// The server end: the node's transport shell for this connection.
    let server: SimulatedServerShell
    unowned let network: SimulatedNetwork
    /// Set when the link broke; frames in flight are lost and nothing more is carried.
    public private(set) var isBroken = false
    /// Set when a side sent its close frame; that direction carries nothing more.
    public private(set) var closeSent: Set<Side> = []
    private var lastArrival: [Side: Timestamp] = [:]

    init(id: Int, client: any LinkEndpoint, network: SimulatedNetwork) {
        self.id = id
        self.client = client
        self.network = network
        self.server = SimulatedServerShell(network: network)
        self.server.link = self
    }

    /// Whether both sides may still send: not broken and no close frame sent yet.
    public var isOpen: Bool { !isBroken && closeSent.isEmpty }

    /// Sends `frame` from `side` to the other side (nothing after a close frame of that side, nothing once
    /// broken).
    public func send(_ frame: LinkFrame, from side: Side) {
        guard !isBroken, !closeSent.contains(side) else { return }
        if case .close = frame { closeSent.insert(side) }
        let scheduler = network.scheduler
        var arrival = scheduler.now + network.drawLatency()
        if let previous = lastArrival[side], previous > arrival { arrival = previous }
        lastArrival[side] = arrival
        network.statistics.framesSent += 1
        _ = scheduler.schedule(at: arrival) { [self] in
            guard !isBroken else {
                network.statistics.framesLost += 1
                return
            }
            network.statistics.framesDelivered += 1
            if case .data(let bytes) = frame { network.statistics.bytesDelivered += bytes.readableBytes }
            switch side {
            case .client: server.linkReceived(frame, on: self)
            case .server: client?.linkReceived(frame, on: self)
            }
        }
    }

    /// Establishes the link: the node's shell opens the connection after one latency, the client learns it
    /// after the answer travelled back.
    func open() {
        let scheduler = network.scheduler
        let serverSide = scheduler.now + network.drawLatency()
        let clientSide = serverSide + network.drawLatency()
        lastArrival[.client] = serverSide
        lastArrival[.server] = clientSide
        _ = scheduler.schedule(at: serverSide) { [self] in
            guard !isBroken else { return }
            server.linkOpened(self)
        }
        _ = scheduler.schedule(at: clientSide) { [self] in
            guard !isBroken else { return }
            client?.linkOpened(self)
        }
    }

    /// Breaks the link (a network fault, or a side dropping TCP without a close frame): frames in flight are
    /// lost, and each side learns it after its own detection delay.
    public func breakLink() {
        guard !isBroken else { return }
        isBroken = true
        network.statistics.linksBroken += 1
        let scheduler = network.scheduler
        let conditions = network.conditions
        _ = scheduler.schedule(at: scheduler.now + network.random.duration(in: conditions.breakDetection)) {
            [self] in
            server.linkBroke(self)
        }
        _ = scheduler.schedule(at: scheduler.now + network.random.duration(in: conditions.breakDetection)) {
            [self] in
            client?.linkBroke(self)
        }
    }
}
