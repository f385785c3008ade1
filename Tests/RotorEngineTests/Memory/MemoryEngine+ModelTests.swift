import RotorCore
import RotorEngine
import RotorProtocol
import Testing

/// A plain reference model of one memory stream: arrays and filters instead of offset arithmetic.
private struct ModelStream {
    var epoch: String
    var top: UInt64 = 0
    var items: [(offset: UInt64, data: String)] = []
    var expireAt: Int64?
    var removeAt: Int64?

    func select(_ filter: HistoryFilter) -> [(offset: UInt64, data: String)] {
        guard filter.limit != 0 else { return [] }
        let offsets = Set(items.map(\.offset))
        var chosen: [(offset: UInt64, data: String)]
        if let since = filter.since?.offset {
            let wanted = filter.reverse ? since &- 1 : since &+ 1
            if wanted > top {
                chosen = []
            } else if filter.reverse {
                chosen = offsets.contains(wanted) ? items.filter { $0.offset <= wanted }.reversed() : []
            } else {
                chosen = offsets.contains(wanted) ? items.filter { $0.offset >= wanted } : items
            }
        } else {
            chosen = filter.reverse ? items.reversed() : items
        }
        return filter.limit < 0 ? chosen : Array(chosen.prefix(filter.limit))
    }
}

/// The whole engine as the model sees it.
private struct Model {
    var metaTTL: Int64
    var streams: [String: ModelStream] = [:]
    var epochsCreated = 0

    mutating func applyDeadlines(_ channel: String, now: Int64) {
        guard let stream = streams[channel] else { return }
        if let removeAt = stream.removeAt, removeAt <= now {
            streams[channel] = nil
        } else if let expireAt = stream.expireAt, expireAt <= now {
            streams[channel]?.items = []
            streams[channel]?.expireAt = nil
        }
    }

    mutating func stream(_ channel: String, now: Int64) -> ModelStream {
        applyDeadlines(channel, now: now)
        if let stream = streams[channel] { return stream }
        epochsCreated += 1
        return ModelStream(epoch: sequentialEpoch(epochsCreated))
    }

    mutating func publish(_ channel: String, _ data: String, _ options: PublishOptions, now: Int64) -> StreamPosition {
        guard options.historySize > 0, options.historyTTL.wholeSeconds > 0 else { return StreamPosition() }
        var stream = stream(channel, now: now)
        stream.expireAt = now + options.historyTTL.wholeSeconds
        if metaTTL > 0 { stream.removeAt = now + metaTTL }
        stream.top += 1
        stream.items = Array((stream.items + [(stream.top, data)]).suffix(options.historySize))
        streams[channel] = stream
        return StreamPosition(offset: stream.top, epoch: stream.epoch)
    }

    mutating func history(_ channel: String, _ filter: HistoryFilter, now: Int64) -> ModelStream {
        var stream = stream(channel, now: now)
        if metaTTL > 0 { stream.removeAt = now + metaTTL }
        streams[channel] = stream
        return stream
    }

    mutating func removeHistory(_ channel: String, now: Int64) {
        applyDeadlines(channel, now: now)
        streams[channel]?.items = []
    }
}

@Suite struct MemoryEngineModelTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64]) func randomOperationsMatchTheModel(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let metaTTL: Int64 = seed.isMultiple(of: 2) ? 0 : 7
        let (engine, scheduler) = makeEngine(historyMetaTTL: .seconds(metaTTL))
        let handler = RecordingHandler()
        engine.run(handler: handler)
        var model = Model(metaTTL: metaTTL)
        let channels = ["a", "b", "c", "d"]
        for step in 0..<3_000 {
            let channel = channels[Int.random(in: 0..<channels.count, using: &random)]
            let now = scheduler.now.unixSeconds
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<45:
                let ttl: Duration =
                    Int.random(in: 0..<10, using: &random) == 0
                    ? .milliseconds(500) : .seconds(Int.random(in: 1...4, using: &random))
                let options = PublishOptions(historySize: Int.random(in: 0...6, using: &random), historyTTL: ttl)
                let expected = model.publish(channel, "\(step)", options, now: now)
                #expect(try engine.publishNow(channel, "\(step)", options) == expected, "step \(step)")
                #expect(handler.publications.last?.offset == expected.offset)
            case 45..<80:
                let filter = randomFilter(using: &random)
                let expected = model.history(channel, filter, now: now)
                let page = try engine.historyNow(channel, filter)
                #expect(page.position == StreamPosition(offset: expected.top, epoch: expected.epoch), "step \(step)")
                let expectedItems = expected.select(filter)
                #expect(page.publications.map(\.offset) == expectedItems.map(\.offset), "step \(step) \(filter)")
                #expect(page.publications.map { String(buffer: $0.data) } == expectedItems.map(\.data))
            case 80..<85:
                model.removeHistory(channel, now: now)
                _ = try #require(immediately { engine.removeHistory(channel, completion: $0) }).get()
            case 85..<90:
                engine.removeExpired()
                for name in channels { model.applyDeadlines(name, now: now) }
                try expectSameState(engine, model, channels, step: step)
            default:
                scheduler.advance(by: .milliseconds(Int.random(in: 0...1_500, using: &random)))
            }
        }
        scheduler.advance(by: .seconds(3_600))
        engine.removeExpired()
        #expect(engine.retainedPublicationCount == 0)
        #expect(engine.queuedDeadlineCount == 0)
        #expect(engine.streamCount == (metaTTL > 0 ? 0 : model.streams.count))
    }

    /// A filter with every kind of `since` (none, retained, trimmed, top, beyond, 0, max) and limit.
    private func randomFilter(using random: inout SplitMix64) -> HistoryFilter {
        let limit = [-1, 0, 1, 2, 3, 10][Int.random(in: 0..<6, using: &random)]
        let reverse = Bool.random(using: &random)
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<3: return HistoryFilter(since: nil, limit: limit, reverse: reverse)
        case 3: return since(.max, limit: limit, reverse: reverse)
        default: return since(UInt64.random(in: 0...40, using: &random), limit: limit, reverse: reverse)
        }
    }

    /// Checks that the engine stores exactly what the model holds after a sweep.
    private func expectSameState(_ engine: MemoryEngine, _ model: Model, _ channels: [String], step: Int) throws {
        #expect(engine.streamCount == model.streams.count, "step \(step)")
        #expect(engine.retainedPublicationCount == model.streams.values.reduce(0) { $0 + $1.items.count })
        for channel in channels {
            let state = engine.streamState(channel)
            let expected = model.streams[channel]
            #expect(state?.position == expected.map { StreamPosition(offset: $0.top, epoch: $0.epoch) })
            #expect(state?.retainedOffsets == expected?.items.map(\.offset), "step \(step) \(channel)")
        }
    }
}
