import NIOCore
import RotorCore
import RotorEngine
import RotorProtocol
import Testing

/// Runs `call` and returns what its completion delivered before `call` returned (nil if it had not yet).
func immediately<Value>(
    _ call: (@escaping (Result<Value, EngineError>) -> Void) -> Void
) -> Result<Value, EngineError>? {
    var delivered: Result<Value, EngineError>?
    call { delivered = $0 }
    return delivered
}

/// A publication carrying `text`.
func publication(_ text: String) -> Publication {
    Publication(data: ByteBuffer(string: text))
}

/// Options keeping `size` publications for `ttl`.
func keeping(_ size: Int, for ttl: Duration = .seconds(60)) -> PublishOptions {
    PublishOptions(historySize: size, historyTTL: ttl)
}

/// A filter reading after (or, reversed, before) `offset` in `epoch`.
func since(_ offset: UInt64, epoch: String = "", limit: Int = -1, reverse: Bool = false) -> HistoryFilter {
    HistoryFilter(since: StreamPosition(offset: offset, epoch: epoch), limit: limit, reverse: reverse)
}

extension MemoryEngine {
    /// Publishes `text` and returns the completed position; the completion must run synchronously.
    func publishNow(
        _ channel: String,
        _ text: String,
        _ options: PublishOptions = keeping(10)
    ) throws -> StreamPosition {
        try #require(immediately { publish(channel, publication(text), options: options, completion: $0) }).get()
    }

    /// Reads history synchronously.
    func historyNow(_ channel: String, _ filter: HistoryFilter = HistoryFilter()) throws -> HistoryPage {
        try #require(immediately { history(channel, filter: filter, completion: $0) }).get()
    }

    /// The offsets a history read returns.
    func offsets(_ channel: String, _ filter: HistoryFilter) throws -> [UInt64] {
        try historyNow(channel, filter).publications.map(\.offset)
    }

    /// Publishes `count` numbered publications ("1", "2", ...) to `channel`.
    func publishNumbered(_ channel: String, count: Int, _ options: PublishOptions = keeping(10)) throws {
        for number in 1...count {
            _ = try publishNow(channel, "\(number)", options)
        }
    }
}

/// A memory engine on a fresh manual scheduler, with epochs "A", "B", ... in creation order.
func makeEngine(historyMetaTTL: Duration = .zero) -> (MemoryEngine, ManualScheduler) {
    let scheduler = ManualScheduler()
    var created = 0
    let engine = MemoryEngine(scheduler: scheduler, historyMetaTTL: historyMetaTTL) {
        created += 1
        return sequentialEpoch(created)
    }
    return (engine, scheduler)
}

/// The `number`th epoch `makeEngine` hands out: "A" ... "Z", then "AA", "AB", ...
func sequentialEpoch(_ number: Int) -> String {
    var remaining = number
    var letters: [Character] = []
    while remaining > 0 {
        remaining -= 1
        letters.insert(Character(UnicodeScalar(UInt8(65 + remaining % 26))), at: 0)
        remaining /= 26
    }
    return String(letters)
}
