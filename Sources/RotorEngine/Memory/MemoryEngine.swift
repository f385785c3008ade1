import OrderedCollections
import RotorCore
import RotorProtocol

/// The single-node engine that keeps history and presence in process memory (`engines.md` §2), the default
/// `engine: memory` of Centrifugo.
///
/// Not thread-safe by design: the engine belongs to one `Scheduler` and every call, completion and handler
/// callback happens on it. Completions and handler callbacks run synchronously, before the call returns.
///
/// Time comes from `scheduler.now`, in whole seconds like the reference. Expiry is exact on every access
/// (deadlines are checked lazily); call `removeExpired()` periodically (the reference sweeps every second)
/// to reclaim the memory of channels nobody touches any more. The engine never schedules work itself.
public final class MemoryEngine: Broker, PresenceManager {
    /// Supplies the current time.
    public let scheduler: any Scheduler
    /// How long a stream's epoch and top offset outlive the last publish or history read; zero keeps them
    /// forever. A positive value under a second drops the stream at the next check, as in the reference.
    public let historyMetaTTL: Duration
    /// Creates the epoch of each new stream.
    let makeEpoch: () -> String
    /// Receives publications, joins, leaves and control messages; held weakly, the caller keeps it alive.
    weak var handler: (any BrokerEventHandler)?

    /// Channel streams by channel name.
    var streams: [String: MemoryStream] = [:]
    /// History TTL deadlines (items cleared).
    var expiryQueue = DeadlineQueue()
    /// History meta TTL deadlines (stream dropped).
    var removalQueue = DeadlineQueue()
    /// The id of the most recently created stream.
    var lastStreamID: UInt64 = 0
    /// Present clients by channel, then by client id; channels without clients have no entry.
    var presenceByChannel: [String: OrderedDictionary<String, ClientInfo>] = [:]

    /// An engine reading time from `scheduler` whose streams' epochs come from `makeEpoch`
    /// (by default four random letters, see `randomEpoch()`).
    public init(
        scheduler: any Scheduler,
        historyMetaTTL: Duration = .zero,
        makeEpoch: @escaping () -> String = { MemoryEngine.randomEpoch() }
    ) {
        self.scheduler = scheduler
        self.historyMetaTTL = historyMetaTTL
        self.makeEpoch = makeEpoch
    }

    /// An engine whose epochs are drawn from `epochGenerator`, so a seeded generator makes them reproducible.
    public convenience init<Generator: RandomNumberGenerator>(
        scheduler: any Scheduler,
        historyMetaTTL: Duration = .zero,
        epochGenerator: Generator
    ) {
        var generator = epochGenerator
        self.init(
            scheduler: scheduler,
            historyMetaTTL: historyMetaTTL,
            makeEpoch: { MemoryEngine.randomEpoch(using: &generator) }
        )
    }

    /// The letters of memory epochs, `[a-zA-Z]`.
    private static let epochLetters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    /// A memory-engine epoch: four letters from `[a-zA-Z]` drawn from `generator`.
    public static func randomEpoch<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        var letters: [UInt8] = []
        letters.reserveCapacity(4)
        for _ in 0..<4 {
            letters.append(epochLetters[Int.random(in: 0..<epochLetters.count, using: &generator)])
        }
        return String(decoding: letters, as: UTF8.self)
    }

    /// A memory-engine epoch drawn from the system generator.
    public static func randomEpoch() -> String {
        var generator = SystemRandomNumberGenerator()
        return randomEpoch(using: &generator)
    }

    /// Stores `handler` (weakly) as the receiver of delivered events.
    public func run(handler: any BrokerEventHandler) {
        self.handler = handler
    }
}
