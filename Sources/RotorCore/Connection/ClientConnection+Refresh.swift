import NIOCore
import RotorProtocol

extension ClientConnection {
    /// §6.9: client-side connection refresh with a new token.
    mutating func startRefresh(id: UInt32, _ request: RefreshRequest, into actions: inout [ConnectionAction]) {
        if configuration.refreshProxyConfigured || request.token.isEmpty {
            close(.badRequest, into: &actions)
            return
        }
        inFlight = .refreshVerifyingToken(id: id)
        actions.append(.verifyConnectionToken(request.token))
    }

    mutating func finishRefresh(
        id: UInt32,
        _ verification: TokenVerification<ConnectionTokenClaims>,
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        let claims: ConnectionTokenClaims
        switch verification {
        case .invalid:
            close(.invalidToken, into: &actions)
            return
        case .expired:
            close(.connectionExpired, into: &actions)
            return
        case .failed:
            fail(id: id, .internalServerError, into: &actions)
            return
        case .valid(let valid):
            claims = valid
        }
        if claims.user != user {
            close(.invalidToken, into: &actions)
            return
        }
        let listed = Set(claims.subs.isEmpty ? claims.channels : Array(claims.subs.keys))
        let unsubscribedListed = listed.contains { subscriptions[$0] == nil }
        let droppedTokenChannel = tokenChannels.contains { !listed.contains($0) }
        if unsubscribedListed || droppedTokenChannel {
            close(.insufficientState, into: &actions)
            return
        }
        let newExpiry = rules.configuration.clientInsecure ? 0 : claims.connectionExpiry
        if newExpiry > 0 && newExpiry <= now.unixSeconds {
            fail(id: id, .expired, into: &actions)
            return
        }
        expireAt = newExpiry
        if claims.info.readableBytes > 0 { connectionInfo = claims.info }
        if claims.meta.readableBytes > 0 { meta = claims.meta }
        var result = RefreshResult()
        if transport.version == .v1 {
            result.client = clientID
            result.version = configuration.serverVersion
        }
        if expireAt > 0 {
            result.expires = true
            result.ttl = UInt32(clamping: expireAt - now.unixSeconds)
        }
        actions.append(.reply(Reply(id: id, result: .refresh(result))))
    }

    /// §6.10: client-side subscription refresh with a new subscription token.
    mutating func startSubRefresh(id: UInt32, _ request: SubRefreshRequest, into actions: inout [ConnectionAction]) {
        let channel = request.channel
        if channel.isEmpty {
            close(.badRequest, into: &actions)
            return
        }
        guard subscriptions[channel]?.phase == .live else {
            failSynchronously(id: id, .permissionDenied, into: &actions)
            return
        }
        if usesServerSideSubRefresh(channel) {
            close(.badRequest, into: &actions)
            return
        }
        if request.token.isEmpty {
            failSynchronously(id: id, .badRequest, into: &actions)
            return
        }
        inFlight = .subRefreshVerifyingToken(id: id, channel: channel)
        actions.append(.verifySubscriptionToken(channel: channel, token: request.token))
    }

    mutating func finishSubRefresh(
        id: UInt32,
        channel: String,
        _ verification: TokenVerification<SubscriptionTokenClaims>,
        now: Timestamp,
        into actions: inout [ConnectionAction]
    ) {
        switch verification {
        case .invalid:
            close(.invalidToken, into: &actions)
        case .failed:
            fail(id: id, .internalServerError, into: &actions)
        case .expired:
            // Quirk of v4.1.5 (§6.10): the library ignores the expired flag here; the expiry is cleared.
            subscriptions[channel]?.expireAt = 0
            actions.append(.reply(Reply(id: id, result: .subRefresh(SubRefreshResult()))))
        case .valid(let claims):
            guard isIssued(claims, for: channel) else {
                close(.invalidToken, into: &actions)
                return
            }
            let expiry = rules.configuration.clientInsecure ? 0 : claims.subscriptionExpiry
            if expiry > 0 && expiry < now.unixSeconds {
                fail(id: id, .expired, into: &actions)
                return
            }
            guard subscriptions[channel] != nil else {
                fail(id: id, .permissionDenied, into: &actions)
                return
            }
            subscriptions[channel]?.expireAt = expiry
            if claims.info.readableBytes > 0 { subscriptions[channel]?.channelInfo = claims.info }
            var result = SubRefreshResult()
            if expiry > 0 {
                result.expires = true
                result.ttl = UInt32(clamping: expiry - now.unixSeconds)
            }
            actions.append(.reply(Reply(id: id, result: .subRefresh(result))))
        }
    }
}
