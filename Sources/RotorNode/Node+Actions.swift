import NIOCore
import OrderedCollections
import RotorCore
import RotorEngine
import RotorProtocol

extension Node {
    /// Performs one machine action; effects feed their answers back into the machine.
    func perform(_ action: ConnectionAction, for handle: ConnectionHandle) {
        switch action {
        case .reply(let reply):
            observer?.sent(.reply(reply), to: handle)
            send(try? handle.format.encode(reply), to: handle)
        case .push(let push):
            observer?.sent(.push(push), to: handle)
            send(try? handle.format.encode(push), to: handle)
        case .ping:
            observer?.sent(.ping, to: handle)
            send(handle.format.encodePing(), to: handle)
        case .verifyConnectionToken(let token):
            verifyConnectionToken(token, for: handle)
        case .verifySubscriptionToken(_, let token):
            verifySubscriptionToken(token, for: handle)
        case .register(let user):
            register(handle, user: user)
        case .subscribe(let effects):
            performSubscribe(effects, for: handle)
        case .unsubscribe(let effect):
            performUnsubscribe(effect, for: handle)
        case .publish(let channel, let publication):
            performPublish(channel, publication, for: handle)
        case .presence(let channel):
            performPresence(channel, for: handle)
        case .presenceStats(let channel):
            performPresenceStats(channel, for: handle)
        case .history(let channel, let limit, let since, let reverse):
            performHistory(channel, HistoryFilter(since: since, limit: limit, reverse: reverse), for: handle)
        case .publishJoin(let channel, let info):
            observer?.recorded(.messageSent(.join))
            broker.publishJoin(channel, info) { _ in }
        case .updatePresence(let entries):
            guard let presenceManager else { return }
            for entry in entries {
                observer?.recorded(.action(.addPresence))
                presenceManager.addPresence(entry.channel, clientID: handle.clientID, info: entry.info) { _ in }
            }
        case .checkPositions(let channels):
            checkPositions(channels, for: handle)
        case .stopReading:
            handle.sink.stopReading()
        case .close(let disconnect):
            handle.pending.removeAll()
            if !handle.removed {
                observer?.closed(handle, with: disconnect)
                handle.sink.close(disconnect)
            }
            remove(handle)
        }
    }

    // MARK: Tokens

    func verifyConnectionToken(_ token: String, for handle: ConnectionHandle) {
        verify(token, for: handle, with: { $0.verifyConnectionToken($1, now: $2) }) {
            $0.connectionTokenVerified($1, now: $2)
        }
    }

    func verifySubscriptionToken(_ token: String, for handle: ConnectionHandle) {
        verify(token, for: handle, with: { $0.verifySubscriptionToken($1, now: $2) }) {
            $0.subscriptionTokenVerified($1, now: $2)
        }
    }

    /// Verifies `token` (after fetching JWKS keys if the verifier needs them) and feeds the outcome to the
    /// machine with `answer`. Without a verifier every token is invalid (no key is configured).
    func verify<Claims>(
        _ token: String,
        for handle: ConnectionHandle,
        with check: @escaping (any TokenVerifying, String, Timestamp) -> TokenVerification<Claims>?,
        answer: @escaping (inout ClientConnection, TokenVerification<Claims>, Timestamp) -> [ConnectionAction]
    ) {
        guard let verifier = tokenVerifier else {
            let now = scheduler.now
            feed(handle) { answer(&$0, .invalid(reason: "no token verification configured"), now) }
            return
        }
        if let verification = check(verifier, token, scheduler.now) {
            let now = scheduler.now
            feed(handle) { answer(&$0, verification, now) }
            return
        }
        fetchKeys(for: token, verifier: verifier) { [weak self] in
            guard let self, !handle.removed else { return }
            let now = self.scheduler.now
            let verification = check(verifier, token, now) ?? .failed(reason: "keys unavailable")
            self.feed(handle) { answer(&$0, verification, now) }
        }
    }

    /// Fetches JWKS keys off the scheduler, then continues on it.
    func fetchKeys(for token: String, verifier: any TokenVerifying, then continuation: @escaping () -> Void) {
        let box = SchedulerHop(scheduler: scheduler, continuation: continuation)
        Task {
            await verifier.prepareKeys(for: token)
            box.resume()
        }
    }

    // MARK: Registration

    /// §6.1 step 9 and `user_personal_single_connection`.
    func register(_ handle: ConnectionHandle, user: String) {
        let limit = configuration.client.userConnectionLimit
        if !user.isEmpty && limit > 0 && (users[user]?.count ?? 0) >= limit {
            handle.pending.removeAll()
            feed(handle) { $0.disconnect(.connectionLimit) }
            return
        }
        let singleConnection = configuration.rules.configuration.userPersonalSingleConnection && !user.isEmpty
        let existing = singleConnection ? Array(users[user] ?? []) : []
        observer?.recorded(.action(.addClient))
        users[user, default: []].append(handle.clientID)
        handle.registeredUser = user
        if singleConnection {
            for other in existing {
                guard let otherHandle = connections[other], otherHandle !== handle else { continue }
                disconnect(otherHandle, .connectionLimit)
            }
        }
    }

    // MARK: Commands that read or write the engine

    func performPublish(_ channel: String, _ publication: Publication, for handle: ConnectionHandle) {
        let options = publishOptions(channel)
        observer?.recorded(.messageSent(.publication))
        broker.publish(channel, publication, options: options) { [weak self] result in
            guard let self, !handle.removed else { return }
            let succeeded = if case .success = result { true } else { false }
            let now = self.scheduler.now
            self.feed(handle) { $0.publishCompleted(succeeded: succeeded, now: now) }
        }
    }

    /// History options of a channel's namespace.
    func publishOptions(_ channel: String) -> PublishOptions {
        guard let options = configuration.rules.resolve(channel)?.options, options.historyEnabled else {
            return PublishOptions()
        }
        return PublishOptions(historySize: options.historySize, historyTTL: options.historyTTL)
    }

    func performPresence(_ channel: String, for handle: ConnectionHandle) {
        guard let presenceManager else {
            feed(handle) { [now = scheduler.now] in $0.presenceCompleted(nil, now: now) }
            return
        }
        observer?.recorded(.action(.presence))
        presenceManager.presence(channel) { [weak self] result in
            guard let self, !handle.removed else { return }
            let now = self.scheduler.now
            let presence = try? result.get()
            self.feed(handle) { $0.presenceCompleted(presence, now: now) }
        }
    }

    func performPresenceStats(_ channel: String, for handle: ConnectionHandle) {
        guard let presenceManager else {
            feed(handle) { [now = scheduler.now] in
                $0.presenceStatsCompleted(clients: 0, users: 0, failed: true, now: now)
            }
            return
        }
        observer?.recorded(.action(.presenceStats))
        presenceManager.presenceStats(channel) { [weak self] result in
            guard let self, !handle.removed else { return }
            let now = self.scheduler.now
            switch result {
            case .success(let stats):
                self.feed(handle) {
                    $0.presenceStatsCompleted(clients: stats.numClients, users: stats.numUsers, now: now)
                }
            case .failure:
                self.feed(handle) { $0.presenceStatsCompleted(clients: 0, users: 0, failed: true, now: now) }
            }
        }
    }

    func performHistory(_ channel: String, _ filter: HistoryFilter, for handle: ConnectionHandle) {
        observer?.recorded(.action(.history))
        broker.history(channel, filter: filter) { [weak self] result in
            guard let self, !handle.removed else { return }
            let now = self.scheduler.now
            let read = (try? result.get()).map { StreamRead(publications: $0.publications, top: $0.position) }
            self.feed(handle) { $0.historyCompleted(read, now: now) }
        }
    }

    func checkPositions(_ channels: [String], for handle: ConnectionHandle) {
        var tops: [String: StreamPosition?] = [:]
        var remaining = channels.count
        for channel in channels {
            observer?.recorded(.action(.historyStreamTop))
            observer?.recorded(.action(.history))
            broker.history(channel, filter: HistoryFilter(limit: 0)) { [weak self] result in
                tops[channel] = try? result.get().position
                remaining -= 1
                guard remaining == 0, let self, !handle.removed else { return }
                let now = self.scheduler.now
                let answered = tops
                self.feed(handle) { $0.positionsChecked(answered, now: now) }
            }
        }
    }
}

/// Carries a continuation from an async task back onto the node's scheduler.
final class SchedulerHop: @unchecked Sendable {
    // The scheduler is only touched through `execute`, which implementations make safe to call from any
    // thread (the event loop's `execute`, the simulation's queue on its single thread).
    private let scheduler: any Scheduler
    private let continuation: () -> Void

    init(scheduler: any Scheduler, continuation: @escaping () -> Void) {
        self.scheduler = scheduler
        self.continuation = continuation
    }

    func resume() {
        let continuation = self.continuation
        scheduler.execute { continuation() }
    }
}
