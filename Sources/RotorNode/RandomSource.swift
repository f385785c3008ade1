import RotorCore

/// Where a node gets randomness: client ids, first-ping jitter. Seeded in the simulation, so runs replay.
public protocol RandomSource: AnyObject {
    /// 64 random bits.
    func next() -> UInt64
}

/// The system's cryptographically secure generator.
public final class SystemRandomSource: RandomSource {
    private var generator = SystemRandomNumberGenerator()

    /// A source backed by `SystemRandomNumberGenerator`.
    public init() {}

    /// 64 random bits.
    public func next() -> UInt64 { generator.next() }
}

/// A small, fast, seeded generator (SplitMix64) for reproducible runs.
public final class SeededRandomSource: RandomSource {
    private var state: UInt64

    /// A generator that always yields the same sequence for `seed`.
    public init(seed: UInt64) { self.state = seed }

    /// 64 pseudo-random bits.
    public func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomSource {
    /// A uniformly distributed value in `0..<bound` (bound > 0).
    public func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        let threshold = (0 &- bound) % bound
        while true {
            let value = next()
            if value >= threshold { return value % bound }
        }
    }

    /// A random UUID version 4 in its canonical lowercase text form.
    public func uuidString() -> String {
        RandomUUID.string(high: next(), low: next())
    }
}
