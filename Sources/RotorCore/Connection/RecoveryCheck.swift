import RotorProtocol

/// The recovery rules of `client-protocol.md` §11.3 and `engines.md` §1.6 as pure functions.
public enum RecoveryCheck {
    /// Whether a read after `since` recovered everything the client missed: nothing returned and the top is
    /// the client's offset, or the first returned follows the client's offset and the last is the top; in
    /// both cases the epochs match (or the client sent none).
    public static func isRecovered(since: StreamPosition, read: StreamRead) -> Bool {
        guard since.epoch.isEmpty || since.epoch == read.top.epoch else { return false }
        guard let first = read.publications.first, let last = read.publications.last else {
            return read.top.offset == since.offset
        }
        return first.offset == since.offset &+ 1 && last.offset == read.top.offset
    }

    /// Recovered publications merged with those that arrived while subscribing: deduplicated by offset,
    /// ascending, starting right after `offset`. Nil when the merged sequence has a gap (insufficient state).
    public static func merge(
        _ recovered: [Publication],
        _ buffered: [PositionedPublication],
        after offset: UInt64
    ) -> [Publication]? {
        guard !buffered.isEmpty else { return recovered }
        var byOffset: [UInt64: Publication] = [:]
        for publication in recovered { byOffset[publication.offset] = publication }
        for item in buffered where item.position.offset > offset {
            var publication = item.publication
            publication.offset = item.position.offset
            byOffset[publication.offset] = byOffset[publication.offset] ?? publication
        }
        let offsets = byOffset.keys.sorted()
        var expected = offset &+ 1
        for candidate in offsets {
            guard candidate == expected else { return nil }
            expected &+= 1
        }
        return offsets.map { byOffset[$0]! }
    }
}
