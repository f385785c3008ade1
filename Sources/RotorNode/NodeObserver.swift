import RotorCore
import RotorProtocol

/// Watches what a node does, for metrics and trace logs: client commands in, messages out, server-side
/// closes, node operations and broker traffic. Every call happens on the node's scheduler; a node without an
/// observer (the default) pays one nil check per event.
public protocol NodeObserver: AnyObject {
    /// A transport opened `connection`.
    func opened(_ connection: ConnectionHandle)
    /// `connection` left the node (closed by either side).
    func left(_ connection: ConnectionHandle)
    /// A command arrived from the client of `connection`.
    func received(_ command: ClientCommand, from connection: ConnectionHandle)
    /// A message is being sent to the client of `connection`.
    func sent(_ message: NodeMessage, to connection: ConnectionHandle)
    /// The server closes `connection` with `disconnect`.
    func closed(_ connection: ConnectionHandle, with disconnect: Disconnect)
    /// The node performed an operation or exchanged a message with its broker.
    func recorded(_ event: NodeEvent)
}

/// A message the node sends to a client, before encoding.
public enum NodeMessage {
    /// A reply to a command.
    case reply(Reply)
    /// An asynchronous push (publication, join, leave, unsubscribe …).
    case push(Push)
    /// A server ping.
    case ping
}

/// Node operations and broker traffic, named as the reference's `action` and `type` metric labels.
public enum NodeEvent: Hashable, Sendable {
    /// A node operation.
    case action(NodeAction)
    /// A message handed to the broker.
    case messageSent(BrokerMessageKind)
    /// A message delivered by the broker.
    case messageReceived(BrokerMessageKind)
}

/// A node operation (label values of `centrifugo_node_action_count`).
public enum NodeAction: String, Hashable, Sendable, CaseIterable {
    /// An authenticated connection joined the node.
    case addClient = "add_client"
    /// An authenticated connection left the node.
    case removeClient = "remove_client"
    /// A connection subscribed to a channel.
    case addSubscription = "add_subscription"
    /// A connection left a channel.
    case removeSubscription = "remove_subscription"
    /// A presence entry was added or refreshed.
    case addPresence = "add_presence"
    /// A presence entry was removed.
    case removePresence = "remove_presence"
    /// Presence was read.
    case presence
    /// Presence stats were read.
    case presenceStats = "presence_stats"
    /// History was read.
    case history
    /// History was read to recover a subscription.
    case historyRecover = "history_recover"
    /// A stream's top position was read.
    case historyStreamTop = "history_stream_top"
    /// History was removed.
    case historyRemove = "history_remove"
    /// A survey of the cluster's nodes.
    case survey
    /// A notification to the cluster's nodes.
    case notify
}

/// The kind of a broker message (label values of `centrifugo_node_messages_sent_count`).
public enum BrokerMessageKind: String, Hashable, Sendable, CaseIterable {
    /// A publication.
    case publication
    /// A join.
    case join
    /// A leave.
    case leave
    /// A control message between nodes.
    case control
}
