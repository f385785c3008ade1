import OrderedCollections
import RotorProtocol

extension MemoryEngine {
    /// Inserts or replaces the entry of `clientID` in `channel` (entries never expire), then completes.
    public func addPresence(
        _ channel: String,
        clientID: String,
        info: ClientInfo,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        presenceByChannel[channel, default: [:]][clientID] = info
        completion(.success(()))
    }

    /// Removes the entry of `clientID` (nothing when absent), dropping the channel once it is empty.
    public func removePresence(
        _ channel: String,
        clientID: String,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        presenceByChannel[channel]?.removeValue(forKey: clientID)
        if presenceByChannel[channel]?.isEmpty == true {
            presenceByChannel[channel] = nil
        }
        completion(.success(()))
    }

    /// Completes with the entries of `channel` in insertion order (empty when nobody is present).
    public func presence(
        _ channel: String,
        completion: @escaping (Result<OrderedDictionary<String, ClientInfo>, EngineError>) -> Void
    ) {
        completion(.success(presenceByChannel[channel] ?? [:]))
    }

    /// Completes with the number of entries and of distinct user ids (the anonymous "" counts once).
    public func presenceStats(_ channel: String, completion: @escaping (Result<PresenceStats, EngineError>) -> Void) {
        let entries = presenceByChannel[channel] ?? [:]
        let users = Set(entries.values.lazy.map(\.user))
        completion(.success(PresenceStats(numClients: entries.count, numUsers: users.count)))
    }
}
