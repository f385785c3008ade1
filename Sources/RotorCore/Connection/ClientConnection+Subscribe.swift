import NIOCore
import RotorProtocol

extension ClientConnection {
    /// §6.2 steps 1–13.
    mutating func startSubscribe(
        id: UInt32,
        _ request: SubscribeRequest,
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        let channel = request.channel
        if channel.isEmpty {
            close(.badRequest, into: &actions)
            return
        }
        if channel.utf8.count > rules.configuration.channelMaxLength {
            failSynchronously(id: id, .badRequest, into: &actions)
            return
        }
        if subscriptions[channel] != nil {
            failSynchronously(id: id, .alreadySubscribed, into: &actions)
            return
        }
        if subscriptions.count >= configuration.channelLimit {
            failSynchronously(id: id, .limitExceeded, into: &actions)
            return
        }
        switch subscribeAccess(channel, hasToken: !request.token.isEmpty) {
        case .error(let error):
            fail(id: id, error, into: &actions)
        case .proxyUnavailable:
            failSynchronously(id: id, .notAvailable, into: &actions)
        case .verifyToken:
            inFlight = .subscribeVerifyingToken(id: id, request)
            actions.append(.verifySubscriptionToken(channel: channel, token: request.token))
        case .accepted:
            let features = clientSubscribeFeatures(
                channel,
                positioned: request.positioned,
                recoverable: request.recoverable,
                joinLeave: request.joinLeave
            )
            beginSubscribe(
                id: id,
                request,
                features: features,
                channelInfo: ByteBuffer(),
                data: ByteBuffer(),
                expireAt: 0,
                now: now,
                into: &actions
            )
        }
    }

    /// The answer to `.verifySubscriptionToken` (subscribe or sub_refresh).
    public mutating func subscriptionTokenVerified(
        _ verification: TokenVerification<SubscriptionTokenClaims>,
        now: Timestamp
    ) -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        switch inFlight {
        case .subscribeVerifyingToken(let id, let request):
            inFlight = nil
            finishSubscribeToken(id: id, request, verification, now: now, into: &actions)
        case .subRefreshVerifyingToken(let id, let channel):
            inFlight = nil
            finishSubRefresh(id: id, channel: channel, verification, now: now, into: &actions)
        default:
            return []
        }
        drainQueue(now: now, into: &actions)
        return actions
    }

    /// §6.2 step 8 and 14 with a verified subscription token.
    mutating func finishSubscribeToken(
        id: UInt32,
        _ request: SubscribeRequest,
        _ verification: TokenVerification<SubscriptionTokenClaims>,
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        switch verification {
        case .expired:
            fail(id: id, .tokenExpired, into: &actions)
        case .invalid:
            fail(id: id, .permissionDenied, into: &actions)
        case .failed:
            fail(id: id, .internalServerError, into: &actions)
        case .valid(let claims):
            guard namespaceExists(claims.channel) else {
                fail(id: id, .unknownChannel, into: &actions)
                return
            }
            guard isIssued(claims, for: request.channel) else {
                close(.invalidToken, into: &actions)
                return
            }
            let expireAt = rules.configuration.clientInsecure ? 0 : claims.subscriptionExpiry
            beginSubscribe(
                id: id,
                request,
                features: tokenSubscribeFeatures(request, override: claims.override),
                channelInfo: claims.info,
                data: claims.data,
                expireAt: expireAt,
                now: now,
                into: &actions
            )
        }
    }

    /// §6.2 steps 14–15: expiry, then the engine work.
    mutating func beginSubscribe(
        id: UInt32,
        _ request: SubscribeRequest,
        features: SubscriptionFeatures,
        channelInfo: ByteBuffer,
        data: ByteBuffer,
        expireAt: Int64,
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        if expireAt > 0 && expireAt <= now.unixSeconds {
            fail(id: id, .expired, into: &actions)
            return
        }
        let channel = request.channel
        var info = clientInfo
        info.chanInfo = channelInfo
        var effect = SubscribeEffect(
            channel: channel,
            info: info,
            features: features,
            source: .client,
            recoveryLimit: configuration.recoveryMaxPublicationLimit
        )
        if features.recoverable && request.recover {
            effect.recoverSince = StreamPosition(offset: request.offset, epoch: request.epoch)
        }
        subscriptions[channel] = ChannelSubscription(
            phase: .subscribing,
            source: .client,
            features: features,
            channelInfo: channelInfo,
            expireAt: expireAt,
            position: StreamPosition(),
            lastPositionCheck: now
        )
        inFlight = .subscribing(id: id, request, effect, data: data, clientSideExpiry: expireAt > 0)
        actions.append(.subscribe([effect]))
    }

    /// The answer to `.subscribe`: outcomes by channel.
    public mutating func subscriptionsCompleted(_ outcomes: [String: SubscribeOutcome], now: Timestamp)
        -> [ConnectionAction]
    {
        var actions: [ConnectionAction] = []
        switch inFlight {
        case .connectSubscribing(let id, let progress):
            inFlight = nil
            connectSubscriptionsCompleted(id: id, progress, outcomes, now: now, into: &actions)
        case .subscribing(let id, let request, let effect, let data, _) where outcomes[effect.channel] != nil:
            inFlight = nil
            finishSubscribe(id: id, request, effect, outcomes[effect.channel]!, data: data, now: now, into: &actions)
        default:
            for (channel, outcome) in outcomes {
                serverSubscriptionCompleted(channel, outcome, into: &actions)
            }
            return actions
        }
        drainQueue(now: now, into: &actions)
        return actions
    }

    mutating func finishSubscribe(
        id: UInt32,
        _ request: SubscribeRequest,
        _ effect: SubscribeEffect,
        _ outcome: SubscribeOutcome,
        data: ByteBuffer,
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        let channel = effect.channel
        switch outcome {
        case .failed:
            subscriptions[channel] = nil
            close(.internalServerError, into: &actions)
        case .historyFailed:
            subscriptions[channel] = nil
            fail(id: id, .internalServerError, into: &actions)
        case .subscribed(let read, let buffered):
            let asked = SubscribeRequestOptions(recover: request.recover, offset: request.offset, epoch: request.epoch)
            switch buildSubscribeResult(effect: effect, requested: asked, read: read, buffered: buffered, data: data) {
            case .insufficientState:
                close(.insufficientState, into: &actions)
            case .ready(var result, let position, let deliverAfter):
                let expireAt = subscriptions[channel]?.expireAt ?? 0
                if expireAt > 0 {
                    result.expires = true
                    result.ttl = UInt32(clamping: expireAt - now.unixSeconds)
                }
                subscriptions[channel]?.position = position
                subscriptions[channel]?.phase = .live
                actions.append(.reply(Reply(id: id, result: .subscribe(result))))
                if effect.features.emitJoinLeave {
                    actions.append(.publishJoin(channel: channel, effect.info))
                }
                deliverBuffered(channel, deliverAfter, into: &actions)
            }
        }
    }

    /// Publications that arrived while subscribing and come after the reply, checked like live ones.
    mutating func deliverBuffered(
        _ channel: String, _ publications: [PositionedPublication], into actions: inout [ConnectionAction]
    ) {
        for item in publications {
            switch publicationDecision(channel, position: item.position) {
            case .deliver:
                actions.append(.push(Push(channel: channel, .publication(item.publication))))
            case .skip:
                continue
            case .reject(let rejection):
                actions.append(contentsOf: rejection)
                return
            }
        }
    }

    /// The outcome of §11.3 for one subscription.
    enum SubscribeResultBuild {
        case ready(SubscribeResult, position: StreamPosition, deliverAfter: [PositionedPublication])
        case insufficientState
    }

    /// §11.3: the subscribe result fields, the position to track and what to deliver after the reply.
    func buildSubscribeResult(
        effect: SubscribeEffect,
        requested: SubscribeRequestOptions?,
        read: StreamRead?,
        buffered: [PositionedPublication],
        data: ByteBuffer
    ) -> SubscribeResultBuild {
        var result = SubscribeResult()
        result.data = data
        let features = effect.features
        let askedRecover = requested?.recover ?? false
        guard features.positioned, let read else {
            if transport.version == .v2 && askedRecover { result.wasRecovering = true }
            return .ready(result, position: StreamPosition(), deliverAfter: buffered)
        }
        result.positioned = true
        result.recoverable = features.recoverable
        let top = read.top
        guard let since = effect.recoverSince, let requested else {
            result.epoch = top.epoch
            result.offset = top.offset
            return .ready(result, position: top, deliverAfter: buffered.filter { $0.position.offset > top.offset })
        }
        let epochMatches = since.epoch.isEmpty || since.epoch == top.epoch
        let recovered = RecoveryCheck.isRecovered(since: since, read: read)
        if transport.version == .v1 {
            result.publications = read.publications
            result.recovered = recovered
            result.epoch = top.epoch
            result.offset = top.offset
            let last = read.publications.last?.offset ?? top.offset
            return .ready(
                result,
                position: StreamPosition(offset: max(last, top.offset), epoch: top.epoch),
                deliverAfter: buffered.filter { $0.position.offset > top.offset }
            )
        }
        result.wasRecovering = true
        guard recovered, epochMatches else {
            result.epoch = top.epoch
            result.offset = top.offset
            return .ready(result, position: top, deliverAfter: buffered.filter { $0.position.offset > top.offset })
        }
        guard let merged = RecoveryCheck.merge(read.publications, buffered, after: requested.offset) else {
            return .insufficientState
        }
        result.recovered = true
        result.publications = merged
        result.epoch = requested.epoch
        result.offset = requested.offset
        let last = merged.last?.offset ?? top.offset
        return .ready(
            result, position: StreamPosition(offset: max(last, top.offset), epoch: top.epoch), deliverAfter: [])
    }

    /// Whether a subscription token was issued for `channel` and this connection (channel, user unless
    /// `skip_user_check_in_subscription_token`, and client if the token names one); otherwise 3500.
    func isIssued(_ claims: SubscriptionTokenClaims, for channel: String) -> Bool {
        claims.channel == channel
            && (configuration.skipUserCheckInSubscriptionToken || claims.user == user)
            && (claims.client.isEmpty || claims.client == clientID)
    }
}
