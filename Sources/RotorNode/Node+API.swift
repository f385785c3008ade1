import NIOCore
import OrderedCollections
import RotorCore
import RotorEngine
import RotorProtocol

/// The outcome of a server API operation: a value, or one of the API errors of `server.md` §4.4.
public enum APIResult<Value> {
    /// The operation succeeded.
    case ok(Value)
    /// The operation failed with this error (100, 102, 104, 107, 108, 112).
    case error(ReplyError)
}

/// Which connections a server API operation targets: a user's, narrowed by client id and session id.
public struct ConnectionSelector: Sendable, Hashable {
    /// The user id (`""`: anonymous connections).
    public var user: String
    /// Only this client id, if not empty.
    public var client: String
    /// Only this session id, if not empty.
    public var session: String

    /// A selector.
    public init(user: String, client: String = "", session: String = "") {
        self.user = user
        self.client = client
        self.session = session
    }
}

/// A node's entry in the `info` result.
public struct NodeInfo: Sendable, Hashable {
    /// Node id.
    public var uid: String
    /// Node name.
    public var name: String
    /// Server version.
    public var version: String
    /// Open connections.
    public var numClients: Int
    /// Distinct users.
    public var numUsers: Int
    /// Channels with local subscribers.
    public var numChannels: Int
    /// Seconds since start.
    public var uptime: Int64
    /// Subscriptions.
    public var numSubs: Int
}

extension Node {
    /// `publish`: no permission or name checks; history per the channel's namespace unless `skipHistory`.
    public func publish(
        channel: String,
        data: ByteBuffer,
        skipHistory: Bool = false,
        tags: OrderedDictionary<String, String> = [:],
        completion: @escaping (APIResult<StreamPosition>) -> Void
    ) {
        if channel.isEmpty || data.readableBytes == 0 { return completion(.error(.badRequest)) }
        guard configuration.rules.resolve(channel) != nil else { return completion(.error(.unknownChannel)) }
        let options = skipHistory ? PublishOptions() : publishOptions(channel)
        observer?.recorded(.messageSent(.publication))
        broker.publish(channel, Publication(data: data, tags: tags), options: options) { result in
            switch result {
            case .success(let position): completion(.ok(position))
            case .failure: completion(.error(.internalServerError))
            }
        }
    }

    /// `broadcast`: one publish per channel, results in the order of `channels`.
    public func broadcast(
        channels: [String],
        data: ByteBuffer,
        skipHistory: Bool = false,
        tags: OrderedDictionary<String, String> = [:],
        completion: @escaping (APIResult<[APIResult<StreamPosition>]>) -> Void
    ) {
        if channels.isEmpty || data.readableBytes == 0 { return completion(.error(.badRequest)) }
        var results: [APIResult<StreamPosition>?] = Array(repeating: nil, count: channels.count)
        var remaining = channels.count
        for (index, channel) in channels.enumerated() {
            publish(channel: channel, data: data, skipHistory: skipHistory, tags: tags) { result in
                results[index] = result
                remaining -= 1
                if remaining == 0 { completion(.ok(results.map { $0! })) }
            }
        }
    }

    /// `subscribe`: makes the selected connections subscribe server-side.
    public func subscribe(_ selector: ConnectionSelector, _ subscription: ServerSubscription) -> APIResult<Void> {
        if subscription.channel.isEmpty { return .error(.badRequest) }
        guard configuration.rules.resolve(subscription.channel) != nil else { return .error(.unknownChannel) }
        let now = scheduler.now
        for handle in select(selector) {
            feed(handle) { $0.serverSubscribe(subscription, now: now) }
        }
        return .ok(())
    }

    /// `unsubscribe`: removes the selected connections from `channel` with an unsubscribe push.
    public func unsubscribe(_ selector: ConnectionSelector, channel: String) -> APIResult<Void> {
        if !channel.isEmpty && configuration.rules.resolve(channel) == nil { return .error(.unknownChannel) }
        for handle in select(selector) {
            feed(handle) { $0.serverUnsubscribe(channel) }
        }
        return .ok(())
    }

    /// `disconnect`: closes the selected connections except the `whitelist`ed client ids (3503 by default).
    public func disconnect(
        _ selector: ConnectionSelector,
        whitelist: Set<String> = [],
        disconnect: Disconnect = .forceDisconnect
    ) -> APIResult<Void> {
        for handle in select(selector) where !whitelist.contains(handle.clientID) {
            self.disconnect(handle, disconnect)
        }
        return .ok(())
    }

    /// `refresh`: expires the selected connections, sets their expiry, or makes them non-expiring.
    public func refresh(_ selector: ConnectionSelector, expired: Bool, expireAt: Int64?, info: ByteBuffer?)
        -> APIResult<Void>
    {
        let now = scheduler.now
        for handle in select(selector) {
            feed(handle) { $0.serverRefresh(expired: expired, expireAt: expireAt, info: info, now: now) }
        }
        return .ok(())
    }

    /// `presence`.
    public func presence(
        channel: String, completion: @escaping (APIResult<OrderedDictionary<String, ClientInfo>>) -> Void
    ) {
        if let error = presenceAPIError(channel) { return completion(.error(error)) }
        observer?.recorded(.action(.presence))
        presenceManager!.presence(channel) { result in
            switch result {
            case .success(let presence): completion(.ok(presence))
            case .failure: completion(.error(.internalServerError))
            }
        }
    }

    /// `presence_stats`.
    public func presenceStats(channel: String, completion: @escaping (APIResult<PresenceStats>) -> Void) {
        if let error = presenceAPIError(channel) { return completion(.error(error)) }
        observer?.recorded(.action(.presenceStats))
        presenceManager!.presenceStats(channel) { result in
            switch result {
            case .success(let stats): completion(.ok(stats))
            case .failure: completion(.error(.internalServerError))
            }
        }
    }

    func presenceAPIError(_ channel: String) -> ReplyError? {
        if channel.isEmpty { return .badRequest }
        guard let options = configuration.rules.resolve(channel)?.options else { return .unknownChannel }
        guard options.presence, presenceManager != nil else { return .notAvailable }
        return nil
    }

    /// `history`: limit 0 = position only, -1 = all, not capped; `since` in another epoch → 112.
    public func history(
        channel: String,
        limit: Int,
        since: StreamPosition?,
        reverse: Bool,
        completion: @escaping (APIResult<HistoryPage>) -> Void
    ) {
        if let error = historyAPIError(channel) { return completion(.error(error)) }
        if reverse, let since, since.offset == 0 { return completion(.error(.badRequest)) }
        observer?.recorded(.action(.history))
        broker.history(channel, filter: HistoryFilter(since: since, limit: limit, reverse: reverse)) { result in
            switch result {
            case .success(let page):
                if let since, !since.epoch.isEmpty, since.epoch != page.position.epoch {
                    completion(.error(.unrecoverablePosition))
                } else {
                    completion(.ok(page))
                }
            case .failure:
                completion(.error(.internalServerError))
            }
        }
    }

    /// `history_remove`: drops stored publications, keeping epoch and offset.
    public func historyRemove(channel: String, completion: @escaping (APIResult<Void>) -> Void) {
        if let error = historyAPIError(channel) { return completion(.error(error)) }
        observer?.recorded(.action(.historyRemove))
        broker.removeHistory(channel) { result in
            switch result {
            case .success: completion(.ok(()))
            case .failure: completion(.error(.internalServerError))
            }
        }
    }

    func historyAPIError(_ channel: String) -> ReplyError? {
        if channel.isEmpty { return .badRequest }
        guard let options = configuration.rules.resolve(channel)?.options else { return .unknownChannel }
        guard options.historyEnabled else { return .notAvailable }
        return nil
    }

    /// `channels`: channels with local subscribers matching `pattern` (all when empty), with their counts,
    /// sorted by name. A malformed pattern is error 100, as in the reference.
    public func channels(pattern: String) -> APIResult<[(channel: String, numClients: Int)]> {
        var matcher: ChannelGlob?
        if !pattern.isEmpty {
            guard let parsed = ChannelGlob(pattern) else { return .error(.internalServerError) }
            matcher = parsed
        }
        let selected = hub.filter { matcher?.matches($0.key) ?? true }
        return .ok(selected.map { ($0.key, $0.value.subscribers.count) }.sorted { $0.channel < $1.channel })
    }

    /// `info`: this node's counters.
    public func info() -> NodeInfo {
        NodeInfo(
            uid: id,
            name: configuration.name,
            version: configuration.client.serverVersion,
            numClients: connectionCount,
            numUsers: userCount,
            numChannels: channelCount,
            uptime: (scheduler.now - startedAt).wholeSeconds,
            numSubs: subscriptionCount
        )
    }

    /// The authenticated connections a selector names.
    func select(_ selector: ConnectionSelector) -> [ConnectionHandle] {
        guard let clients = users[selector.user] else { return [] }
        return clients.compactMap { connections[$0] }.filter {
            $0.isConnected && (selector.client.isEmpty || $0.clientID == selector.client)
                && (selector.session.isEmpty || $0.sessionID == selector.session)
        }
    }
}
