import RotorCore

/// A test and simulation tool: wraps a real engine and, as its `policy` decides, fails calls with
/// `EngineError` and delays requests and replies on the `Scheduler`, to exercise the node's error and race
/// handling (`engines.md` §1.2, §1.6) deterministically.
///
/// A call without latency goes to the wrapped engine at once and its completion runs as the wrapped engine
/// delivers it; latency schedules the step at `now + latency` (steps are never cancelled). Handler callbacks
/// are not disturbed. Not thread-safe: it lives on its scheduler like the engine it wraps.
public final class FaultInjectingEngine: Broker, PresenceManager {
    /// The engine that does the work.
    public let base: any Broker & PresenceManager
    /// Where delayed steps are scheduled.
    public let scheduler: any Scheduler
    /// Decides each call's fate; may be replaced at any time (for example to simulate an outage and recovery).
    public var policy: FaultPolicy
    /// Calls answered with an injected failure so far.
    public private(set) var injectedFailureCount = 0
    /// Calls given a non-zero latency so far.
    public private(set) var delayedCallCount = 0

    /// Wraps `base`, scheduling latency on `scheduler` and deciding with `policy`.
    public init(
        wrapping base: any Broker & PresenceManager, scheduler: any Scheduler, policy: FaultPolicy = .passThrough
    ) {
        self.base = base
        self.scheduler = scheduler
        self.policy = policy
    }

    /// Runs `work` now, or at `now + latency` on `scheduler` when the latency is positive.
    private static func run(on scheduler: any Scheduler, after latency: Duration, _ work: @escaping () -> Void) {
        guard latency > .zero else { return work() }
        _ = scheduler.schedule(at: scheduler.now + latency, work)
    }

    /// Sends one call through the policy: `perform` forwards it to `base` with the completion to use.
    func intercept<Value>(
        _ operation: EngineOperation,
        _ channel: String,
        completion: @escaping (Result<Value, EngineError>) -> Void,
        perform: @escaping (@escaping (Result<Value, EngineError>) -> Void) -> Void
    ) {
        let decision = policy.decision(for: EngineCall(operation: operation, channel: channel))
        if decision.failure != nil { injectedFailureCount += 1 }
        if decision.requestLatency > .zero || decision.replyLatency > .zero { delayedCallCount += 1 }
        let reply: (Result<Value, EngineError>) -> Void = { [scheduler] result in
            var result = result
            if case .afterApplying(let error)? = decision.failure { result = .failure(error) }
            Self.run(on: scheduler, after: decision.replyLatency) { completion(result) }
        }
        Self.run(on: scheduler, after: decision.requestLatency) {
            if case .beforeApplying(let error)? = decision.failure { return reply(.failure(error)) }
            perform(reply)
        }
    }

    /// Forwards `handler` to the wrapped engine, undisturbed.
    public func run(handler: any BrokerEventHandler) {
        base.run(handler: handler)
    }
}
