import RotorCore

/// A scheduler whose clock only moves when a test advances it; due work runs in deadline, then submission order.
final class ManualScheduler: Scheduler {
    /// A scheduled closure that can be cancelled.
    final class Item: ScheduledWork {
        /// When the work is due.
        let deadline: Timestamp
        /// Submission order, for ties.
        let sequence: Int
        /// The work; nil once cancelled or run.
        var work: (() -> Void)?

        init(deadline: Timestamp, sequence: Int, work: @escaping () -> Void) {
            self.deadline = deadline
            self.sequence = sequence
            self.work = work
        }

        func cancel() { work = nil }
    }

    /// The simulated time.
    var now: Timestamp
    /// Scheduled work not yet run or cancelled.
    private var items: [Item] = []
    /// The next submission number.
    private var nextSequence = 0

    /// A scheduler starting at `now`.
    init(now: Timestamp = .unixSeconds(1_700_000_000)) {
        self.now = now
    }

    func schedule(at deadline: Timestamp, _ work: @escaping () -> Void) -> ScheduledWork {
        let item = Item(deadline: deadline, sequence: nextSequence, work: work)
        nextSequence += 1
        items.append(item)
        return item
    }

    func execute(_ work: @escaping () -> Void) {
        _ = schedule(at: now, work)
    }

    /// Work waiting to run.
    var pendingCount: Int { items.count { $0.work != nil } }

    /// Moves the clock forward by `duration`, running every item due on the way at its own deadline.
    func advance(by duration: Duration) {
        let target = now + duration
        while let next = nextDue(by: target) {
            items.removeAll { $0 === next }
            if next.deadline > now { now = next.deadline }
            let work = next.work
            next.work = nil
            work?()
        }
        items.removeAll { $0.work == nil }
        if target > now { now = target }
    }

    /// Runs whatever is due now.
    func runPending() { advance(by: .zero) }

    /// The earliest live item due at or before `target`.
    private func nextDue(by target: Timestamp) -> Item? {
        items.filter { $0.work != nil && $0.deadline <= target }
            .min { ($0.deadline, $0.sequence) < ($1.deadline, $1.sequence) }
    }
}
