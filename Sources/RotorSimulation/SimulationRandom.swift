import RotorCore
import RotorNode

/// The one source of randomness of a simulation run: every choice (latencies, faults, client behaviour, the
/// node's client ids, engine epochs) is drawn from generators derived from the run's seed, so a seed replays
/// the same run.
///
/// It is both a `RandomSource` (for the node) and a `RandomNumberGenerator` (for `FaultPolicy.random`,
/// `MemoryEngine` epochs and the standard library). Components get their own stream with `fork()`, so adding a
/// draw in one component does not shift the choices of the others.
public final class SimulationRandom: RandomSource, RandomNumberGenerator {
    private let source: SeededRandomSource

    /// A generator that yields the same sequence for the same `seed`.
    public init(seed: UInt64) {
        self.source = SeededRandomSource(seed: seed)
    }

    /// 64 pseudo-random bits.
    public func next() -> UInt64 { source.next() }

    /// An independent generator seeded from this one.
    public func fork() -> SimulationRandom {
        SimulationRandom(seed: next() ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// True with probability `probability` (0…1).
    public func chance(_ probability: Double) -> Bool {
        guard probability > 0 else { return false }
        return Double(next() >> 11) / Double(1 << 53) < probability
    }

    /// A uniformly drawn integer in `range`.
    public func int(in range: ClosedRange<Int>) -> Int {
        var generator = self
        return Int.random(in: range, using: &generator)
    }

    /// A uniformly drawn element of a non-empty collection.
    public func element<C: RandomAccessCollection>(of collection: C) -> C.Element {
        precondition(!collection.isEmpty)
        let offset = int(in: 0...(collection.count - 1))
        return collection[collection.index(collection.startIndex, offsetBy: offset)]
    }

    /// A uniformly drawn duration in `range`, to the nanosecond.
    public func duration(in range: ClosedRange<Duration>) -> Duration {
        let low = range.lowerBound.nanoseconds
        let high = range.upperBound.nanoseconds
        guard high > low else { return range.lowerBound }
        return .nanoseconds(low + Int64(next(below: UInt64(high - low) + 1)))
    }

    /// A gap between events that happen `mean` apart on average: uniform in [0, 2 × mean].
    public func gap(mean: Duration) -> Duration {
        duration(in: .zero...(mean * 2))
    }
}
