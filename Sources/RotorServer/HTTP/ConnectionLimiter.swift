import NIOConcurrencyHelpers
import RotorCore

/// The real-time endpoints' admission check (`server.md` §12): `client_connection_rate_limit` as a token
/// bucket per endpoint (capacity N, one token back per second, as the reference's `rate.Every(1s)` limiter),
/// then `client_connection_limit` against the node's open connections. Either refusal is a 503.
public final class ConnectionLimiter: Sendable {
    /// Why a request was refused.
    public enum Refusal: Sendable, Equatable {
        /// No token left in the endpoint's bucket.
        case rate
        /// The node has `client_connection_limit` connections.
        case limit
    }

    private struct Bucket {
        var tokens: Double
        var updated: Timestamp
    }

    let rateLimit: Int
    let connectionLimit: Int
    let openConnections: @Sendable () -> Int
    let clock: @Sendable () -> Timestamp
    private let buckets = NIOLockedValueBox<[String: Bucket]>([:])
    /// Called on each refusal by `client_connection_limit` (the metric and the throttled warning).
    let onLimitRefusal: @Sendable () -> Void

    /// A limiter; 0 turns a check off.
    public init(
        rateLimit: Int,
        connectionLimit: Int,
        openConnections: @escaping @Sendable () -> Int,
        clock: @escaping @Sendable () -> Timestamp,
        onLimitRefusal: @escaping @Sendable () -> Void = {}
    ) {
        self.rateLimit = rateLimit
        self.connectionLimit = connectionLimit
        self.openConnections = openConnections
        self.clock = clock
        self.onLimitRefusal = onLimitRefusal
    }

    /// nil when a request to `endpoint` may proceed, else why not.
    public func admit(endpoint: String) -> Refusal? {
        if rateLimit > 0 {
            let now = clock()
            let allowed = buckets.withLockedValue { buckets -> Bool in
                var bucket = buckets[endpoint] ?? Bucket(tokens: Double(rateLimit), updated: now)
                let elapsed = Double((now - bucket.updated).nanoseconds) / 1e9
                bucket.tokens = min(Double(rateLimit), bucket.tokens + max(elapsed, 0))
                bucket.updated = now
                let allowed = bucket.tokens >= 1
                if allowed { bucket.tokens -= 1 }
                buckets[endpoint] = bucket
                return allowed
            }
            if !allowed { return .rate }
        }
        if connectionLimit > 0 && openConnections() >= connectionLimit {
            onLimitRefusal()
            return .limit
        }
        return nil
    }
}
