import OrderedCollections

/// The local subscribers of one channel and whether this node's broker subscription is effective.
struct HubChannel {
    /// Whether the broker delivers this channel to the node yet.
    enum BrokerState {
        /// `Broker.subscribe` is in progress; these continue when it finishes (true = success).
        case subscribing([(Bool) -> Void])
        /// The broker delivers the channel.
        case ready
    }

    /// Subscribers by client id, in subscription order.
    var subscribers: OrderedDictionary<String, ConnectionHandle> = [:]
    var brokerState: BrokerState = .subscribing([])

    /// Queues a continuation until the broker subscription finishes.
    mutating func addWaiter(_ waiter: @escaping (Bool) -> Void) {
        guard case .subscribing(var waiters) = brokerState else { return }
        brokerState = .ready
        waiters.append(waiter)
        brokerState = .subscribing(waiters)
    }
}
