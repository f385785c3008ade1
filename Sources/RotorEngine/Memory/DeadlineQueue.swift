/// A min-heap of (deadline, channel, stream incarnation) entries, earliest deadline first.
///
/// Entries are never updated in place: the owner keeps the deadline of each stream's live entry and treats a
/// popped entry that no longer matches as stale (lazy deletion).
struct DeadlineQueue {
    /// One scheduled check of a channel's stream.
    struct Entry: Equatable {
        /// Unix second at which the check is due.
        var deadline: Int64
        /// The channel whose stream is checked.
        var channel: String
        /// The stream incarnation the entry was queued for.
        var streamID: UInt64
    }

    /// The heap, `storage[0]` being the earliest entry.
    private var storage: [Entry] = []

    /// Queued entries, stale ones included.
    var count: Int { storage.count }

    /// The earliest queued deadline.
    var earliestDeadline: Int64? { storage.first?.deadline }

    /// Queues `entry`.
    mutating func push(_ entry: Entry) {
        storage.append(entry)
        siftUp(storage.count - 1)
    }

    /// Removes and returns the earliest entry if its deadline is at or before `now`.
    mutating func popDue(now: Int64) -> Entry? {
        guard let first = storage.first, first.deadline <= now else { return nil }
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            siftDown(0)
        }
        return first
    }

    /// Moves the entry at `index` up until its parent is not later.
    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child].deadline < storage[parent].deadline else { return }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    /// Moves the entry at `index` down until no child is earlier.
    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var earliest = parent
            if left < storage.count, storage[left].deadline < storage[earliest].deadline { earliest = left }
            if right < storage.count, storage[right].deadline < storage[earliest].deadline { earliest = right }
            guard earliest != parent else { return }
            storage.swapAt(parent, earliest)
            parent = earliest
        }
    }
}
