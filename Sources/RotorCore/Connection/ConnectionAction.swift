import NIOCore
import RotorProtocol

/// What the connection machine asks its shell (the node) to do. Effects that produce an answer name the
/// machine method that takes it.
public enum ConnectionAction: Sendable, Hashable {
    /// Send this reply (bidirectional) — or, on unidirectional transports, its push/connect as a push.
    case reply(Reply)
    /// Send this push to this connection only.
    case push(Push)
    /// Send a server ping: an empty reply (bidirectional) or an empty push (unidirectional).
    case ping
    /// Verify a connection token; answer with `connectionTokenVerified(_:now:)`.
    case verifyConnectionToken(String)
    /// Verify a subscription token; answer with `subscriptionTokenVerified(_:now:)`.
    case verifySubscriptionToken(channel: String, token: String)
    /// The connection is authenticated as this user: count it (limits, per-user API targeting).
    case register(user: String)
    /// Join channels in the hub and engine; answer with `subscriptionsCompleted(_:now:)`.
    case subscribe([SubscribeEffect])
    /// Leave a channel: hub, presence and (if enabled) a leave announcement. No answer.
    case unsubscribe(UnsubscribeEffect)
    /// Publish into a channel; answer with `publishCompleted(_:now:)`.
    case publish(channel: String, Publication)
    /// Read presence; answer with `presenceCompleted(_:now:)`.
    case presence(channel: String)
    /// Read presence counts; answer with `presenceStatsCompleted(_:now:)`.
    case presenceStats(channel: String)
    /// Read history; answer with `historyCompleted(_:now:)`.
    case history(channel: String, limit: Int, since: StreamPosition?, reverse: Bool)
    /// Announce that this client joined a channel.
    case publishJoin(channel: String, ClientInfo)
    /// Refresh the presence entries of these channels.
    case updatePresence([PresenceEntry])
    /// Read the stream tops of these channels; answer with `positionsChecked(_:now:)`.
    case checkPositions([String])
    /// Stop reading from the client (failed connect, v1 synchronous errors); the transport closes later.
    case stopReading
    /// Close the connection with this disconnect (after flushing what was queued).
    case close(Disconnect)
}

/// A channel the node should put the connection into.
public struct SubscribeEffect: Sendable, Hashable {
    /// The channel.
    public var channel: String
    /// The subscriber as presence and join/leave show it (channel info included).
    public var info: ClientInfo
    /// What the subscription does.
    public var features: SubscriptionFeatures
    /// Where it came from.
    public var source: SubscriptionSource
    /// Read publications after this position (recovery); nil: read only the top (positioned) or nothing.
    public var recoverSince: StreamPosition?
    /// Most publications a recovery reads.
    public var recoveryLimit: Int

    /// A subscribe effect.
    public init(
        channel: String,
        info: ClientInfo,
        features: SubscriptionFeatures,
        source: SubscriptionSource,
        recoverSince: StreamPosition? = nil,
        recoveryLimit: Int = 300
    ) {
        self.channel = channel
        self.info = info
        self.features = features
        self.source = source
        self.recoverSince = recoverSince
        self.recoveryLimit = recoveryLimit
    }

    /// The node must read the stream (top or recovery).
    public var readsStream: Bool { features.positioned || recoverSince != nil }
}

/// What the node did for one `SubscribeEffect`.
public enum SubscribeOutcome: Sendable, Hashable {
    /// The connection is in the channel. `history` holds the recovery read or the top position (when the
    /// stream was read); `buffered` the publications that arrived while subscribing, with their positions.
    case subscribed(history: StreamRead?, buffered: [PositionedPublication])
    /// Joining the hub, broker or presence failed (disconnect 3004).
    case failed
    /// Reading the stream failed (error 100).
    case historyFailed
}

/// A stream read: publications (possibly none) and the stream's top.
public struct StreamRead: Sendable, Hashable {
    /// Publications read, ascending.
    public var publications: [Publication]
    /// The stream top when read.
    public var top: StreamPosition

    /// A read.
    public init(publications: [Publication], top: StreamPosition) {
        self.publications = publications
        self.top = top
    }
}

/// A publication with the stream position it was published at.
public struct PositionedPublication: Sendable, Hashable {
    /// The publication (its offset is `position.offset`).
    public var publication: Publication
    /// Stream position after it (epoch included).
    public var position: StreamPosition

    /// A positioned publication.
    public init(publication: Publication, position: StreamPosition) {
        self.publication = publication
        self.position = position
    }
}

/// A channel the node should take the connection out of.
public struct UnsubscribeEffect: Sendable, Hashable {
    /// The channel.
    public var channel: String
    /// The subscriber, for the leave announcement.
    public var info: ClientInfo
    /// Remove the presence entry.
    public var presence: Bool
    /// Announce a leave.
    public var emitLeave: Bool

    /// An unsubscribe effect.
    public init(channel: String, info: ClientInfo, presence: Bool, emitLeave: Bool) {
        self.channel = channel
        self.info = info
        self.presence = presence
        self.emitLeave = emitLeave
    }
}

/// A presence entry to refresh.
public struct PresenceEntry: Sendable, Hashable {
    /// The channel.
    public var channel: String
    /// The subscriber.
    public var info: ClientInfo

    /// An entry.
    public init(channel: String, info: ClientInfo) {
        self.channel = channel
        self.info = info
    }
}

/// What happens to a publication, join or leave the hub hands to a connection.
public enum DeliveryDecision: Sendable, Hashable {
    /// Send the shared encoded push.
    case deliver
    /// Not for this connection (not subscribed, join/leave not wanted).
    case skip
    /// Not delivered; run these actions instead (insufficient state: unsubscribe push or disconnect).
    case reject([ConnectionAction])
}
