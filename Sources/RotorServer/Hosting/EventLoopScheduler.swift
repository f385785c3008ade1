import NIOCore
import RotorCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The node's `Scheduler` in the server: one NIO event loop and the wall clock.
///
/// Everything the node does runs on `eventLoop`; `execute` is the one door in from other threads (engine
/// answers, key fetches, transports on other event loops).
public final class EventLoopScheduler: Scheduler, @unchecked Sendable {
    /// The loop the node is confined to.
    public let eventLoop: any EventLoop

    /// A scheduler on `eventLoop`.
    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// The wall clock (token expiry and history TTLs are Unix times).
    public var now: Timestamp { Self.wallClock() }

    /// Reads `CLOCK_REALTIME`.
    public static func wallClock() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(nanosecondsSinceEpoch: Int64(spec.tv_sec) &* 1_000_000_000 &+ Int64(spec.tv_nsec))
    }

    /// Schedules `work` on the loop at `deadline` (now if it has passed).
    public func schedule(at deadline: Timestamp, _ work: @escaping () -> Void) -> any ScheduledWork {
        let delay = max(deadline - now, .zero)
        let box = UncheckedWork(work)
        let task = eventLoop.scheduleTask(in: .nanoseconds(delay.nanoseconds)) { box.work() }
        return EventLoopScheduledWork(task: task)
    }

    /// Runs `work` on the loop after the current task.
    public func execute(_ work: @escaping () -> Void) {
        let box = UncheckedWork(work)
        eventLoop.execute { box.work() }
    }
}

/// A closure that is only ever run on the node's event loop, carried across the `Sendable` boundary of NIO's
/// scheduling APIs.
struct UncheckedWork: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}

/// A scheduled NIO task as the node's cancellable work.
final class EventLoopScheduledWork: ScheduledWork {
    let task: Scheduled<Void>
    init(task: Scheduled<Void>) { self.task = task }
    func cancel() { task.cancel() }
}
