/// How the simulated network treats frames: latency per frame, occasional delay spikes, and how long the node
/// takes to notice a broken link.
public struct NetworkConditions: Sendable, Hashable {
    /// One-way latency of a frame, drawn uniformly per frame.
    public var latency: ClosedRange<Duration>
    /// Probability that a frame is held back by an extra delay (a stalled TCP segment, a congested path).
    public var spikeProbability: Double
    /// The extra delay of a spike. Later frames of the same direction wait behind it (TCP keeps order).
    public var spikeDelay: ClosedRange<Duration>
    /// How long after a link breaks the node's transport notices (its read fails).
    public var breakDetection: ClosedRange<Duration>

    /// Conditions with the given latency, spikes and break detection delay.
    public init(
        latency: ClosedRange<Duration> = .milliseconds(1)...(.milliseconds(40)),
        spikeProbability: Double = 0,
        spikeDelay: ClosedRange<Duration> = .milliseconds(100)...(.seconds(2)),
        breakDetection: ClosedRange<Duration> = .milliseconds(1)...(.milliseconds(500))
    ) {
        self.latency = latency
        self.spikeProbability = spikeProbability
        self.spikeDelay = spikeDelay
        self.breakDetection = breakDetection
    }

    /// A healthy local network: a few milliseconds, no spikes.
    public static let calm = NetworkConditions()

    /// A congested network: wider latency and frequent spikes.
    public static let congested = NetworkConditions(
        latency: .milliseconds(2)...(.milliseconds(150)),
        spikeProbability: 0.02
    )
}
