import RotorProtocol

extension ClientConnection {
    /// When an unrefreshed connection is closed: its expiry plus the grace delay (client-side refresh only).
    var expiryDeadline: Timestamp? {
        guard isConnected, expireAt > 0, !configuration.refreshProxyConfigured else { return nil }
        return Timestamp.unixSeconds(expireAt) + configuration.expiredCloseDelay
    }

    /// Runs every timer that is due at `now` (§5 timers, §8, §6.11, §11.4).
    public mutating func timersFired(now: Timestamp) -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        if let staleDeadline, now >= staleDeadline {
            close(.stale, into: &actions)
            return actions
        }
        if let pongDeadline, now >= pongDeadline {
            close(.noPong, into: &actions)
            return actions
        }
        if let deadline = expiryDeadline, now >= deadline {
            close(.connectionExpired, into: &actions)
            return actions
        }
        if let nextPingAt, now >= nextPingAt {
            // Both count from when the ping actually goes out, so a late timer (a stalled loop, a clock
            // jump) delays the next ping instead of closing everyone with 3012 at once.
            actions.append(.ping)
            if transport.expectsPongs && configuration.pongTimeout > .zero {
                pongDeadline = now + configuration.pongTimeout
            }
            self.nextPingAt = now + configuration.pingInterval
        }
        if let nextTickAt, now >= nextTickAt {
            self.nextTickAt = now + configuration.presenceUpdateInterval
            periodicTick(now: now, into: &actions)
        }
        return actions
    }

    /// §8: exactly one pong per ping; anything else is a protocol violation.
    mutating func receivePong(into actions: inout [ConnectionAction]) {
        guard pongDeadline != nil else {
            close(.badRequest, into: &actions)
            return
        }
        pongDeadline = nil
    }

    /// Presence refresh, subscription expiry (§6.11) and stream position checks (§11.4).
    mutating func periodicTick(now: Timestamp, into actions: inout [ConnectionAction]) {
        var presence: [PresenceEntry] = []
        var positionChecks: [String] = []
        let closeDelay = configuration.expiredSubCloseDelay
        for (channel, subscription) in subscriptions where subscription.phase == .live {
            if subscription.expireAt > 0 && now > Timestamp.unixSeconds(subscription.expireAt) + closeDelay {
                if expireSubscription(channel, subscription, into: &actions) { return }
                continue
            }
            if subscription.features.presence {
                presence.append(PresenceEntry(channel: channel, info: info(in: channel)))
            }
            if subscription.features.positioned
                && now >= subscription.lastPositionCheck + configuration.channelPositionCheckDelay
            {
                subscriptions[channel]?.lastPositionCheck = now
                positionChecks.append(channel)
            }
        }
        if !presence.isEmpty { actions.append(.updatePresence(presence)) }
        if !positionChecks.isEmpty { actions.append(.checkPositions(positionChecks)) }
    }

    /// Ends an expired subscription; returns true when that closed the connection.
    mutating func expireSubscription(
        _ channel: String,
        _ subscription: ChannelSubscription,
        into actions: inout [ConnectionAction]
    ) -> Bool {
        end(channel, subscription, unsubscribing: .subscriptionExpired, orClosing: .subscriptionExpired, into: &actions)
        return isClosed
    }

    /// The answer to `.checkPositions`: the stream top per channel, nil where reading it failed (ignored).
    public mutating func positionsChecked(_ tops: [String: StreamPosition?], now: Timestamp) -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        // In subscription order, so what happens does not depend on dictionary order.
        for channel in subscriptions.keys where tops[channel] != nil {
            guard let top = tops[channel]!, let subscription = subscriptions[channel], subscription.phase == .live,
                subscription.features.positioned
            else { continue }
            let tracked = subscription.position
            if top.epoch == tracked.epoch && tracked.offset >= top.offset { continue }
            actions.append(contentsOf: insufficientState(channel, subscription))
            if isClosed { break }
        }
        return actions
    }

    /// §11.4: a v2 client-side subscription is unsubscribed with 2500, anything else disconnects with 3010.
    mutating func insufficientState(_ channel: String, _ subscription: ChannelSubscription) -> [ConnectionAction] {
        var actions: [ConnectionAction] = []
        end(channel, subscription, unsubscribing: .insufficientState, orClosing: .insufficientState, into: &actions)
        return actions
    }

    /// Ends a subscription the server gives up on: a v2 client-side one with an unsubscribe push (the client
    /// resubscribes), a server-side one or any v1 one by closing the connection (§6.11, §11.4).
    mutating func end(
        _ channel: String,
        _ subscription: ChannelSubscription,
        unsubscribing reason: UnsubscribeReason,
        orClosing disconnect: Disconnect,
        into actions: inout [ConnectionAction]
    ) {
        if transport.version == .v1 || subscription.source.isServerSide {
            close(disconnect, into: &actions)
            return
        }
        subscriptions[channel] = nil
        actions.append(.unsubscribe(unsubscribeEffect(channel, subscription)))
        let push = UnsubscribePush(code: reason.code, reason: reason.reason)
        actions.append(.push(Push(channel: channel, .unsubscribe(push))))
    }
}
