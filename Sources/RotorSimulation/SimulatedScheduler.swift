import RotorCore

/// A deterministic scheduler: simulated time that moves only when the test runs events.
///
/// Events run in deadline order; events with the same deadline run in the order they were scheduled.
/// Single-threaded by design: every call, `execute` included, must come from the thread driving it.
public final class SimulatedScheduler: Scheduler {
    /// The simulated current time.
    public private(set) var now: Timestamp
    private var queue = EventQueue()
    private var sequence: UInt64 = 0

    /// A scheduler whose clock starts at `start`.
    public init(start: Timestamp = .unixSeconds(1_700_000_000)) {
        self.now = start
    }

    /// Runs `work` at `deadline` unless cancelled first.
    public func schedule(at deadline: Timestamp, _ work: @escaping () -> Void) -> ScheduledWork {
        let event = SimulatedEvent(deadline: max(deadline, now), sequence: sequence, work: work)
        sequence &+= 1
        queue.push(event)
        return event
    }

    /// Runs `work` at the current time, after what is already due.
    public func execute(_ work: @escaping () -> Void) {
        _ = schedule(at: now, work)
    }

    /// Number of events waiting (cancelled ones included until they are reached).
    public var pendingEventCount: Int { queue.count }

    /// The deadline of the next live event.
    public var nextDeadline: Timestamp? {
        queue.dropCancelled()
        return queue.peek?.deadline
    }

    /// Runs every event due up to `deadline` (including events they schedule), then sets the clock to it.
    /// Returns the number of events run.
    @discardableResult
    public func run(until deadline: Timestamp) -> Int {
        var count = 0
        while let event = queue.peek, event.deadline <= deadline {
            queue.pop()
            guard !event.isCancelled else { continue }
            now = max(now, event.deadline)
            event.fire()
            count += 1
        }
        now = max(now, deadline)
        return count
    }

    /// Advances the clock by `duration`, running what falls due.
    @discardableResult
    public func advance(by duration: Duration) -> Int {
        run(until: now + duration)
    }

    /// Runs events until none is due at the current time.
    @discardableResult
    public func runCurrent() -> Int { run(until: now) }

    /// Moves the clock forward without running anything first (a clock jump); due events run on the next
    /// `run`/`advance`.
    public func jump(by duration: Duration) {
        now = now + duration
    }
}

/// One scheduled event.
final class SimulatedEvent: ScheduledWork {
    let deadline: Timestamp
    let sequence: UInt64
    private var work: (() -> Void)?

    init(deadline: Timestamp, sequence: UInt64, work: @escaping () -> Void) {
        self.deadline = deadline
        self.sequence = sequence
        self.work = work
    }

    var isCancelled: Bool { work == nil }

    func cancel() { work = nil }

    func fire() {
        let work = self.work
        self.work = nil
        work?()
    }

    func precedes(_ other: SimulatedEvent) -> Bool {
        deadline < other.deadline || (deadline == other.deadline && sequence < other.sequence)
    }
}

/// A binary min-heap of events by (deadline, sequence).
struct EventQueue {
    private var heap: [SimulatedEvent] = []

    var count: Int { heap.count }
    var peek: SimulatedEvent? { heap.first }

    mutating func dropCancelled() {
        while let first = heap.first, first.isCancelled { pop() }
    }

    mutating func push(_ event: SimulatedEvent) {
        heap.append(event)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() {
        guard !heap.isEmpty else { return }
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count && heap[right].precedes(heap[smallest]) { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
