import NIOCore
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol
import Testing

/// Connections that go away while the engine is still working for them leave nothing behind.
@Suite struct NodeRaceTests {
    @Test func closingDuringASlowSubscribeLeavesNoPresenceOrHubEntry() {
        let harness = NodeHarness()
        let client = harness.connectedClient()
        harness.engine.policy = FaultPolicy { _ in .delay(.milliseconds(100)) }
        client.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        harness.node.transportClosed(client.handle)
        harness.scheduler.advance(by: .seconds(1))
        #expect(harness.node.channelCount == 0)
        #expect(harness.memory.presenceEntryCount == 0)
        #expect(harness.node.connectionCount == 0)
    }

    @Test func closingDuringASlowPublishDropsTheReplyOnly() {
        let harness = NodeHarness()
        let subscriber = harness.connectedClient(user: "s")
        subscriber.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        let publisher = harness.connectedClient(user: "p")
        harness.engine.policy = FaultPolicy { _ in .delay(.milliseconds(100)) }
        publisher.send(Command(id: 2, .publish(PublishRequest(channel: "news:x", data: ByteBuffer(string: "1")))))
        harness.node.transportClosed(publisher.handle)
        harness.scheduler.advance(by: .seconds(1))
        #expect(subscriber.publications == ["1"])
        #expect(publisher.replies.filter { $0.id == 2 }.isEmpty)
    }

    @Test func aFailedBrokerSubscribeFailsEveryWaiter() {
        let harness = NodeHarness()
        let a = harness.connectedClient(user: "a")
        let b = harness.connectedClient(user: "b")
        harness.engine.policy = FaultPolicy { call in
            call.operation == .subscribe ? .fail(EngineError("down"), after: .milliseconds(50)) : .passThrough
        }
        a.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        b.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        harness.scheduler.advance(by: .seconds(1))
        #expect(a.closedWith?.code == 3004)
        #expect(b.closedWith?.code == 3004)
        #expect(harness.node.channelCount == 0)
    }
}
