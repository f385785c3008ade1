import NIOCore
import OrderedCollections
import RotorProtocol

extension ClientConnection {
    /// §6.1 steps 1–5: authenticate by token, or anonymously when allowed.
    mutating func startConnect(
        id: UInt32, _ request: ConnectRequest, now: Timestamp, into actions: inout [ConnectionAction]
    ) {
        if !request.token.isEmpty {
            state = .connecting
            inFlight = .connectVerifyingToken(id: id, request)
            actions.append(.verifyConnectionToken(request.token))
            return
        }
        guard configuration.allowAnonymousConnectWithoutToken || rules.configuration.clientInsecure else {
            close(.badRequest, into: &actions)
            return
        }
        continueConnect(id: id, request, claims: ConnectionTokenClaims(), fromToken: false, now: now, into: &actions)
    }

    /// The answer to `.verifyConnectionToken`.
    public mutating func connectionTokenVerified(
        _ verification: TokenVerification<ConnectionTokenClaims>,
        now: Timestamp
    ) -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        switch inFlight {
        case .connectVerifyingToken(let id, let request):
            inFlight = nil
            switch verification {
            case .valid(let claims):
                if claims.user.isEmpty && configuration.disallowAnonymousConnectionTokens {
                    close(.permissionDenied, into: &actions)
                } else {
                    continueConnect(id: id, request, claims: claims, fromToken: true, now: now, into: &actions)
                }
            case .expired:
                failConnect(id: id, .tokenExpired, into: &actions)
            case .invalid:
                close(.invalidToken, into: &actions)
            case .failed:
                failConnect(id: id, .internalServerError, into: &actions)
            }
        case .refreshVerifyingToken(let id):
            inFlight = nil
            finishRefresh(id: id, verification, now: now, into: &actions)
        default:
            return []
        }
        drainQueue(now: now, into: &actions)
        return actions
    }

    /// §6.1 steps 6–11 once the credentials are known.
    mutating func continueConnect(
        id: UInt32,
        _ request: ConnectRequest,
        claims: ConnectionTokenClaims,
        fromToken: Bool,
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        // Step 2 (claims naming unknown namespaces) and step 6 (personal namespace).
        var serverSide: OrderedDictionary<String, (SubscriptionSource, TokenSubscriptionOptions)> = [:]
        let tokenChannels: [(String, TokenSubscriptionOptions)] =
            claims.subs.isEmpty
            ? claims.channels.map { ($0, TokenSubscriptionOptions()) } : claims.subs.map { ($0.key, $0.value) }
        for (channel, options) in tokenChannels {
            guard namespaceExists(channel) else {
                failConnect(id: id, .unknownChannel, into: &actions)
                return
            }
            serverSide[channel] = (.connectionToken, options)
        }
        if rules.configuration.userSubscribeToPersonal && !claims.user.isEmpty {
            let personal = personalChannel(for: claims.user)
            guard namespaceExists(personal) else {
                failConnect(id: id, .unknownChannel, into: &actions)
                return
            }
            // As in v4.1.5, the personal channel's namespace defaults replace a token entry for it.
            serverSide[personal] = (.personalChannel, TokenSubscriptionOptions())
        }
        // Step 7: channels the client asked for in `subs`.
        user = claims.user
        for channel in request.subs.keys where serverSide[channel] == nil {
            switch connectRequestedChannel(channel) {
            case .unknownNamespace:
                close(.badRequest, into: &actions)
                return
            case .ignore:
                continue
            case .add:
                serverSide[channel] = (.connectRequest, TokenSubscriptionOptions())
            }
        }
        // Step 8.
        if serverSide.count > configuration.channelLimit {
            close(.channelLimit, into: &actions)
            return
        }
        connectionInfo = claims.info
        meta = claims.meta
        expireAt = rules.configuration.clientInsecure ? 0 : claims.connectionExpiry
        // Step 9: the node counts the user's connections and closes with 3504 when over the limit.
        actions.append(.register(user: user))
        // Step 10.
        if expireAt > 0 && expireAt < now.unixSeconds {
            failConnect(id: id, .expired, into: &actions)
            return
        }
        // Step 11.
        var effects: [SubscribeEffect] = []
        var data: [String: ByteBuffer] = [:]
        var requested: [String: SubscribeRequestOptions] = [:]
        for (channel, (source, options)) in serverSide {
            var info = ClientInfo(user: user, client: clientID, connInfo: connectionInfo)
            info.chanInfo = options.info
            let features = serverSideFeatures(channel, override: options.override)
            var effect = SubscribeEffect(
                channel: channel,
                info: info,
                features: features,
                source: source,
                recoveryLimit: configuration.recoveryMaxPublicationLimit
            )
            if let asked = request.subs[channel] {
                let options = SubscribeRequestOptions(recover: asked.recover, offset: asked.offset, epoch: asked.epoch)
                requested[channel] = options
                if features.recoverable && asked.recover {
                    effect.recoverSince = StreamPosition(offset: asked.offset, epoch: asked.epoch)
                }
            }
            data[channel] = options.data
            effects.append(effect)
            subscriptions[channel] = ChannelSubscription(
                phase: .subscribing,
                source: source,
                features: features,
                channelInfo: options.info,
                expireAt: 0,
                position: StreamPosition(),
                lastPositionCheck: now
            )
            if source == .connectionToken { self.tokenChannels.insert(channel) }
        }
        if effects.isEmpty {
            finishConnect(id: id, request, results: [:], now: now, into: &actions)
            return
        }
        state = .connecting
        inFlight = .connectSubscribing(
            id: id,
            ConnectProgress(request: request, effects: effects, data: data, requested: requested)
        )
        actions.append(.subscribe(effects))
    }

    /// The server-side subscriptions of a connect completed.
    mutating func connectSubscriptionsCompleted(
        id: UInt32,
        _ progress: ConnectProgress,
        _ outcomes: [String: SubscribeOutcome],
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        var results: OrderedDictionary<String, SubscribeResult> = [:]
        var after: [(String, [PositionedPublication])] = []
        for effect in progress.effects {
            guard let outcome = outcomes[effect.channel] else { continue }
            switch outcome {
            case .failed:
                close(.internalServerError, into: &actions)
                return
            case .historyFailed:
                failConnect(id: id, .internalServerError, into: &actions)
                return
            case .subscribed(let read, let buffered):
                let asked = progress.requested[effect.channel]
                switch buildSubscribeResult(
                    effect: effect,
                    requested: asked,
                    read: read,
                    buffered: buffered,
                    data: progress.data[effect.channel] ?? ByteBuffer()
                ) {
                case .insufficientState:
                    close(.insufficientState, into: &actions)
                    return
                case .ready(let result, let position, let deliverAfter):
                    results[effect.channel] = result
                    subscriptions[effect.channel]?.position = position
                    after.append((effect.channel, deliverAfter))
                }
            }
        }
        for effect in progress.effects { subscriptions[effect.channel]?.phase = .live }
        finishConnect(id: id, progress.request, results: results, now: now, into: &actions)
        for (channel, publications) in after {
            deliverBuffered(channel, publications, into: &actions)
        }
    }

    /// §6.1 step 12: the reply, timers, then joins of server-side channels.
    mutating func finishConnect(
        id: UInt32,
        _ request: ConnectRequest,
        results: OrderedDictionary<String, SubscribeResult>,
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        state = .connected
        staleDeadline = nil
        var result = ConnectResult(client: clientID, version: configuration.serverVersion)
        if expireAt > 0 && !configuration.refreshProxyConfigured {
            result.expires = true
            result.ttl = UInt32(clamping: expireAt - now.unixSeconds)
        }
        result.subs = results
        let pings = transport.version == .v2 && transport.sendsPings && configuration.pingInterval > .zero
        if pings {
            result.ping = UInt32(clamping: configuration.pingInterval.wholeSeconds)
            result.pong = transport.expectsPongs && configuration.pongTimeout > .zero
            nextPingAt = now + firstPingDelay
        }
        if transport.isUnidirectional || transport.isEmulation { result.session = sessionID }
        if transport.isEmulation { result.node = nodeID }
        nextTickAt = now + configuration.presenceUpdateInterval
        if transport.isUnidirectional {
            actions.append(.push(Push(.connect(ConnectPush(result)))))
        } else {
            actions.append(.reply(Reply(id: id, result: .connect(result))))
        }
        for (channel, subscription) in subscriptions where subscription.features.emitJoinLeave {
            actions.append(.publishJoin(channel: channel, info(in: channel)))
        }
    }

    /// A connect ends with an error: the reply goes out and the connection becomes unusable (§5);
    /// unidirectional transports turn the error into a disconnect (§10.2).
    mutating func failConnect(id: UInt32, _ error: ReplyError, into actions: inout [ConnectionAction]) {
        if transport.isUnidirectional {
            close(Disconnect.forUnidirectionalConnect(failingWith: error), into: &actions)
            return
        }
        leaveAllChannels(into: &actions)
        state = .unusable
        fail(id: id, error, into: &actions)
        stopReading(into: &actions)
    }
}

extension ConnectPush {
    /// The unidirectional form of a connect result.
    init(_ result: ConnectResult) {
        self.init()
        client = result.client
        version = result.version
        data = result.data
        subs = result.subs
        expires = result.expires
        ttl = result.ttl
        ping = result.ping
        pong = result.pong
        session = result.session
        node = result.node
    }
}
