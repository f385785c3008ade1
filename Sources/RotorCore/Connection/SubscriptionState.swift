import NIOCore
import RotorProtocol

/// Where a subscription of a connection came from; everything but `.client` is a server-side subscription.
public enum SubscriptionSource: Sendable, Hashable {
    /// The client's `subscribe` command.
    case client
    /// The connection token's `subs` or `channels` claim.
    case connectionToken
    /// The user's personal channel (`user_subscribe_to_personal`).
    case personalChannel
    /// The `subs` map of the connect request, allowed by the channel options.
    case connectRequest
    /// The server API `subscribe` method.
    case serverAPI

    /// Server-side subscriptions are closed with a disconnect (3010/3006) where client-side ones get an
    /// unsubscribe push.
    public var isServerSide: Bool { self != .client }
}

/// One channel of a connection, from the start of its subscribe to its end.
struct ChannelSubscription: Sendable {
    /// Subscribing (engine work in progress) or live.
    enum Phase: Sendable, Hashable {
        case subscribing
        case live
    }

    var phase: Phase
    var source: SubscriptionSource
    var features: SubscriptionFeatures
    /// Channel info of this subscriber (from a token or the server API).
    var channelInfo: ByteBuffer
    /// Unix seconds when the subscription expires; 0 = never.
    var expireAt: Int64
    /// Last delivered position, when positioned.
    var position: StreamPosition
    /// When the stream position was last checked against the engine.
    var lastPositionCheck: Timestamp
}
