import NIOCore
import RotorCore
import RotorEngine
import RotorProtocol
import Testing

@Suite struct MemoryEngineBrokerTests {
    @Test func offsetsStartAtOneAndAreContiguous() throws {
        let (engine, _) = makeEngine()
        var positions: [StreamPosition] = []
        for number in 1...5 {
            positions.append(try engine.publishNow("chat", "\(number)"))
        }
        #expect(positions.map(\.offset) == [1, 2, 3, 4, 5])
        #expect(Set(positions.map(\.epoch)) == ["A"])
        let page = try engine.historyNow("chat", HistoryFilter(limit: -1))
        #expect(page.publications.map(\.offset) == [1, 2, 3, 4, 5])
        #expect(page.publications.map { String(buffer: $0.data) } == ["1", "2", "3", "4", "5"])
        #expect(page.position == StreamPosition(offset: 5, epoch: "A"))
    }

    @Test func channelsHaveSeparateStreams() throws {
        let (engine, _) = makeEngine()
        #expect(try engine.publishNow("a", "x") == StreamPosition(offset: 1, epoch: "A"))
        #expect(try engine.publishNow("b", "x") == StreamPosition(offset: 1, epoch: "B"))
        #expect(try engine.publishNow("a", "y") == StreamPosition(offset: 2, epoch: "A"))
        #expect(engine.streamCount == 2)
    }

    @Test func sizeTrimmingIsExact() throws {
        let (engine, _) = makeEngine()
        try engine.publishNumbered("chat", count: 7, keeping(3))
        #expect(try engine.offsets("chat", HistoryFilter(limit: -1)) == [5, 6, 7])
        #expect(engine.streamState("chat")?.retainedOffsets == [5, 6, 7])
        // A smaller size on a later publish trims the older items at once.
        _ = try engine.publishNow("chat", "8", keeping(1))
        #expect(try engine.offsets("chat", HistoryFilter(limit: -1)) == [8])
        #expect(engine.retainedPublicationCount == 1)
    }

    @Test func publishWithoutHistoryHasOffsetZeroAndStillReachesTheHandler() throws {
        let (engine, _) = makeEngine()
        let handler = RecordingHandler()
        engine.run(handler: handler)
        var stale = publication("hi")
        stale.offset = 42
        for options in [PublishOptions(), keeping(0), PublishOptions(historySize: 5, historyTTL: .milliseconds(900))] {
            let position = try #require(immediately { engine.publish("chat", stale, options: options, completion: $0) })
            #expect(try position.get() == StreamPosition())
        }
        let expected = RecordedEvent.publication(channel: "chat", offset: 0, data: "hi", position: StreamPosition())
        #expect(handler.events == [expected, expected, expected])
        #expect(engine.streamCount == 0)
    }

    @Test func handlerGetsThePublicationWithItsOffsetBeforeTheCompletion() throws {
        let (engine, _) = makeEngine()
        let handler = RecordingHandler()
        engine.run(handler: handler)
        let info = ClientInfo(user: "u1", client: "c1", connInfo: ByteBuffer(string: "{}"))
        let sent = Publication(data: ByteBuffer(string: "hello"), info: info, tags: ["k": "v"])
        for _ in 1...2 {
            engine.publish("chat", sent, options: keeping(10)) { result in
                handler.events.append(.marker("completed \((try? result.get().offset) ?? 0)"))
            }
        }
        let epochA = { (offset: UInt64) in StreamPosition(offset: offset, epoch: "A") }
        #expect(
            handler.events == [
                .publication(channel: "chat", offset: 1, data: "hello", position: epochA(1)), .marker("completed 1"),
                .publication(channel: "chat", offset: 2, data: "hello", position: epochA(2)), .marker("completed 2"),
            ]
        )
        var first = sent
        first.offset = 1
        var second = sent
        second.offset = 2
        #expect(handler.publications == [first, second])
        #expect(try engine.historyNow("chat", HistoryFilter(limit: -1)).publications == [first, second])
    }

    @Test func joinLeaveAndControlAreDeliveredSynchronously() throws {
        let (engine, _) = makeEngine()
        let handler = RecordingHandler()
        engine.run(handler: handler)
        let info = ClientInfo(user: "u", client: "c")
        let join = immediately { engine.publishJoin("room", info, completion: $0) }
        let leave = immediately { engine.publishLeave("room", info, completion: $0) }
        let toAll = immediately { engine.publishControl(ByteBuffer(string: "all"), nodeID: "", completion: $0) }
        let toOne = immediately { engine.publishControl(ByteBuffer(string: "one"), nodeID: "n2", completion: $0) }
        for result in [join, leave, toAll, toOne] {
            #expect(throws: Never.self) { try #require(result).get() }
        }
        #expect(
            handler.events == [
                .join(channel: "room", client: "c"), .leave(channel: "room", client: "c"), .control("all"),
                .control("one"),
            ]
        )
        #expect(engine.streamCount == 0)
    }

    @Test func subscribeAndUnsubscribeSucceedAtOnce() throws {
        let (engine, scheduler) = makeEngine()
        #expect(throws: Never.self) { try #require(immediately { engine.subscribe("a", completion: $0) }).get() }
        #expect(throws: Never.self) { try #require(immediately { engine.unsubscribe("a", completion: $0) }).get() }
        #expect(scheduler.pendingCount == 0)
        #expect(engine.streamCount == 0)
    }

    @Test func eventsWithoutAHandlerAreDropped() throws {
        let (engine, _) = makeEngine()
        #expect(try engine.publishNow("chat", "x") == StreamPosition(offset: 1, epoch: "A"))
        #expect(try engine.offsets("chat", HistoryFilter(limit: -1)) == [1])
    }

    @Test func handlerIsHeldWeakly() throws {
        let (engine, _) = makeEngine()
        weak var released: RecordingHandler?
        do {
            let handler = RecordingHandler()
            released = handler
            engine.run(handler: handler)
        }
        #expect(released == nil)
        _ = try engine.publishNow("chat", "x")
    }
}
