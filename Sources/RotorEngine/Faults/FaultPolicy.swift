import RotorCore

/// The engine operations a `FaultInjectingEngine` can disturb.
public enum EngineOperation: String, Sendable, Hashable, CaseIterable {
    /// `Broker.subscribe`.
    case subscribe
    /// `Broker.unsubscribe`.
    case unsubscribe
    /// `Broker.publish`.
    case publish
    /// `Broker.publishJoin`.
    case publishJoin
    /// `Broker.publishLeave`.
    case publishLeave
    /// `Broker.publishControl`.
    case publishControl
    /// `Broker.history`.
    case history
    /// `Broker.removeHistory`.
    case removeHistory
    /// `PresenceManager.addPresence`.
    case addPresence
    /// `PresenceManager.removePresence`.
    case removePresence
    /// `PresenceManager.presence`.
    case presence
    /// `PresenceManager.presenceStats`.
    case presenceStats
}

/// One call a fault policy decides about.
public struct EngineCall: Sendable, Hashable {
    /// Which operation was called.
    public var operation: EngineOperation
    /// The channel it concerns; for `publishControl`, the target node id ("" for every node).
    public var channel: String

    /// A call of `operation` on `channel`.
    public init(operation: EngineOperation, channel: String) {
        self.operation = operation
        self.channel = channel
    }
}

/// A failure a `FaultInjectingEngine` reports instead of the wrapped engine's result.
public enum InjectedFailure: Sendable, Hashable {
    /// The call never reaches the wrapped engine (a request lost on the way).
    case beforeApplying(EngineError)
    /// The wrapped engine performs the call, but the caller gets the error (a reply lost on the way back).
    case afterApplying(EngineError)
}

/// What happens to one call: how long its request and its reply travel, and whether it fails.
public struct FaultDecision: Sendable, Hashable {
    /// Time before the wrapped engine sees the call.
    public var requestLatency: Duration
    /// Time between the wrapped engine's completion and the caller's.
    public var replyLatency: Duration
    /// The failure to report, if any.
    public var failure: InjectedFailure?

    /// A decision with the given latencies and failure; the defaults leave the call untouched.
    public init(requestLatency: Duration = .zero, replyLatency: Duration = .zero, failure: InjectedFailure? = nil) {
        self.requestLatency = requestLatency
        self.replyLatency = replyLatency
        self.failure = failure
    }

    /// The call passes through unchanged.
    public static let passThrough = FaultDecision()

    /// The call fails with `error` without reaching the wrapped engine, after `latency`.
    public static func fail(_ error: EngineError, after latency: Duration = .zero) -> FaultDecision {
        FaultDecision(replyLatency: latency, failure: .beforeApplying(error))
    }

    /// The call reaches the wrapped engine at once and its completion is delayed by `latency`.
    public static func delay(_ latency: Duration) -> FaultDecision {
        FaultDecision(replyLatency: latency)
    }
}

/// Decides, call by call, how a `FaultInjectingEngine` disturbs the wrapped engine. Deterministic as long as
/// its closure is (seed any randomness).
public struct FaultPolicy {
    /// The decision function; may keep state (a seeded generator, a call counter) in its captures.
    private let decide: (EngineCall) -> FaultDecision

    /// A policy deciding with `decide`.
    public init(_ decide: @escaping (EngineCall) -> FaultDecision) {
        self.decide = decide
    }

    /// The decision for `call`.
    public func decision(for call: EngineCall) -> FaultDecision {
        decide(call)
    }

    /// Leaves every call untouched.
    public static var passThrough: FaultPolicy { FaultPolicy { _ in .passThrough } }

    /// Fails every call of `operations` with `error` before it reaches the wrapped engine.
    public static func failing(_ operations: Set<EngineOperation>, with error: EngineError) -> FaultPolicy {
        FaultPolicy { call in operations.contains(call.operation) ? .fail(error) : .passThrough }
    }

    /// Random faults drawn from `generator` (reproducible when it is seeded): each call of `operations` fails
    /// with probability `failureRate` (before or after applying, evenly) and takes a uniformly drawn round
    /// trip of up to `maxLatency`, split at a random point between request and reply.
    public static func random<Generator: RandomNumberGenerator>(
        generator: Generator,
        failureRate: Double,
        maxLatency: Duration = .zero,
        operations: Set<EngineOperation> = Set(EngineOperation.allCases)
    ) -> FaultPolicy {
        var generator = generator
        return FaultPolicy { call in
            guard operations.contains(call.operation) else { return .passThrough }
            var decision = FaultDecision()
            if maxLatency > .zero {
                let total = Int64.random(in: 0...maxLatency.nanoseconds, using: &generator)
                let request = Int64.random(in: 0...total, using: &generator)
                decision.requestLatency = .nanoseconds(request)
                decision.replyLatency = .nanoseconds(total - request)
            }
            if failureRate > 0, Double.random(in: 0..<1, using: &generator) < failureRate {
                let error = EngineError("injected \(call.operation.rawValue) failure")
                decision.failure = Bool.random(using: &generator) ? .afterApplying(error) : .beforeApplying(error)
            }
            return decision
        }
    }
}
