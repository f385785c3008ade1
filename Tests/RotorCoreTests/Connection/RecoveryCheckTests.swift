import NIOCore
import RotorCore
import RotorProtocol
import Testing

@Suite struct RecoveryCheckTests {
    func read(_ offsets: [UInt64], top: UInt64, epoch: String = "ep") -> StreamRead {
        StreamRead(
            publications: offsets.map { Publication(offset: $0) }, top: StreamPosition(offset: top, epoch: epoch))
    }

    @Test func recoveredWhenNothingMissed() {
        #expect(RecoveryCheck.isRecovered(since: StreamPosition(offset: 5, epoch: "ep"), read: read([], top: 5)))
        #expect(RecoveryCheck.isRecovered(since: StreamPosition(offset: 5, epoch: ""), read: read([], top: 5)))
        #expect(!RecoveryCheck.isRecovered(since: StreamPosition(offset: 4, epoch: "ep"), read: read([], top: 5)))
    }

    @Test func recoveredWhenContiguousToTheTop() {
        #expect(
            RecoveryCheck.isRecovered(since: StreamPosition(offset: 2, epoch: "ep"), read: read([3, 4, 5], top: 5)))
        // History trimmed: the first retained is not right after the client's offset.
        #expect(
            !RecoveryCheck.isRecovered(since: StreamPosition(offset: 1, epoch: "ep"), read: read([3, 4, 5], top: 5)))
        // Limit hit: the last read is not the top.
        #expect(!RecoveryCheck.isRecovered(since: StreamPosition(offset: 2, epoch: "ep"), read: read([3, 4], top: 5)))
        #expect(
            !RecoveryCheck.isRecovered(since: StreamPosition(offset: 2, epoch: "old"), read: read([3, 4, 5], top: 5)))
    }

    @Test func mergeDeduplicatesAndDetectsGaps() {
        let buffered = [5, 6].map {
            PositionedPublication(publication: Publication(), position: StreamPosition(offset: UInt64($0), epoch: "ep"))
        }
        #expect(
            RecoveryCheck.merge([Publication(offset: 4), Publication(offset: 5)], buffered, after: 3)?.map(\.offset)
                == [4, 5, 6])
        #expect(RecoveryCheck.merge([Publication(offset: 4)], Array(buffered.dropFirst()), after: 3) == nil)
        #expect(RecoveryCheck.merge([Publication(offset: 4)], [], after: 3)?.map(\.offset) == [4])
    }
}
