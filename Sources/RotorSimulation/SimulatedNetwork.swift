import RotorCore
import RotorNode

/// Counters of what the simulated network carried.
public struct NetworkStatistics: Sendable, Hashable {
    /// Links opened.
    public var linksOpened = 0
    /// Links broken by faults or dropped without a close frame.
    public var linksBroken = 0
    /// Frames handed to the network.
    public var framesSent = 0
    /// Frames that arrived.
    public var framesDelivered = 0
    /// Frames lost in a broken link.
    public var framesLost = 0
    /// Payload bytes of the data frames that arrived.
    public var bytesDelivered = 0
}

/// The network between simulated clients and one node: it opens links (each a WebSocket connection to the
/// node through a `SimulatedServerShell`), draws every frame's latency from its seeded generator, and breaks
/// links on demand.
public final class SimulatedNetwork {
    /// The clock every frame is scheduled on.
    public let scheduler: SimulatedScheduler
    /// The node the links lead to (held weakly; the simulation owns it).
    public private(set) weak var node: Node?
    /// The current conditions; may be changed at any time (new frames use the new values).
    public var conditions: NetworkConditions
    /// What the node is told about each connection's transport: JSON WebSocket, protocol v2.
    public let transport = TransportDescription.webSocket
    /// What the network carried so far.
    public internal(set) var statistics = NetworkStatistics()
    let random: SimulationRandom
    private var links: [SimulatedLink] = []

    /// A network to `node` on `scheduler`, drawing from `random`.
    public init(node: Node, scheduler: SimulatedScheduler, conditions: NetworkConditions, random: SimulationRandom) {
        self.node = node
        self.scheduler = scheduler
        self.conditions = conditions
        self.random = random
    }

    /// Opens a link from `client` to the node; `client.linkOpened` follows when it is established.
    public func open(from client: any LinkEndpoint) -> SimulatedLink {
        statistics.linksOpened += 1
        let link = SimulatedLink(id: statistics.linksOpened, client: client, network: self)
        links.removeAll { !$0.isOpen }
        links.append(link)
        link.open()
        return link
    }

    /// The links that are open in both directions, in opening order.
    public var openLinks: [SimulatedLink] {
        links.removeAll { !$0.isOpen }
        return links
    }

    /// A frame's one-way latency under the current conditions, spike included.
    func drawLatency() -> Duration {
        var latency = random.duration(in: conditions.latency)
        if random.chance(conditions.spikeProbability) {
            latency += random.duration(in: conditions.spikeDelay)
        }
        return latency
    }
}
