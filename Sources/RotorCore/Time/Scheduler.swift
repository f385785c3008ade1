/// Where a node reads the time and schedules work: the simulated clock in tests, an event loop in the server.
///
/// All work runs serially on the scheduler's executor; implementations never run two closures at once.
public protocol Scheduler: AnyObject {
    /// The current time.
    var now: Timestamp { get }
    /// Runs `work` at `deadline` (or as soon as possible if it has passed), unless cancelled first.
    func schedule(at deadline: Timestamp, _ work: @escaping () -> Void) -> ScheduledWork
    /// Runs `work` after the current work item, in submission order. The one method that may be called from
    /// any thread (to bring results of async work back).
    func execute(_ work: @escaping () -> Void)
}

/// Work scheduled on a `Scheduler` that can still be cancelled.
public protocol ScheduledWork: AnyObject {
    /// Stops the work from running; no effect if it already ran.
    func cancel()
}
