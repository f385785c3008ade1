import RotorCore

/// A simulated client's view of one channel: whether it wants to be in it, where its subscribe stands, and
/// the stream position it would recover from.
struct ClientSubscription {
    /// Where the subscribe stands on the current connection.
    enum State: Equatable {
        /// Not subscribed (or the connection is gone).
        case unsubscribed
        /// A subscribe command with this id is waiting for its reply.
        case subscribing(id: UInt32)
        /// The subscribe reply arrived; publications are expected.
        case subscribed
    }

    let channel: String
    /// The channel keeps history: subscribe as recoverable and recover on resubscribe.
    let recoverable: Bool
    var state: State = .unsubscribed
    /// The client wants to be subscribed.
    var desired = true
    /// Epoch of the last known position; nil before the first positioned subscribe reply.
    var epoch: String?
    /// Offset of the last processed publication (or the top given by the subscribe reply).
    var offset: UInt64 = 0
    /// Set by a client unsubscribe: publications already in flight may still arrive until the next subscribe
    /// reply, and are dropped.
    var dropsStrayPublications = false
    /// A pending retry of a failed subscribe.
    var retry: (any ScheduledWork)?

    init(channel: String, recoverable: Bool) {
        self.channel = channel
        self.recoverable = recoverable
    }
}

/// How long a simulated client waits before reconnecting: exponential backoff with jitter, like the SDKs.
public struct ReconnectBackoff: Sendable, Hashable {
    /// The delay of the first attempt (before jitter).
    public var minimum: Duration
    /// The largest delay.
    public var maximum: Duration

    /// A backoff between `minimum` and `maximum`.
    public init(minimum: Duration = .milliseconds(200), maximum: Duration = .seconds(3)) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The delay before attempt `attempt` (0-based): `minimum × 2^attempt`, capped, times a jitter in [½, 1].
    func delay(attempt: Int, random: SimulationRandom) -> Duration {
        var delay = minimum
        for _ in 0..<min(attempt, 20) where delay < maximum { delay = delay * 2 }
        if delay > maximum { delay = maximum }
        return random.duration(in: (delay / 2)...delay)
    }
}
