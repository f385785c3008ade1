import NIOCore
import RotorCore
import RotorEngine
import RotorProtocol
import Testing

@Suite struct FaultInjectingEngineTests {
    /// A fault injector over a memory engine with sequential epochs, plus a recording handler.
    private func makeFaulty(
        _ policy: FaultPolicy
    ) -> (FaultInjectingEngine, MemoryEngine, ManualScheduler, RecordingHandler) {
        let (engine, scheduler) = makeEngine()
        let faulty = FaultInjectingEngine(wrapping: engine, scheduler: scheduler, policy: policy)
        let handler = RecordingHandler()
        faulty.run(handler: handler)
        return (faulty, engine, scheduler, handler)
    }

    @Test func untouchedCallsBehaveLikeTheWrappedEngine() throws {
        let (faulty, _, scheduler, handler) = makeFaulty(.passThrough)
        let position = immediately { faulty.publish("chat", publication("x"), options: keeping(5), completion: $0) }
        #expect(try #require(position).get() == StreamPosition(offset: 1, epoch: "A"))
        let page = try #require(
            immediately { faulty.history("chat", filter: HistoryFilter(limit: -1), completion: $0) })
        #expect(try page.get().publications.map(\.offset) == [1])
        #expect(handler.events.count == 1)
        #expect(scheduler.pendingCount == 0)
        #expect(faulty.injectedFailureCount == 0 && faulty.delayedCallCount == 0)
    }

    @Test func failureBeforeApplyingNeverReachesTheEngine() throws {
        let down = EngineError("redis down")
        let (faulty, engine, _, handler) = makeFaulty(.failing([.publish, .addPresence], with: down))
        let position = immediately { faulty.publish("chat", publication("x"), options: keeping(5), completion: $0) }
        #expect(throws: down) { try position?.get() }
        #expect(handler.events.isEmpty)
        #expect(engine.streamCount == 0)
        let added = immediately {
            faulty.addPresence("chat", clientID: "c", info: ClientInfo(client: "c"), completion: $0)
        }
        #expect(throws: down) { try added?.get() }
        #expect(engine.presenceChannelCount == 0)
        let page = immediately { faulty.history("chat", filter: HistoryFilter(), completion: $0) }
        #expect(try page?.get().position == StreamPosition(offset: 0, epoch: "A"))
        #expect(faulty.injectedFailureCount == 2)
    }

    @Test func failureAfterApplyingKeepsTheEffect() throws {
        let lost = EngineError("reply lost")
        let policy = FaultPolicy { call in
            call.operation == .publish ? FaultDecision(failure: .afterApplying(lost)) : .passThrough
        }
        let (faulty, engine, _, handler) = makeFaulty(policy)
        let position = immediately { faulty.publish("chat", publication("x"), options: keeping(5), completion: $0) }
        #expect(throws: lost) { try position?.get() }
        #expect(handler.publications.map(\.offset) == [1])
        #expect(engine.streamState("chat")?.retainedOffsets == [1])
    }

    @Test func latencyDelaysRequestAndReplyOnTheScheduler() throws {
        let policy = FaultPolicy { call in
            switch call.operation {
            case .publish: FaultDecision(requestLatency: .milliseconds(100), replyLatency: .milliseconds(50))
            case .history: .delay(.milliseconds(300))
            default: .passThrough
            }
        }
        let (faulty, _, scheduler, handler) = makeFaulty(policy)
        faulty.publish("chat", publication("x"), options: keeping(5)) { result in
            handler.events.append(.marker("published \((try? result.get().offset) ?? 0) at \(scheduler.now)"))
        }
        var page: Result<HistoryPage, EngineError>?
        faulty.history("chat", filter: HistoryFilter(limit: -1)) { page = $0 }
        #expect(handler.events.isEmpty)
        scheduler.advance(by: .milliseconds(99))
        #expect(handler.events.isEmpty)
        scheduler.advance(by: .milliseconds(1))
        #expect(handler.events.count == 1)  // Delivered when the engine sees the request.
        scheduler.advance(by: .milliseconds(49))
        #expect(handler.events.count == 1)
        scheduler.advance(by: .milliseconds(1))
        #expect(handler.events.last == .marker("published 1 at 1700000000.150000000s"))
        // The read happened at once (before the publish was applied); only its reply was late.
        #expect(page == nil)
        scheduler.advance(by: .milliseconds(150))
        #expect(try page?.get() == HistoryPage(publications: [], position: StreamPosition(offset: 0, epoch: "A")))
        #expect(faulty.delayedCallCount == 2)
    }

    @Test func failureCanArriveLate() throws {
        let policy = FaultPolicy { _ in .fail(EngineError("timeout"), after: .seconds(1)) }
        let (faulty, _, scheduler, _) = makeFaulty(policy)
        var result: Result<Void, EngineError>?
        faulty.subscribe("chat") { result = $0 }
        scheduler.advance(by: .milliseconds(999))
        #expect(result == nil)
        scheduler.advance(by: .milliseconds(1))
        #expect(result != nil)
        #expect(throws: EngineError("timeout")) { try result?.get() }
    }

    @Test func policyCanBeSwappedForAnOutageAndRecovery() throws {
        let (faulty, _, _, _) = makeFaulty(.passThrough)
        let call = { immediately { faulty.presenceStats("room", completion: $0) } }
        #expect(try call()?.get() == PresenceStats(numClients: 0, numUsers: 0))
        faulty.policy = .failing(Set(EngineOperation.allCases), with: EngineError("outage"))
        #expect(throws: EngineError("outage")) { try call()?.get() }
        faulty.policy = .passThrough
        #expect(try call()?.get() == PresenceStats(numClients: 0, numUsers: 0))
    }

    @Test func everyOperationIsForwardedAndCanBeFailed() throws {
        var seen: [EngineCall] = []
        let (faulty, _, _, handler) = makeFaulty(
            FaultPolicy { call in
                seen.append(call); return .passThrough
            })
        let info = ClientInfo(user: "u", client: "c")
        var results: [Result<Void, EngineError>] = []
        let record: (Result<Void, EngineError>) -> Void = { results.append($0) }
        faulty.subscribe("ch", completion: record)
        faulty.unsubscribe("ch", completion: record)
        faulty.publish("ch", publication("p"), options: PublishOptions()) { results.append($0.map { _ in () }) }
        faulty.publishJoin("ch", info, completion: record)
        faulty.publishLeave("ch", info, completion: record)
        faulty.publishControl(ByteBuffer(string: "ctl"), nodeID: "n1", completion: record)
        faulty.history("ch", filter: HistoryFilter()) { results.append($0.map { _ in () }) }
        faulty.removeHistory("ch", completion: record)
        faulty.addPresence("ch", clientID: "c", info: info, completion: record)
        faulty.presence("ch") { results.append($0.map { _ in () }) }
        faulty.presenceStats("ch") { results.append($0.map { _ in () }) }
        faulty.removePresence("ch", clientID: "c", completion: record)
        #expect(
            seen.map(\.operation) == [
                .subscribe, .unsubscribe, .publish, .publishJoin, .publishLeave, .publishControl, .history,
                .removeHistory, .addPresence, .presence, .presenceStats, .removePresence,
            ])
        #expect(seen[5].channel == "n1")
        #expect(results.count == 12 && results.allSatisfy { (try? $0.get()) != nil })
        #expect(handler.events.count == 4)
    }

    /// Runs a fixed script of calls through a random policy seeded with `seed` and returns what happened.
    private func transcript(seed: UInt64) -> (lines: [String], failures: Int, delays: Int) {
        let policy = FaultPolicy.random(generator: SplitMix64(seed: seed), failureRate: 0.3, maxLatency: .seconds(1))
        let (faulty, _, scheduler, handler) = makeFaulty(policy)
        var lines: [String] = []
        for step in 0..<60 {
            let channel = "ch\(step % 3)"
            switch step % 4 {
            case 0, 1:
                faulty.publish(channel, publication("\(step)"), options: keeping(4)) { result in
                    lines.append("\(scheduler.now) publish \(step) \(result)")
                }
            case 2:
                faulty.history(channel, filter: HistoryFilter(limit: -1)) { result in
                    let offsets = (try? result.get().publications.map(\.offset)).map { "\($0)" } ?? "\(result)"
                    lines.append("\(scheduler.now) history \(step) \(offsets)")
                }
            default:
                scheduler.advance(by: .milliseconds(300))
            }
        }
        scheduler.advance(by: .seconds(2))
        lines.append("handler \(handler.events)")
        return (lines, faulty.injectedFailureCount, faulty.delayedCallCount)
    }

    @Test func randomPolicyIsReproducibleFromItsSeed() throws {
        let first = transcript(seed: 42)
        let again = transcript(seed: 42)
        #expect(first.lines == again.lines)
        #expect(first.failures == again.failures && first.delays == again.delays)
        #expect(first.lines.count == 46)  // 45 completions, all delivered, plus the handler line.
        #expect(first.failures > 3 && first.failures < 30)
        #expect(first.delays > 35)
        #expect(transcript(seed: 43).lines != first.lines)
    }

    @Test func randomPolicyOnlyTouchesTheChosenOperations() throws {
        let policy = FaultPolicy.random(generator: SplitMix64(seed: 1), failureRate: 1, operations: [.history])
        let (faulty, _, _, _) = makeFaulty(policy)
        let published = immediately { faulty.publish("ch", publication("x"), options: keeping(3), completion: $0) }
        #expect(try published?.get() == StreamPosition(offset: 1, epoch: "A"))
        let page = immediately { faulty.history("ch", filter: HistoryFilter(), completion: $0) }
        #expect(throws: EngineError("injected history failure")) { try page?.get() }
    }
}
