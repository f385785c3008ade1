import NIOCore
import RotorProtocol

/// A server API `subscribe` aimed at one connection (`server.md` §4.2).
public struct ServerSubscription: Sendable, Hashable {
    /// The channel.
    public var channel: String
    /// Channel info for presence and join/leave.
    public var info: ByteBuffer
    /// Data for the subscribe push.
    public var data: ByteBuffer
    /// Unix seconds when the subscription expires; 0 = never.
    public var expireAt: Int64
    /// Recover from this position.
    public var recoverSince: StreamPosition?
    /// Option overrides.
    public var override: SubscriptionOverride

    /// A server-side subscription request.
    public init(
        channel: String,
        info: ByteBuffer = ByteBuffer(),
        data: ByteBuffer = ByteBuffer(),
        expireAt: Int64 = 0,
        recoverSince: StreamPosition? = nil,
        override: SubscriptionOverride = .init()
    ) {
        self.channel = channel
        self.info = info
        self.data = data
        self.expireAt = expireAt
        self.recoverSince = recoverSince
        self.override = override
    }
}

extension ClientConnection {
    // MARK: Deliveries from the hub (hot path)

    /// Whether a publication at `position` in `channel` goes to this connection (§7, §11.4). Positioned
    /// subscriptions require the next offset in the same epoch; a gap ends the subscription.
    public mutating func publicationDecision(_ channel: String, position: StreamPosition) -> DeliveryDecision {
        guard let index = subscriptions.index(forKey: channel) else { return .skip }
        guard subscriptions.values[index].phase == .live else { return .skip }
        guard subscriptions.values[index].features.positioned, position.offset > 0 else { return .deliver }
        let tracked = subscriptions.values[index].position
        if position.epoch == tracked.epoch && position.offset == tracked.offset &+ 1 {
            subscriptions.values[index].position.offset = position.offset
            return .deliver
        }
        return .reject(insufficientState(channel, subscriptions.values[index]))
    }

    /// Whether a join or leave in `channel` goes to this connection.
    public func wantsJoinLeave(in channel: String) -> Bool {
        guard let subscription = subscriptions[channel] else { return false }
        return subscription.phase == .live && subscription.features.pushJoinLeave
    }

    // MARK: Server API operations

    /// Server API `unsubscribe`: an unsubscribe push with code 2000, sent even when the connection is not in
    /// the channel; an empty channel gives a push without channel and changes nothing (QUIRK 17).
    public mutating func serverUnsubscribe(_ channel: String) -> [ConnectionAction] {
        guard isConnected else { return [] }
        var actions: [ConnectionAction] = []
        if let subscription = subscriptions[channel], subscription.phase == .live {
            subscriptions[channel] = nil
            tokenChannels.remove(channel)
            actions.append(.unsubscribe(unsubscribeEffect(channel, subscription)))
        }
        let reason = UnsubscribeReason.serverUnsubscribe
        actions.append(
            .push(Push(channel: channel, .unsubscribe(UnsubscribePush(code: reason.code, reason: reason.reason)))))
        return actions
    }

    /// Server API `subscribe`: a server-side subscription, announced with a subscribe push.
    public mutating func serverSubscribe(_ request: ServerSubscription, now: Timestamp) -> [ConnectionAction] {
        guard isConnected, subscriptions[request.channel] == nil else { return [] }
        var actions: [ConnectionAction] = []
        if subscriptions.count >= configuration.channelLimit {
            close(.channelLimit, into: &actions)
            return actions
        }
        let features = serverSideFeatures(request.channel, override: request.override)
        var info = clientInfo
        info.chanInfo = request.info
        var effect = SubscribeEffect(
            channel: request.channel,
            info: info,
            features: features,
            source: .serverAPI,
            recoveryLimit: configuration.recoveryMaxPublicationLimit
        )
        if features.recoverable, let since = request.recoverSince { effect.recoverSince = since }
        subscriptions[request.channel] = ChannelSubscription(
            phase: .subscribing,
            source: .serverAPI,
            features: features,
            channelInfo: request.info,
            expireAt: request.expireAt,
            position: StreamPosition(),
            lastPositionCheck: now
        )
        serverSubscribeData[request.channel] = request.data
        actions.append(.subscribe([effect]))
        return actions
    }

    /// A server API subscription's engine work finished.
    mutating func serverSubscriptionCompleted(
        _ channel: String, _ outcome: SubscribeOutcome, into actions: inout [ConnectionAction]
    ) {
        guard let subscription = subscriptions[channel], subscription.phase == .subscribing,
            subscription.source == .serverAPI
        else { return }
        let data = serverSubscribeData.removeValue(forKey: channel) ?? ByteBuffer()
        switch outcome {
        case .failed, .historyFailed:
            subscriptions[channel] = nil
            close(.internalServerError, into: &actions)
        case .subscribed(let read, let buffered):
            let effect = SubscribeEffect(
                channel: channel,
                info: info(in: channel),
                features: subscription.features,
                source: .serverAPI
            )
            let result = buildSubscribeResult(
                effect: effect, requested: nil, read: read, buffered: buffered, data: data)
            guard case .ready(let subscribeResult, var position, let deliverAfter) = result else {
                close(.insufficientState, into: &actions)
                return
            }
            let push = SubscribePush(
                recoverable: subscribeResult.recoverable,
                epoch: subscribeResult.epoch,
                offset: subscribeResult.offset,
                positioned: subscribeResult.positioned,
                data: data
            )
            actions.append(.push(Push(channel: channel, .subscribe(push))))
            // Publications recovered from `recover_since` follow the subscribe push, in order.
            if let read, subscription.features.recoverable, !read.publications.isEmpty {
                for publication in read.publications {
                    actions.append(.push(Push(channel: channel, .publication(publication))))
                }
                position = StreamPosition(
                    offset: max(read.publications.last!.offset, position.offset), epoch: read.top.epoch)
            }
            subscriptions[channel]?.position = position
            subscriptions[channel]?.phase = .live
            if subscription.features.emitJoinLeave {
                actions.append(.publishJoin(channel: channel, info(in: channel)))
            }
            deliverBuffered(channel, deliverAfter, into: &actions)
        }
    }

    /// Server API `refresh` (`server.md` §4.2): expire now, set a new expiry, or make the connection
    /// non-expiring; a refresh push tells the client.
    public mutating func serverRefresh(expired: Bool, expireAt: Int64?, info: ByteBuffer?, now: Timestamp)
        -> [ConnectionAction]
    {
        guard isConnected else { return [] }
        var actions: [ConnectionAction] = []
        let newExpiry = expireAt ?? 0
        if expired || (newExpiry > 0 && newExpiry < now.unixSeconds) {
            close(.connectionExpired, into: &actions)
            return actions
        }
        self.expireAt = newExpiry
        if let info { connectionInfo = info }
        var push = RefreshPush()
        if newExpiry > 0 {
            push.expires = true
            push.ttl = UInt32(clamping: newExpiry - now.unixSeconds)
        }
        actions.append(.push(Push(.refresh(push))))
        return actions
    }
}
