import NIOCore
import OrderedCollections
import RotorProtocol

extension FaultInjectingEngine {
    /// `Broker.subscribe` of the wrapped engine, disturbed by the policy.
    public func subscribe(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void) {
        intercept(.subscribe, channel, completion: completion) { [base] in base.subscribe(channel, completion: $0) }
    }

    /// `Broker.unsubscribe` of the wrapped engine, disturbed by the policy.
    public func unsubscribe(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void) {
        intercept(.unsubscribe, channel, completion: completion) { [base] in
            base.unsubscribe(channel, completion: $0)
        }
    }

    /// `Broker.publish` of the wrapped engine, disturbed by the policy.
    public func publish(
        _ channel: String,
        _ publication: Publication,
        options: PublishOptions,
        completion: @escaping (Result<StreamPosition, EngineError>) -> Void
    ) {
        intercept(.publish, channel, completion: completion) { [base] in
            base.publish(channel, publication, options: options, completion: $0)
        }
    }

    /// `Broker.publishJoin` of the wrapped engine, disturbed by the policy.
    public func publishJoin(
        _ channel: String,
        _ info: ClientInfo,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        intercept(.publishJoin, channel, completion: completion) { [base] in
            base.publishJoin(channel, info, completion: $0)
        }
    }

    /// `Broker.publishLeave` of the wrapped engine, disturbed by the policy.
    public func publishLeave(
        _ channel: String,
        _ info: ClientInfo,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        intercept(.publishLeave, channel, completion: completion) { [base] in
            base.publishLeave(channel, info, completion: $0)
        }
    }

    /// `Broker.publishControl` of the wrapped engine, disturbed by the policy (the call's channel is `nodeID`).
    public func publishControl(
        _ data: ByteBuffer,
        nodeID: String,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        intercept(.publishControl, nodeID, completion: completion) { [base] in
            base.publishControl(data, nodeID: nodeID, completion: $0)
        }
    }

    /// `Broker.history` of the wrapped engine, disturbed by the policy.
    public func history(
        _ channel: String,
        filter: HistoryFilter,
        completion: @escaping (Result<HistoryPage, EngineError>) -> Void
    ) {
        intercept(.history, channel, completion: completion) { [base] in
            base.history(channel, filter: filter, completion: $0)
        }
    }

    /// `Broker.removeHistory` of the wrapped engine, disturbed by the policy.
    public func removeHistory(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void) {
        intercept(.removeHistory, channel, completion: completion) { [base] in
            base.removeHistory(channel, completion: $0)
        }
    }

    /// `PresenceManager.addPresence` of the wrapped engine, disturbed by the policy.
    public func addPresence(
        _ channel: String,
        clientID: String,
        info: ClientInfo,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        intercept(.addPresence, channel, completion: completion) { [base] in
            base.addPresence(channel, clientID: clientID, info: info, completion: $0)
        }
    }

    /// `PresenceManager.removePresence` of the wrapped engine, disturbed by the policy.
    public func removePresence(
        _ channel: String,
        clientID: String,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        intercept(.removePresence, channel, completion: completion) { [base] in
            base.removePresence(channel, clientID: clientID, completion: $0)
        }
    }

    /// `PresenceManager.presence` of the wrapped engine, disturbed by the policy.
    public func presence(
        _ channel: String,
        completion: @escaping (Result<OrderedDictionary<String, ClientInfo>, EngineError>) -> Void
    ) {
        intercept(.presence, channel, completion: completion) { [base] in base.presence(channel, completion: $0) }
    }

    /// `PresenceManager.presenceStats` of the wrapped engine, disturbed by the policy.
    public func presenceStats(_ channel: String, completion: @escaping (Result<PresenceStats, EngineError>) -> Void) {
        intercept(.presenceStats, channel, completion: completion) { [base] in
            base.presenceStats(channel, completion: $0)
        }
    }
}
