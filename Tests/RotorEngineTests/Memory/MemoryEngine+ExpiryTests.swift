import RotorCore
import RotorEngine
import RotorProtocol
import Testing

@Suite struct MemoryEngineExpiryTests {
    @Test func historyTTLClearsItemsButKeepsTopAndEpoch() throws {
        let (engine, scheduler) = makeEngine()
        try engine.publishNumbered("chat", count: 3, keeping(10, for: .seconds(5)))
        scheduler.advance(by: .seconds(4))
        #expect(try engine.offsets("chat", HistoryFilter(limit: -1)) == [1, 2, 3])
        scheduler.advance(by: .seconds(1))
        let page = try engine.historyNow("chat", HistoryFilter(limit: -1))
        #expect(page == HistoryPage(publications: [], position: StreamPosition(offset: 3, epoch: "A")))
        #expect(
            try engine.publishNow("chat", "4", keeping(10, for: .seconds(5))) == StreamPosition(offset: 4, epoch: "A"))
        #expect(try engine.offsets("chat", since(0)) == [4])
    }

    @Test func expiryUsesWholeSeconds() throws {
        let (engine, scheduler) = makeEngine()
        scheduler.advance(by: .milliseconds(900))
        _ = try engine.publishNow("chat", "1", keeping(10, for: .milliseconds(1_999)))  // TTL counts as 1 s.
        #expect(engine.streamState("chat")?.expiresAt == .unixSeconds(1_700_000_001))
        scheduler.advance(by: .milliseconds(99))
        #expect(try engine.offsets("chat", HistoryFilter(limit: -1)) == [1])
        scheduler.advance(by: .milliseconds(1))
        #expect(try engine.offsets("chat", HistoryFilter(limit: -1)) == [])
    }

    @Test func everyPublishPushesTheExpiryForward() throws {
        let (engine, scheduler) = makeEngine()
        let options = keeping(10, for: .seconds(5))
        _ = try engine.publishNow("chat", "1", options)
        scheduler.advance(by: .seconds(3))
        _ = try engine.publishNow("chat", "2", options)
        scheduler.advance(by: .seconds(4))
        engine.removeExpired()
        #expect(try engine.offsets("chat", HistoryFilter(limit: -1)) == [1, 2])
        scheduler.advance(by: .seconds(1))
        engine.removeExpired()
        #expect(engine.streamState("chat")?.retainedOffsets == [])
        #expect(engine.streamState("chat")?.position == StreamPosition(offset: 2, epoch: "A"))
    }

    @Test func sweepReclaimsItemsOfUntouchedChannels() throws {
        let (engine, scheduler) = makeEngine()
        for channel in 0..<100 {
            try engine.publishNumbered("ch\(channel)", count: 3, keeping(10, for: .seconds(2)))
        }
        #expect(engine.retainedPublicationCount == 300)
        #expect(engine.queuedDeadlineCount == 100)
        #expect(engine.nextExpiryCheck == .unixSeconds(1_700_000_002))
        scheduler.advance(by: .seconds(1))
        engine.removeExpired()
        #expect(engine.retainedPublicationCount == 300)
        scheduler.advance(by: .seconds(1))
        engine.removeExpired()
        #expect(engine.retainedPublicationCount == 0)
        #expect(engine.streamCount == 100)  // Without a meta TTL, tops and epochs stay.
        #expect(engine.queuedDeadlineCount == 0)
        #expect(engine.nextExpiryCheck == nil)
    }

    @Test func shorterTTLOnALaterPublishIsSweptOnTime() throws {
        let (engine, scheduler) = makeEngine()
        _ = try engine.publishNow("chat", "1", keeping(10, for: .seconds(60)))
        _ = try engine.publishNow("chat", "2", keeping(10, for: .seconds(2)))
        scheduler.advance(by: .seconds(2))
        engine.removeExpired()
        #expect(engine.retainedPublicationCount == 0)
        scheduler.advance(by: .seconds(60))
        engine.removeExpired()
        #expect(engine.queuedDeadlineCount == 0)
    }

    @Test func metaTTLDropsTheStreamAndTheNextAccessGetsANewEpoch() throws {
        let (engine, scheduler) = makeEngine(historyMetaTTL: .seconds(10))
        try engine.publishNumbered("chat", count: 2, keeping(10, for: .seconds(5)))
        scheduler.advance(by: .seconds(9))
        #expect(try engine.historyNow("chat").position == StreamPosition(offset: 2, epoch: "A"))  // Refreshes.
        scheduler.advance(by: .seconds(9))
        #expect(try engine.historyNow("chat").position == StreamPosition(offset: 2, epoch: "A"))
        scheduler.advance(by: .seconds(10))
        #expect(try engine.historyNow("chat").position == StreamPosition(offset: 0, epoch: "B"))
        #expect(try engine.publishNow("chat", "x") == StreamPosition(offset: 1, epoch: "B"))
    }

    @Test func metaTTLAppliesOnPublishToo() throws {
        let (engine, scheduler) = makeEngine(historyMetaTTL: .seconds(10))
        _ = try engine.publishNow("chat", "1", keeping(10, for: .seconds(60)))
        scheduler.advance(by: .seconds(10))
        #expect(
            try engine.publishNow("chat", "2", keeping(10, for: .seconds(60))) == StreamPosition(offset: 1, epoch: "B"))
        #expect(try engine.offsets("chat", HistoryFilter(limit: -1)) == [1])
    }

    @Test func sweepDropsStreamsPastTheirMetaTTL() throws {
        let (engine, scheduler) = makeEngine(historyMetaTTL: .seconds(10))
        for channel in 0..<50 {
            _ = try engine.historyNow("read\(channel)")
            _ = try engine.publishNow("written\(channel)", "x", keeping(10, for: .seconds(3)))
        }
        #expect(engine.streamCount == 100)
        scheduler.advance(by: .seconds(9))
        engine.removeExpired()
        #expect(engine.streamCount == 100)
        #expect(engine.retainedPublicationCount == 0)
        scheduler.advance(by: .seconds(1))
        engine.removeExpired()
        #expect(engine.streamCount == 0)
        #expect(engine.queuedDeadlineCount == 0)
    }

    @Test func staleDeadlinesOfADroppedStreamDoNotTouchItsSuccessor() throws {
        let (engine, scheduler) = makeEngine(historyMetaTTL: .seconds(5))
        _ = try engine.publishNow("chat", "1", keeping(10, for: .seconds(60)))
        scheduler.advance(by: .seconds(5))
        #expect(
            try engine.publishNow("chat", "2", keeping(10, for: .seconds(60))) == StreamPosition(offset: 1, epoch: "B"))
        engine.removeExpired()  // The first stream's removal entry is due but stale.
        #expect(engine.streamState("chat")?.position == StreamPosition(offset: 1, epoch: "B"))
        #expect(engine.streamState("chat")?.retainedOffsets == [1])
        scheduler.advance(by: .seconds(4))
        engine.removeExpired()
        #expect(engine.streamCount == 1)
        scheduler.advance(by: .seconds(1))
        engine.removeExpired()
        #expect(engine.streamCount == 0)
        scheduler.advance(by: .seconds(60))
        engine.removeExpired()
        #expect(engine.queuedDeadlineCount == 0)
    }

    @Test func withoutMetaTTLStreamsLiveForever() throws {
        let (engine, scheduler) = makeEngine()
        _ = try engine.historyNow("chat")
        scheduler.advance(by: .seconds(400 * 24 * 3600))
        engine.removeExpired()
        #expect(try engine.historyNow("chat").position == StreamPosition(offset: 0, epoch: "A"))
        #expect(engine.queuedDeadlineCount == 0)
        #expect(engine.streamState("chat")?.removedAt == nil)
    }
}
