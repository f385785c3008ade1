import RotorCore
import RotorEngine

/// What one simulation run does: how many clients, which channels, how long, what goes wrong. Built from a
/// seed by the scenario families (`Scenario+Families.swift`), or by hand for targeted tests.
public struct Scenario: Sendable {
    /// A short name for reports.
    public var name: String

    // MARK: Population

    /// Clients created at the start.
    public var clientCount = 20
    /// Share of clients that connect with a user token; the others connect anonymously.
    public var userFraction = 0.5
    /// Distinct users the token clients are spread over (several connections per user).
    public var userCount = 8
    /// Channels with history, presence and recovery (`hist:cN`).
    public var historyChannels = 2
    /// Channels without history (`live:cN`): plain delivery, join/leave pushes when `joinLeave` is on.
    public var liveChannels = 1
    /// How many channels each client subscribes to.
    public var channelsPerClient: ClosedRange<Int> = 1...2
    /// Live channels emit join/leave and clients ask for the pushes.
    public var joinLeave = false

    // MARK: Timeline

    /// Clients start within this time after the beginning.
    public var startSpread: Duration = .seconds(3)
    /// The active phase: publications, client behaviour and faults happen in it.
    public var activeDuration: Duration = .seconds(30)
    /// The quiet phase after it: no publications, no faults; every client must settle and catch up.
    public var settleDuration: Duration = .seconds(20)
    /// After every client left, how long the node gets to clean up.
    public var drainDuration: Duration = .seconds(10)

    // MARK: Traffic

    /// Mean gap between server API publications (to a random channel); nil publishes nothing via the API.
    public var apiPublishInterval: Duration? = .milliseconds(500)
    /// Mean gap between client publications (a random connected client, into one of its channels).
    public var clientPublishInterval: Duration? = .seconds(2)

    // MARK: History

    /// Publications kept per history channel.
    public var historySize = 100
    /// How long a history stream keeps its publications after the last one.
    public var historyTTL: Duration = .seconds(300)
    /// How long a stream's epoch survives without publications or reads; zero keeps it forever.
    public var historyMetaTTL: Duration = .zero

    // MARK: Client behaviour

    /// Probability that a client goes away once (closes its connection) and comes back after `awayDuration`.
    public var awayProbability = 0.0
    /// How long an absent client stays away.
    public var awayDuration: ClosedRange<Duration> = .seconds(1)...(.seconds(10))
    /// Probability that a client unsubscribes from one of its channels once and subscribes again later.
    public var resubscribeProbability = 0.0
    /// Share of clients that leave for good during the active phase.
    public var leaveForGoodFraction = 0.0
    /// Reconnect backoff of the clients.
    public var backoff = ReconnectBackoff()
    /// The node's ping interval (pongs are required, `pong_timeout` 8 s).
    public var pingInterval: Duration = .seconds(10)

    // MARK: Faults

    /// Network conditions during the active phase (the settle phase uses `NetworkConditions.calm`).
    public var network = NetworkConditions.calm
    /// Mean gap between random link breaks during the active phase; nil breaks none.
    public var linkBreakInterval: Duration?
    /// Clock jumps during the active phase (the whole system freezes for that long, then catches up).
    public var clockJumps: [Duration] = []
    /// Engine faults during the active phase.
    public var engineFaults: EngineFaults?

    /// A scenario with the defaults: 20 clients, calm network, no faults.
    public init(name: String) {
        self.name = name
    }

    /// The names of the history channels.
    public var historyChannelNames: [String] { (0..<historyChannels).map { "hist:c\($0)" } }
    /// The names of the live channels.
    public var liveChannelNames: [String] { (0..<liveChannels).map { "live:c\($0)" } }
    /// Every channel.
    public var allChannels: [String] { historyChannelNames + liveChannelNames }
}

/// Random engine failures and latency (`FaultPolicy.random`).
public struct EngineFaults: Sendable, Hashable {
    /// Probability that a call of `operations` fails (before or after the engine applied it).
    public var failureRate: Double
    /// Largest round trip added to a call (request and reply split at random).
    public var maxLatency: Duration
    /// The operations that may fail. Latency applies to every operation.
    public var failing: Set<EngineOperation>
    /// Requests concerning one channel reach the engine in the order the node made them, as over one
    /// pipelined Redis connection. When false, latency may also reorder them (an engine with no ordering at
    /// all: a `removePresence` can then overtake the `addPresence` of a subscribe racing a close).
    public var keepsChannelOrder: Bool

    /// Faults with the given rate, latency, failing operations and ordering.
    ///
    /// `removePresence` is left out of the failing operations by default: the memory engine keeps presence
    /// without a TTL, so a lost removal would stay forever (Redis heals it with `presence_ttl`).
    public init(
        failureRate: Double,
        maxLatency: Duration = .milliseconds(50),
        failing: Set<EngineOperation> = Set(EngineOperation.allCases).subtracting([.removePresence]),
        keepsChannelOrder: Bool = true
    ) {
        self.failureRate = failureRate
        self.maxLatency = maxLatency
        self.failing = failing
        self.keepsChannelOrder = keepsChannelOrder
    }
}
