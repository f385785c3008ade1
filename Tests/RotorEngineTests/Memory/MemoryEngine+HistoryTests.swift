import RotorCore
import RotorEngine
import RotorProtocol
import Testing

/// One row of the filter table: a filter and the offsets it returns from a stream retaining 6...10 (top 10).
struct FilterRow: Sendable, CustomTestStringConvertible {
    var name: String
    var filter: HistoryFilter
    var offsets: [UInt64]

    var testDescription: String { name }
}

/// The rows of `engines.md` §1.4 and the memory rules of §2, against offsets 6...10 retained out of 10.
let filterRows: [FilterRow] = [
    FilterRow(name: "no since, limit 0: position only", filter: HistoryFilter(limit: 0), offsets: []),
    FilterRow(name: "no since, all, oldest first", filter: HistoryFilter(limit: -1), offsets: [6, 7, 8, 9, 10]),
    FilterRow(name: "no since, limit 2, oldest first", filter: HistoryFilter(limit: 2), offsets: [6, 7]),
    FilterRow(name: "no since, limit above count", filter: HistoryFilter(limit: 50), offsets: [6, 7, 8, 9, 10]),
    FilterRow(
        name: "no since, reverse, all", filter: HistoryFilter(limit: -1, reverse: true), offsets: [10, 9, 8, 7, 6]),
    FilterRow(name: "no since, reverse, limit 2", filter: HistoryFilter(limit: 2, reverse: true), offsets: [10, 9]),
    FilterRow(name: "no since, reverse, limit 0", filter: HistoryFilter(limit: 0, reverse: true), offsets: []),
    FilterRow(name: "since 7: after it", filter: since(7), offsets: [8, 9, 10]),
    FilterRow(name: "since 7, limit 1", filter: since(7, limit: 1), offsets: [8]),
    FilterRow(name: "since 7, limit 0", filter: since(7, limit: 0), offsets: []),
    FilterRow(name: "since 5: first retained is next", filter: since(5), offsets: [6, 7, 8, 9, 10]),
    FilterRow(name: "since 2: trimmed, from oldest", filter: since(2), offsets: [6, 7, 8, 9, 10]),
    FilterRow(name: "since 2, limit 2: from oldest", filter: since(2, limit: 2), offsets: [6, 7]),
    FilterRow(name: "since 0: from oldest", filter: since(0), offsets: [6, 7, 8, 9, 10]),
    FilterRow(name: "since top: nothing", filter: since(10), offsets: []),
    FilterRow(name: "since beyond top: nothing", filter: since(11), offsets: []),
    FilterRow(name: "since max: wraps to 0, from oldest", filter: since(.max), offsets: [6, 7, 8, 9, 10]),
    FilterRow(name: "since 9, reverse: before it", filter: since(9, reverse: true), offsets: [8, 7, 6]),
    FilterRow(name: "since 9, reverse, limit 2", filter: since(9, limit: 2, reverse: true), offsets: [8, 7]),
    FilterRow(name: "since 9, reverse, limit 0", filter: since(9, limit: 0, reverse: true), offsets: []),
    FilterRow(name: "since 7, reverse: oldest only", filter: since(7, reverse: true), offsets: [6]),
    FilterRow(name: "since top+1, reverse: from top", filter: since(11, reverse: true), offsets: [10, 9, 8, 7, 6]),
    FilterRow(name: "since top+2, reverse: nothing", filter: since(12, reverse: true), offsets: []),
    FilterRow(name: "since 6, reverse: 5 trimmed, empty", filter: since(6, reverse: true), offsets: []),
    FilterRow(name: "since 3, reverse: 2 trimmed, empty", filter: since(3, reverse: true), offsets: []),
    FilterRow(name: "since 1, reverse: empty", filter: since(1, reverse: true), offsets: []),
    FilterRow(name: "since 0, reverse: not rejected, empty", filter: since(0, reverse: true), offsets: []),
    FilterRow(name: "foreign epoch is not checked", filter: since(7, epoch: "zzzz"), offsets: [8, 9, 10]),
]

@Suite struct MemoryEngineHistoryTests {
    @Test(arguments: filterRows) func filterSelectsExactly(_ row: FilterRow) throws {
        let (engine, _) = makeEngine()
        try engine.publishNumbered("chat", count: 10, keeping(5))
        let page = try engine.historyNow("chat", row.filter)
        #expect(page.publications.map(\.offset) == row.offsets)
        #expect(page.publications.map { String(buffer: $0.data) } == row.offsets.map { "\($0)" })
        #expect(page.position == StreamPosition(offset: 10, epoch: "A"))
    }

    @Test func unknownChannelGetsAStreamWithANewEpoch() throws {
        let (engine, _) = makeEngine()
        let page = try engine.historyNow("fresh", HistoryFilter(limit: -1))
        #expect(page == HistoryPage(publications: [], position: StreamPosition(offset: 0, epoch: "A")))
        #expect(engine.streamCount == 1)
        #expect(try engine.historyNow("other").position == StreamPosition(offset: 0, epoch: "B"))
        #expect(try engine.publishNow("fresh", "x") == StreamPosition(offset: 1, epoch: "A"))
    }

    @Test func emptyStreamAnswersEveryFilterWithNothing() throws {
        let (engine, _) = makeEngine()
        for row in filterRows {
            let page = try engine.historyNow("empty", row.filter)
            #expect(page.publications.isEmpty, "\(row.name)")
            #expect(page.position == StreamPosition(offset: 0, epoch: "A"))
        }
    }

    @Test func epochIsStableAcrossReadsAndPublishes() throws {
        let (engine, scheduler) = makeEngine()
        let created = try engine.historyNow("chat").position.epoch
        for step in 1...5 {
            scheduler.advance(by: .seconds(3600))
            #expect(try engine.publishNow("chat", "\(step)").epoch == created)
            #expect(try engine.historyNow("chat").position == StreamPosition(offset: UInt64(step), epoch: created))
        }
    }

    @Test func removeHistoryClearsItemsAndKeepsTopAndEpoch() throws {
        let (engine, _) = makeEngine()
        try engine.publishNumbered("chat", count: 4)
        #expect(throws: Never.self) { try #require(immediately { engine.removeHistory("chat", completion: $0) }).get() }
        let page = try engine.historyNow("chat", HistoryFilter(limit: -1))
        #expect(page == HistoryPage(publications: [], position: StreamPosition(offset: 4, epoch: "A")))
        #expect(try engine.offsets("chat", since(2)) == [])
        #expect(try engine.publishNow("chat", "5") == StreamPosition(offset: 5, epoch: "A"))
        #expect(try engine.offsets("chat", since(2)) == [5])
    }

    @Test func removeHistoryOnAnUnknownChannelCreatesNothing() throws {
        let (engine, _) = makeEngine()
        #expect(throws: Never.self) { try #require(immediately { engine.removeHistory("none", completion: $0) }).get() }
        #expect(engine.streamCount == 0)
    }
}
