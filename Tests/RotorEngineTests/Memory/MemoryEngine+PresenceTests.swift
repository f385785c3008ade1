import OrderedCollections
import RotorEngine
import RotorProtocol
import Testing

@Suite struct MemoryEnginePresenceTests {
    /// The presence map of `channel`.
    private func presence(_ engine: MemoryEngine, _ channel: String) throws -> OrderedDictionary<String, ClientInfo> {
        try #require(immediately { engine.presence(channel, completion: $0) }).get()
    }

    /// The presence stats of `channel`.
    private func stats(_ engine: MemoryEngine, _ channel: String) throws -> PresenceStats {
        try #require(immediately { engine.presenceStats(channel, completion: $0) }).get()
    }

    /// Adds `client` of `user` to `channel`.
    private func add(_ engine: MemoryEngine, _ channel: String, _ client: String, user: String) throws {
        let info = ClientInfo(user: user, client: client)
        try #require(immediately { engine.addPresence(channel, clientID: client, info: info, completion: $0) }).get()
    }

    /// Removes `client` from `channel`.
    private func remove(_ engine: MemoryEngine, _ channel: String, _ client: String) throws {
        try #require(immediately { engine.removePresence(channel, clientID: client, completion: $0) }).get()
    }

    @Test func addRefreshRemoveAndStats() throws {
        let (engine, _) = makeEngine()
        #expect(try presence(engine, "room").isEmpty)
        #expect(try stats(engine, "room") == PresenceStats(numClients: 0, numUsers: 0))
        try add(engine, "room", "c1", user: "alice")
        try add(engine, "room", "c2", user: "alice")
        try add(engine, "room", "c3", user: "bob")
        try add(engine, "room", "c4", user: "")
        try add(engine, "room", "c5", user: "")
        #expect(try stats(engine, "room") == PresenceStats(numClients: 5, numUsers: 3))
        try add(engine, "room", "c1", user: "carol")  // Refresh replaces the entry in place.
        #expect(try presence(engine, "room").keys.elements == ["c1", "c2", "c3", "c4", "c5"])
        #expect(try presence(engine, "room")["c1"] == ClientInfo(user: "carol", client: "c1"))
        #expect(try stats(engine, "room") == PresenceStats(numClients: 5, numUsers: 4))
        try remove(engine, "room", "c4")
        try remove(engine, "room", "missing")
        try remove(engine, "elsewhere", "c1")
        #expect(try stats(engine, "room") == PresenceStats(numClients: 4, numUsers: 4))
        #expect(engine.presenceChannelCount == 1)
        #expect(engine.presenceEntryCount == 4)
    }

    @Test func emptyChannelsAreDeleted() throws {
        let (engine, _) = makeEngine()
        try add(engine, "a", "c1", user: "u")
        try add(engine, "b", "c1", user: "u")
        #expect(engine.presenceChannelCount == 2)
        try remove(engine, "a", "c1")
        #expect(engine.presenceChannelCount == 1)
        try remove(engine, "b", "c1")
        #expect(engine.presenceChannelCount == 0)
        #expect(engine.presenceEntryCount == 0)
    }

    @Test func entriesNeverExpire() throws {
        let (engine, scheduler) = makeEngine(historyMetaTTL: .seconds(1))
        try add(engine, "room", "c1", user: "u")
        scheduler.advance(by: .seconds(86_400))
        engine.removeExpired()
        #expect(try presence(engine, "room").keys.elements == ["c1"])
    }
}
