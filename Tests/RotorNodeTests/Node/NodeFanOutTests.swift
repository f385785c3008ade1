import NIOCore
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol
import Testing

@Suite struct NodeFanOutTests {
    @Test func connectAndSubscribeOverJSON() {
        let harness = NodeHarness()
        let client = harness.connectedClient()
        #expect(client.replies.first?.connect?.client == client.handle.clientID)
        client.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        #expect(client.texts.last == #"{"id":2,"subscribe":{}}"#)
        #expect(harness.node.channelCount == 1)
    }

    @Test func apiPublicationReachesEverySubscriberOnce() {
        let harness = NodeHarness()
        let clients = (0..<5).map { harness.connectedClient(user: "u\($0)") }
        for client in clients { client.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x")))) }
        guard case .ok(let position) = harness.publish("news:x", #"{"n":1}"#) else {
            Issue.record("publish failed")
            return
        }
        #expect(position == StreamPosition())
        for client in clients {
            #expect(client.publications == [#"{"n":1}"#])
            #expect(client.texts.last == #"{"push":{"channel":"news:x","pub":{"data":{"n":1}}}}"#)
        }
    }

    @Test func publisherSubscriberGetsThePushBeforeTheReply() {
        let harness = NodeHarness()
        let client = harness.connectedClient()
        client.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        client.clear()
        client.send(Command(id: 3, .publish(PublishRequest(channel: "chat:x", data: ByteBuffer(string: "1")))))
        #expect(client.texts.count == 2)
        #expect(client.replies.first?.push?.pub?.offset == 1)
        #expect(client.replies.first?.push?.pub?.info?.user == "42")
        #expect(client.replies.last == Reply(id: 3, result: .publish(PublishResult())))
    }

    @Test func ownJoinFollowsTheSubscribeReplyAndLeaveReachesOthers() {
        let harness = NodeHarness()
        let a = harness.connectedClient(user: "a")
        let b = harness.connectedClient(user: "b")
        a.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        #expect(a.replies.suffix(2).first?.subscribe != nil)
        #expect(a.pushes.last?.join?.info?.user == "a")
        b.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        #expect(a.pushes.last?.join?.info?.user == "b")
        b.send(Command(id: 3, .unsubscribe(UnsubscribeRequest(channel: "chat:x"))))
        #expect(a.pushes.last?.leave?.info?.user == "b")
        #expect(b.pushes.filter { $0.leave != nil }.isEmpty)
    }

    @Test func presenceFollowsSubscriptionsAndDisconnects() {
        let harness = NodeHarness()
        let a = harness.connectedClient(user: "a")
        let b = harness.connectedClient(user: "b")
        a.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        b.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        a.send(Command(id: 3, .presenceStats(PresenceStatsRequest(channel: "chat:x"))))
        #expect(a.replies.last?.presenceStats == PresenceStatsResult(numClients: 2, numUsers: 2))
        harness.node.transportClosed(b.handle)
        harness.scheduler.runCurrent()
        a.send(Command(id: 4, .presence(PresenceRequest(channel: "chat:x"))))
        #expect(a.replies.last?.presence?.presence.keys.elements == [a.handle.clientID])
        #expect(a.pushes.last?.leave?.info?.user == "b")
    }

    @Test func recoveryAfterReconnect() {
        let harness = NodeHarness()
        let first = harness.connectedClient()
        first.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        let subscribed = first.replies.first { $0.id == 2 }?.subscribe
        #expect(subscribed?.epoch == "epch")
        _ = harness.publish("chat:x", "1")
        harness.node.transportClosed(first.handle)
        _ = harness.publish("chat:x", "2")
        _ = harness.publish("chat:x", "3")
        let second = harness.connectedClient()
        second.send(
            Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x", recover: true, epoch: "epch", offset: 1))))
        let result = second.replies.first { $0.id == 2 }?.subscribe
        #expect(result?.recovered == true)
        #expect(result?.publications.map { String(buffer: $0.data) } == ["2", "3"])
        _ = harness.publish("chat:x", "4")
        #expect(second.publications == ["4"])
    }

    @Test func nonJSONPayloadClosesJSONSubscribersWith3506() {
        let harness = NodeHarness()
        let json = harness.connectedClient(user: "json")
        let protobuf = harness.connectedClient(
            user: "pb", transport: TransportDescription(name: "websocket", isProtobuf: true))
        json.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        protobuf.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        protobuf.send(
            Command(id: 3, .publish(PublishRequest(channel: "news:x", data: ByteBuffer(bytes: [0xff, 0x00])))))
        #expect(json.closedWith?.code == 3506)
        #expect(protobuf.publications.count == 1)
        #expect(protobuf.closedWith == nil)
    }

    @Test func v1AndUnidirectionalEncodings() {
        let harness = NodeHarness()
        let v1 = harness.connectedClient(transport: TransportDescription(name: "websocket", version: .v1))
        let uni = harness.connectedClient(
            transport: TransportDescription(name: "uni_websocket", isUnidirectional: true))
        v1.sendV1(Command(id: 2, method: 1, params: ByteBuffer(string: #"{"channel":"news:x"}"#)))
        #expect(v1.texts.last == #"{"id":2,"result":{}}"#)
        _ = harness.node.subscribe(ConnectionSelector(user: "42"), ServerSubscription(channel: "news:y"))
        harness.scheduler.runCurrent()
        _ = harness.publish("news:y", #"{"a":1}"#)
        #expect(uni.texts.first?.hasPrefix(#"{"connect":{"client":""#) == true)
        #expect(uni.texts.contains(#"{"channel":"news:y","pub":{"data":{"a":1}}}"#))
        #expect(v1.texts.contains(#"{"result":{"channel":"news:y","data":{"data":{"a":1}}}}"#))
    }

    @Test func engineFailureOnSubscribeIs3004() {
        let harness = NodeHarness()
        let client = harness.connectedClient()
        harness.engine.policy = .failing([.subscribe], with: EngineError("down"))
        client.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x"))))
        #expect(client.closedWith?.code == 3004)
        #expect(harness.node.channelCount == 0)
    }

    @Test func engineLatencyKeepsCommandOrder() {
        let harness = NodeHarness()
        let client = harness.connectedClient()
        harness.engine.policy = FaultPolicy { _ in .delay(.milliseconds(50)) }
        client.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "chat:x"))))
        client.send(Command(id: 3, .history(HistoryRequest(channel: "chat:x"))))
        #expect(client.replies.filter { $0.id >= 2 }.isEmpty)
        harness.scheduler.advance(by: .seconds(1))
        #expect(client.replies.filter { $0.id >= 2 }.map(\.id) == [2, 3])
    }
}

extension Command {
    fileprivate init(id: UInt32, method: Int32, params: ByteBuffer) {
        self.init(id: id)
        self.method = method
        self.params = params
    }
}

@Suite struct NodeEncodeOnceTests {
    /// The base address of a buffer's bytes: equal addresses mean one shared encoding.
    func storage(_ buffer: ByteBuffer) -> UInt {
        buffer.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
    }

    @Test func aPublicationIsEncodedOncePerFormat() {
        let harness = NodeHarness()
        let json = (0..<3).map { harness.connectedClient(user: "j\($0)") }
        let protobuf = (0..<3).map {
            harness.connectedClient(
                user: "p\($0)", transport: TransportDescription(name: "websocket", isProtobuf: true))
        }
        for client in json + protobuf { client.send(Command(id: 2, .subscribe(SubscribeRequest(channel: "news:x")))) }
        _ = harness.publish("news:x", #"{"shared":true}"#)
        let jsonStorage = Set(json.map { storage($0.raw.last!) })
        let protobufStorage = Set(protobuf.map { storage($0.raw.last!) })
        #expect(jsonStorage.count == 1)
        #expect(protobufStorage.count == 1)
        #expect(jsonStorage != protobufStorage)
        #expect(protobuf.allSatisfy { $0.publications == [#"{"shared":true}"#] })
    }
}
