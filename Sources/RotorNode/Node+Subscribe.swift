import NIOCore
import RotorCore
import RotorEngine
import RotorProtocol

extension Node {
    /// Runs the engine side of subscribes (`engines.md` §1.6): hub (buffering), broker, presence, stream
    /// read; answers the machine once every channel finished.
    func performSubscribe(_ effects: [SubscribeEffect], for handle: ConnectionHandle) {
        var outcomes: [String: SubscribeOutcome] = [:]
        var remaining = effects.count
        for effect in effects {
            subscribeOne(effect, for: handle) { [weak self] outcome in
                outcomes[effect.channel] = outcome
                remaining -= 1
                guard remaining == 0, let self, !handle.removed else { return }
                var answered: [String: SubscribeOutcome] = [:]
                for (channel, outcome) in outcomes {
                    if case .subscribed(let read, _) = outcome {
                        let buffered = handle.buffered.removeValue(forKey: channel) ?? []
                        answered[channel] = .subscribed(history: read, buffered: buffered)
                    } else {
                        answered[channel] = outcome
                    }
                }
                let now = self.scheduler.now
                self.feed(handle) { $0.subscriptionsCompleted(answered, now: now) }
            }
        }
    }

    func subscribeOne(
        _ effect: SubscribeEffect,
        for handle: ConnectionHandle,
        completion: @escaping (SubscribeOutcome) -> Void
    ) {
        let channel = effect.channel
        handle.buffered[channel] = []
        addToHub(channel, handle) { [weak self] subscribed in
            guard let self else { return }
            guard subscribed, self.stillSubscribing(channel, handle) else {
                self.rollbackSubscribe(effect, handle, presenceAdded: false)
                completion(.failed)
                return
            }
            self.addPresenceIfNeeded(effect, handle) { added in
                guard added, self.stillSubscribing(channel, handle) else {
                    // A failed add may still have been applied (its reply was lost), and a connection that
                    // left meanwhile already removed its entry: remove it (again) in both cases.
                    self.rollbackSubscribe(effect, handle, presenceAdded: effect.features.presence)
                    completion(.failed)
                    return
                }
                guard effect.readsStream else {
                    completion(.subscribed(history: nil, buffered: []))
                    return
                }
                let filter =
                    effect.recoverSince.map { HistoryFilter(since: $0, limit: effect.recoveryLimit) }
                    ?? HistoryFilter(limit: 0)
                self.observer?.recorded(.action(effect.recoverSince == nil ? .historyStreamTop : .historyRecover))
                self.observer?.recorded(.action(.history))
                self.broker.history(channel, filter: filter) { result in
                    switch result {
                    case .success(let page) where self.stillSubscribing(channel, handle):
                        let read = StreamRead(publications: page.publications, top: page.position)
                        completion(.subscribed(history: read, buffered: []))
                    case .success, .failure:
                        self.rollbackSubscribe(effect, handle, presenceAdded: effect.features.presence)
                        completion(.historyFailed)
                    }
                }
            }
        }
    }

    /// Whether the subscribe of `handle` to `channel` is still wanted (the connection may have closed or
    /// left while the engine worked).
    func stillSubscribing(_ channel: String, _ handle: ConnectionHandle) -> Bool {
        !handle.removed && handle.buffered[channel] != nil
    }

    func addPresenceIfNeeded(_ effect: SubscribeEffect, _ handle: ConnectionHandle, _ done: @escaping (Bool) -> Void) {
        guard effect.features.presence else { return done(true) }
        guard let presenceManager else { return done(false) }
        observer?.recorded(.action(.addPresence))
        presenceManager.addPresence(effect.channel, clientID: handle.clientID, info: effect.info) { result in
            if case .success = result { done(true) } else { done(false) }
        }
    }

    func rollbackSubscribe(_ effect: SubscribeEffect, _ handle: ConnectionHandle, presenceAdded: Bool) {
        handle.buffered[effect.channel] = nil
        removeFromHub(effect.channel, handle)
        if presenceAdded {
            observer?.recorded(.action(.removePresence))
            presenceManager?.removePresence(effect.channel, clientID: handle.clientID) { _ in }
        }
    }

    /// Leaves a channel: hub, presence, leave announcement.
    func performUnsubscribe(_ effect: UnsubscribeEffect, for handle: ConnectionHandle) {
        handle.buffered[effect.channel] = nil
        removeFromHub(effect.channel, handle)
        if effect.presence {
            observer?.recorded(.action(.removePresence))
            presenceManager?.removePresence(effect.channel, clientID: handle.clientID) { _ in }
        }
        if effect.emitLeave {
            observer?.recorded(.messageSent(.leave))
            broker.publishLeave(effect.channel, effect.info) { _ in }
        }
    }

    // MARK: Hub membership

    /// Adds a subscriber; the first one of a channel subscribes the broker. `done` runs once the broker
    /// delivers the channel (false if that failed).
    func addToHub(_ channel: String, _ handle: ConnectionHandle, _ done: @escaping (Bool) -> Void) {
        observer?.recorded(.action(.addSubscription))
        if hub[channel] != nil {
            hub[channel]!.subscribers[handle.clientID] = handle
            if hub[channel]!.brokerWaiters == nil {
                done(true)
            } else {
                hub[channel]!.brokerWaiters!.append(done)
            }
            return
        }
        var entry = HubChannel()
        entry.subscribers[handle.clientID] = handle
        entry.brokerWaiters = [done]
        hub[channel] = entry
        broker.subscribe(channel) { [weak self] result in
            guard let self else { return }
            let succeeded = if case .success = result { true } else { false }
            guard let waiters = self.hub[channel]?.brokerWaiters else {
                // Everyone left while the broker subscribed: undo it.
                if succeeded && self.hub[channel] == nil { self.broker.unsubscribe(channel) { _ in } }
                return
            }
            if succeeded {
                self.hub[channel]!.brokerWaiters = nil
            } else {
                self.hub[channel] = nil
            }
            for waiter in waiters { waiter(succeeded) }
        }
    }

    /// Removes a subscriber; the last one unsubscribes the broker.
    func removeFromHub(_ channel: String, _ handle: ConnectionHandle) {
        guard hub[channel]?.subscribers.removeValue(forKey: handle.clientID) != nil else { return }
        observer?.recorded(.action(.removeSubscription))
        guard hub[channel]!.subscribers.isEmpty else { return }
        let entry = hub.removeValue(forKey: channel)!
        if entry.brokerWaiters == nil {
            broker.unsubscribe(channel) { _ in }
        }
    }
}
