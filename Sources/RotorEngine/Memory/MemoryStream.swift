import DequeModule
import RotorProtocol

/// One channel's publication stream in the memory engine (`engines.md` §2): the top offset, the epoch and
/// the newest retained publications, plus the expiry bookkeeping the engine keeps next to them.
///
/// Offsets of the retained publications are contiguous and end at `top`, so finding an offset is arithmetic.
final class MemoryStream {
    /// Tells this incarnation of the channel's stream apart from earlier ones in the deadline queues.
    let id: UInt64
    /// The stream incarnation's epoch.
    let epoch: String
    /// The offset of the newest publication ever appended in this epoch; 0 before the first one.
    private(set) var top: UInt64 = 0
    /// The retained publications, oldest first, offsets `top - count + 1 ... top`.
    private(set) var items: Deque<Publication> = []

    /// Unix second at which the items are cleared (history TTL); nil when nothing is due.
    var expireAt: Int64?
    /// Unix second at which the whole stream is dropped (history meta TTL); nil when never.
    var removeAt: Int64?
    /// Deadline of this stream's live entry in the expiry queue; nil when it has none.
    var queuedExpiry: Int64?
    /// Deadline of this stream's live entry in the removal queue; nil when it has none.
    var queuedRemoval: Int64?

    /// An empty stream (top 0) with `epoch`.
    init(id: UInt64, epoch: String) {
        self.id = id
        self.epoch = epoch
    }

    /// The current top offset and epoch.
    var position: StreamPosition { StreamPosition(offset: top, epoch: epoch) }

    /// Appends `publication` as offset `top + 1`, keeps at most `size` newest items, and returns the stored copy.
    func append(_ publication: Publication, size: Int) -> Publication {
        top += 1
        var stored = publication
        stored.offset = top
        items.append(stored)
        while items.count > max(size, 0) {
            items.removeFirst()
        }
        return stored
    }

    /// Drops every retained publication; the top offset and the epoch stay.
    func clearItems() {
        items.removeAll()
    }

    /// The index in `items` of the publication with `offset`, if it is retained.
    private func index(of offset: UInt64) -> Int? {
        let count = UInt64(items.count)
        guard count > 0, offset <= top, offset > top - count else { return nil }
        return items.count - 1 - Int(top - offset)
    }

    /// The publications `filter` selects (`engines.md` §1.4 and the memory rules of §2).
    ///
    /// Offsets wrap like the reference's unsigned arithmetic: a reverse read from offset 0 asks for offset
    /// `UInt64.max` and gets nothing.
    func select(_ filter: HistoryFilter) -> [Publication] {
        guard filter.limit != 0, !items.isEmpty else { return [] }
        let start: Int
        if let since = filter.since {
            let wanted = filter.reverse ? since.offset &- 1 : since.offset &+ 1
            if wanted > top { return [] }
            if let found = index(of: wanted) {
                start = found
            } else if filter.reverse {
                return []  // The memory engine does not fall back to older items on reverse reads.
            } else {
                start = 0  // Forward reads from a trimmed offset start at the oldest retained item.
            }
        } else {
            start = filter.reverse ? items.count - 1 : 0
        }
        let available = filter.reverse ? start + 1 : items.count - start
        let count = filter.limit < 0 ? available : min(filter.limit, available)
        if filter.reverse {
            return (0..<count).map { items[start - $0] }
        }
        return Array(items[start..<(start + count)])
    }
}
