import OrderedCollections

/// The local subscribers of one channel and whether this node's broker subscription is effective.
struct HubChannel {
    /// Subscribers by client id, in subscription order.
    var subscribers: OrderedDictionary<String, ConnectionHandle> = [:]
    /// While `Broker.subscribe` is in progress: what continues when it finishes (true = success).
    /// Nil once the broker delivers the channel.
    var brokerWaiters: [(Bool) -> Void]? = []
}
