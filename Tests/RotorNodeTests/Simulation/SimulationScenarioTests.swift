import NIOCore
import RotorCore
import RotorEngine
import RotorProtocol
import RotorSimulation
import Testing

/// Targeted runs of the simulation machinery: each sets up one situation by hand, then checks the same
/// invariants as the seeded runs plus the specific outcome.
@Suite struct SimulationScenarioTests {
    /// One history channel `hist:c0`, no live channel, no faults.
    private func makeSimulation(_ configure: (inout Scenario) -> Void = { _ in }) throws -> Simulation {
        var scenario = Scenario(name: "targeted")
        scenario.historyChannels = 1
        scenario.liveChannels = 0
        configure(&scenario)
        return try Simulation(seed: 7, scenario: scenario)
    }

    private func subscribeRecords(_ client: SimulatedClient, _ channel: String = "hist:c0") -> [SubscribeRecord] {
        client.events.compactMap {
            if case .subscribed(let record) = $0.kind, record.channel == channel { return record }
            return nil
        }
    }

    private func expectPasses(_ report: SimulationReport, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(report.passed, Comment(rawValue: report.failureMessage), sourceLocation: sourceLocation)
    }

    /// Away and back inside the window: everything missed comes in the subscribe reply, nothing twice.
    @Test func recoveryInsideTheWindowLosesNothing() throws {
        let simulation = try makeSimulation { $0.historySize = 50 }
        let stayer = simulation.addClient(channels: ["hist:c0"])
        let traveller = simulation.addClient(channels: ["hist:c0"], user: "alice")
        stayer.start()
        traveller.start()
        simulation.advance(by: .seconds(1))
        for _ in 0..<3 { simulation.publish(to: "hist:c0") }
        simulation.advance(by: .seconds(1))
        traveller.leave()
        for _ in 0..<10 { simulation.publish(to: "hist:c0") }
        simulation.advance(by: .seconds(1))
        traveller.start()
        simulation.advance(by: .seconds(2))
        for _ in 0..<2 { simulation.publish(to: "hist:c0") }
        simulation.advance(by: .seconds(1))

        let last = try #require(subscribeRecords(traveller).last)
        #expect(last.requested?.offset == 3)
        #expect(last.recovered)
        #expect(last.publications.map(\.offset) == Array(4...13))
        expectPasses(simulation.checkSettledState())
        expectPasses(simulation.leaveAndCheckNothingLeft())
    }

    /// More publications than the history keeps: `recovered: false` at the new top, live delivery goes on.
    @Test func historySizeExceededIsNotRecovered() throws {
        let simulation = try makeSimulation { $0.historySize = 5 }
        let client = simulation.addClient(channels: ["hist:c0"])
        client.start()
        simulation.advance(by: .seconds(1))
        simulation.publish(to: "hist:c0")
        simulation.advance(by: .seconds(1))
        client.leave()
        for _ in 0..<8 { simulation.publish(to: "hist:c0") }
        client.start()
        simulation.advance(by: .seconds(1))
        simulation.publish(to: "hist:c0")
        simulation.advance(by: .seconds(1))

        let last = try #require(subscribeRecords(client).last)
        #expect(last.requested?.offset == 1)
        #expect(!last.recovered && last.wasRecovering)
        #expect(last.position.offset == 9)
        #expect(
            client.events.contains {
                if case .publication(_, 10, _) = $0.kind { return true }
                return false
            })
        expectPasses(simulation.checkSettledState())
    }

    /// The history TTL passed while the client was away (the clock jumped): `recovered: false`.
    @Test func historyTTLPassedIsNotRecovered() throws {
        let simulation = try makeSimulation { $0.historyTTL = .seconds(5) }
        let client = simulation.addClient(channels: ["hist:c0"])
        client.start()
        simulation.advance(by: .seconds(1))
        simulation.publish(to: "hist:c0")
        simulation.advance(by: .seconds(1))
        client.leave()
        simulation.publish(to: "hist:c0")
        simulation.jumpClock(by: .seconds(30))
        client.start()
        simulation.advance(by: .seconds(2))

        let last = try #require(subscribeRecords(client).last)
        #expect(last.requested?.offset == 1)
        #expect(!last.recovered)
        #expect(last.position.offset == 2)
        expectPasses(simulation.checkSettledState())
    }

    /// The stream's meta TTL passed: the stream comes back with a new epoch, so recovery fails.
    @Test func epochChangeIsNotRecovered() throws {
        let simulation = try makeSimulation {
            $0.historyMetaTTL = .seconds(5)
            $0.historyTTL = .seconds(3)
        }
        let client = simulation.addClient(channels: ["hist:c0"])
        client.start()
        simulation.advance(by: .seconds(1))
        simulation.publish(to: "hist:c0")
        simulation.advance(by: .seconds(1))
        client.leave()
        simulation.advance(by: .seconds(10))
        client.start()
        simulation.advance(by: .seconds(2))

        let records = subscribeRecords(client)
        let first = try #require(records.first)
        let last = try #require(records.last)
        #expect(!last.recovered && last.wasRecovering)
        #expect(last.requested?.epoch == first.position.epoch)
        #expect(last.position.epoch != first.position.epoch)
        #expect(last.position.offset == 0)
        expectPasses(simulation.checkSettledState())
    }

    /// A client closed by an engine failure (3004) reconnects and recovers what it missed; the presence entry
    /// of the failed subscribe does not stay behind although the engine applied it (its reply was lost).
    @Test func clientClosedByAnEngineFailureReconnectsAndRecovers() throws {
        let simulation = try makeSimulation()
        let client = simulation.addClient(channels: ["hist:c0"])
        client.start()
        simulation.advance(by: .seconds(1))
        simulation.publish(to: "hist:c0")
        client.unsubscribe("hist:c0")
        simulation.advance(by: .seconds(1))
        simulation.engine.policy = FaultPolicy { call in
            call.operation == .addPresence
                ? FaultDecision(failure: .afterApplying(EngineError("reply lost"))) : .passThrough
        }
        client.subscribe("hist:c0")
        simulation.advance(by: .milliseconds(150))
        #expect(simulation.memoryEngine.presenceEntryCount == 0)
        simulation.setEngineFaults(nil)
        simulation.publish(to: "hist:c0")
        simulation.advance(by: .seconds(5))

        #expect(
            client.events.contains {
                if case .disconnected(3004, _) = $0.kind { return true }
                return false
            })
        let last = try #require(subscribeRecords(client).last)
        #expect(last.recovered)
        #expect(client.isSettled)
        expectPasses(simulation.checkSettledState())
        expectPasses(simulation.leaveAndCheckNothingLeft())
    }

    /// Every ping gets exactly one pong, so a quiet connection stays up.
    @Test func pingsAreAnsweredOnce() throws {
        let simulation = try makeSimulation { $0.pingInterval = .seconds(5) }
        let client = simulation.addClient(channels: ["hist:c0"])
        client.start()
        simulation.advance(by: .seconds(60))
        #expect((11...12).contains(client.pongsSent))
        #expect(client.connectionNumber == 1)
        expectPasses(simulation.checkSettledState())
    }

    /// Bytes that do not decode close the connection with 3501, after the commands before them ran.
    @Test func undecodableFrameClosesWithBadRequest() throws {
        let simulation = try makeSimulation()
        let peer = RawPeer()
        let link = simulation.network.open(from: peer)
        simulation.advance(by: .seconds(1))
        link.send(.data(ByteBuffer(string: "{\"id\":1,\"connect\":{}}\n{\"id\":2,\"subscribe\":")), from: .client)
        simulation.advance(by: .seconds(1))
        #expect(peer.messages.count == 1)
        #expect(peer.messages.first?.contains("\"connect\":") == true)
        #expect(peer.closeCode == 3501)
        #expect(simulation.node.connectionCount == 0)
    }

    /// A frame with several commands is answered in order, each reply one message of an LF-joined frame.
    @Test func batchedCommandsAreAnsweredInOrder() throws {
        let simulation = try makeSimulation()
        let peer = RawPeer()
        let link = simulation.network.open(from: peer)
        simulation.advance(by: .seconds(1))
        let commands = [
            "{\"id\":1,\"connect\":{}}",
            "{\"id\":2,\"subscribe\":{\"channel\":\"hist:c0\"}}",
            "{\"id\":3,\"publish\":{\"channel\":\"hist:c0\",\"data\":{\"x\":1}}}",
        ]
        link.send(.data(ByteBuffer(string: commands.joined(separator: "\n"))), from: .client)
        simulation.advance(by: .seconds(1))
        let ids = peer.messages.compactMap { message -> Int? in
            guard message.hasPrefix("{\"id\":") else { return nil }
            return Int(message.dropFirst(6).prefix { $0.isNumber })
        }
        #expect(ids == [1, 2, 3])
        #expect(peer.frames == 1)
        #expect(peer.closeCode == nil)
    }

    /// The same seed replays the same run.
    @Test func aSeedReplaysTheSameRun() throws {
        func fingerprint(_ seed: UInt64) throws -> [String] {
            let family = ScenarioFamily.engine
            let simulation = try Simulation(seed: seed, scenario: family.scenario(seed: seed))
            let report = simulation.run()
            #expect(report.passed, Comment(rawValue: report.failureMessage))
            var lines = simulation.clients.flatMap { client in
                client.events.map { "\(client.index) \($0.time) \($0.kind)" }
            }
            lines += simulation.ledger.entries(in: "hist:c0").map {
                "\($0.payload) \($0.epoch) \($0.offset) \($0.time)"
            }
            lines.append("\(report.statistics)")
            return lines
        }
        let seed = ScenarioFamily.engine.seed(3)
        #expect(try fingerprint(seed) == fingerprint(seed))
    }
}

/// A peer that sends raw frames and records what comes back.
private final class RawPeer: LinkEndpoint {
    var messages: [String] = []
    var frames = 0
    var closeCode: UInt32?

    func linkOpened(_ link: SimulatedLink) {}

    func linkReceived(_ frame: LinkFrame, on link: SimulatedLink) {
        switch frame {
        case .data(let bytes):
            frames += 1
            messages += String(buffer: bytes).split(separator: "\n").map(String.init)
        case .close(let code, _):
            closeCode = code
        }
    }

    func linkBroke(_ link: SimulatedLink) {}
}
