import NIOCore
import OrderedCollections
import RotorProtocol

extension ClientConnection {
    /// §6.3: always succeeds; no unsubscribe push for a client-initiated unsubscribe.
    mutating func handleUnsubscribe(id: UInt32, _ request: UnsubscribeRequest, into actions: inout [ConnectionAction]) {
        let channel = request.channel
        if channel.isEmpty {
            close(.badRequest, into: &actions)
            return
        }
        if let subscription = subscriptions[channel], subscription.phase == .live {
            subscriptions[channel] = nil
            tokenChannels.remove(channel)
            actions.append(.unsubscribe(unsubscribeEffect(channel, subscription)))
        }
        actions.append(.reply(Reply(id: id, result: .unsubscribe(UnsubscribeResult()))))
    }

    /// §6.4.
    mutating func handlePublish(id: UInt32, _ request: PublishRequest, into actions: inout [ConnectionAction]) {
        let channel = request.channel
        if channel.isEmpty || request.data.readableBytes == 0 {
            close(.badRequest, into: &actions)
            return
        }
        switch publishAccess(channel) {
        case .denied(let error):
            fail(id: id, error, into: &actions)
        case .proxyUnavailable:
            failSynchronously(id: id, .notAvailable, into: &actions)
        case .allowed:
            var publication = Publication(data: request.data)
            publication.info = info(in: channel)
            inFlight = .publishing(id: id)
            actions.append(.publish(channel: channel, publication))
        }
    }

    /// The answer to `.publish`: whether the engine accepted it.
    public mutating func publishCompleted(succeeded: Bool, now: Timestamp) -> [ConnectionAction] {
        guard case .publishing(let id) = inFlight else { return [] }
        inFlight = nil
        var actions: [ConnectionAction] = []
        if succeeded {
            actions.append(.reply(Reply(id: id, result: .publish(PublishResult()))))
        } else {
            fail(id: id, .internalServerError, into: &actions)
        }
        drainQueue(now: now, into: &actions)
        return actions
    }

    /// §6.5.
    mutating func handlePresence(id: UInt32, channel: String, stats: Bool, into actions: inout [ConnectionAction]) {
        if channel.isEmpty {
            close(.badRequest, into: &actions)
            return
        }
        if let error = presenceDenial(channel) {
            fail(id: id, error, into: &actions)
            return
        }
        if stats {
            inFlight = .presenceStats(id: id)
            actions.append(.presenceStats(channel: channel))
        } else {
            inFlight = .presence(id: id)
            actions.append(.presence(channel: channel))
        }
    }

    /// The answer to `.presence`; nil when the engine failed.
    public mutating func presenceCompleted(_ presence: OrderedDictionary<String, ClientInfo>?, now: Timestamp)
        -> [ConnectionAction]
    {
        guard case .presence(let id) = inFlight else { return [] }
        inFlight = nil
        var actions: [ConnectionAction] = []
        if let presence {
            actions.append(.reply(Reply(id: id, result: .presence(PresenceResult(presence: presence)))))
        } else {
            fail(id: id, .internalServerError, into: &actions)
        }
        drainQueue(now: now, into: &actions)
        return actions
    }

    /// The answer to `.presenceStats`; nil when the engine failed.
    public mutating func presenceStatsCompleted(clients: Int, users: Int, failed: Bool = false, now: Timestamp)
        -> [ConnectionAction]
    {
        guard case .presenceStats(let id) = inFlight else { return [] }
        inFlight = nil
        var actions: [ConnectionAction] = []
        if failed {
            fail(id: id, .internalServerError, into: &actions)
        } else {
            let result = PresenceStatsResult(numClients: UInt32(clamping: clients), numUsers: UInt32(clamping: users))
            actions.append(.reply(Reply(id: id, result: .presenceStats(result))))
        }
        drainQueue(now: now, into: &actions)
        return actions
    }

    /// §6.6 and §11.2.
    mutating func handleHistory(id: UInt32, _ request: HistoryRequest, into actions: inout [ConnectionAction]) {
        let channel = request.channel
        if channel.isEmpty {
            close(.badRequest, into: &actions)
            return
        }
        if let error = historyDenial(channel) {
            fail(id: id, error, into: &actions)
            return
        }
        if request.reverse, let since = request.since, since.offset == 0 {
            fail(id: id, .badRequest, into: &actions)
            return
        }
        let cap = configuration.historyMaxPublicationLimit
        var limit = Int(request.limit)
        if limit < 0 || limit > cap { limit = cap }
        inFlight = .history(id: id, since: request.since)
        actions.append(.history(channel: channel, limit: limit, since: request.since, reverse: request.reverse))
    }

    /// The answer to `.history`; nil when the engine failed.
    public mutating func historyCompleted(_ read: StreamRead?, now: Timestamp) -> [ConnectionAction] {
        guard case .history(let id, let since) = inFlight else { return [] }
        inFlight = nil
        var actions: [ConnectionAction] = []
        if let read {
            if let since, !since.epoch.isEmpty, since.epoch != read.top.epoch {
                fail(id: id, .unrecoverablePosition, into: &actions)
            } else {
                let result = HistoryResult(
                    publications: read.publications, epoch: read.top.epoch, offset: read.top.offset)
                actions.append(.reply(Reply(id: id, result: .history(result))))
            }
        } else {
            fail(id: id, .internalServerError, into: &actions)
        }
        drainQueue(now: now, into: &actions)
        return actions
    }
}
