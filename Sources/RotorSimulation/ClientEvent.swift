import RotorCore
import RotorProtocol

/// One thing a simulated client observed, with when and on which of its connections: the material the
/// invariant checks read.
public struct ClientEvent: Sendable {
    /// Simulated time when the client observed it.
    public var time: Timestamp
    /// The client's connection attempt it happened on (1 for the first).
    public var connection: Int
    /// What happened.
    public var kind: Kind

    /// The kinds of observations.
    public enum Kind: Sendable {
        /// The connect reply arrived: the client is connected under this client id.
        case connected(clientID: String)
        /// The server closed the connection with this code (WebSocket close frame).
        case disconnected(code: UInt32, reason: String)
        /// The link broke without a close frame.
        case transportBroken
        /// The client closed its connection itself.
        case left
        /// A subscribe reply arrived.
        case subscribed(SubscribeRecord)
        /// A subscribe command failed with this error code.
        case subscribeFailed(channel: String, code: UInt32)
        /// A live publication arrived in a subscribed channel.
        case publication(channel: String, offset: UInt64, payload: String)
        /// The server ended a subscription with an unsubscribe push.
        case unsubscribed(channel: String, code: UInt32)
        /// The client unsubscribed from a channel itself.
        case clientUnsubscribed(channel: String)
        /// A publish command of the client was answered (code 0: success).
        case published(channel: String, payload: String, code: UInt32)
        /// Something a correct server never sends (undecodable frame, publication before the subscribe reply,
        /// reply to an unknown command id, …).
        case protocolViolation(String)
    }
}

/// A subscribe reply as the client saw it, with what the client asked for.
public struct SubscribeRecord: Sendable {
    /// The channel.
    public var channel: String
    /// The position the client asked to recover from; nil when it did not ask for recovery.
    public var requested: StreamPosition?
    /// `positioned` of the result.
    public var positioned: Bool
    /// `recoverable` of the result.
    public var recoverable: Bool
    /// `was_recovering` of the result.
    public var wasRecovering: Bool
    /// `recovered` of the result.
    public var recovered: Bool
    /// `epoch` and `offset` of the result.
    public var position: StreamPosition
    /// Recovered publications: offset and payload, in the order received.
    public var publications: [(offset: UInt64, payload: String)]

    /// A record.
    public init(
        channel: String,
        requested: StreamPosition?,
        positioned: Bool,
        recoverable: Bool,
        wasRecovering: Bool,
        recovered: Bool,
        position: StreamPosition,
        publications: [(offset: UInt64, payload: String)]
    ) {
        self.channel = channel
        self.requested = requested
        self.positioned = positioned
        self.recoverable = recoverable
        self.wasRecovering = wasRecovering
        self.recovered = recovered
        self.position = position
        self.publications = publications
    }
}
