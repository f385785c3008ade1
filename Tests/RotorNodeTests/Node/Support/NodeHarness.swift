import NIOCore
import OrderedCollections
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol
import RotorSimulation

/// A node on the simulated clock with the memory engine behind a fault injector, and test clients.
final class NodeHarness {
    let scheduler = SimulatedScheduler()
    let memory: MemoryEngine
    let engine: FaultInjectingEngine
    let tokens = TableTokenVerifier()
    let node: Node

    init(client: ClientConfiguration = ClientConfiguration(), channels: ChannelConfiguration = .nodeTesting) {
        memory = MemoryEngine(scheduler: scheduler, makeEpoch: { "epch" })
        engine = FaultInjectingEngine(wrapping: memory, scheduler: scheduler)
        node = Node(
            configuration: NodeConfiguration(client: client, rules: try! ChannelRules(channels)),
            scheduler: scheduler,
            broker: engine,
            presenceManager: engine,
            tokenVerifier: tokens,
            random: SeededRandomSource(seed: 7)
        )
    }

    /// Opens a connection and connects it as `user` (token verification answered from the table).
    func connectedClient(
        user: String = "42",
        transport: TransportDescription = .webSocket,
        claims: ConnectionTokenClaims? = nil
    ) -> TestClient {
        let client = TestClient(harness: self, transport: transport)
        let token = "token-\(tokens.claims.count)"
        tokens.claims[token] = claims ?? ConnectionTokenClaims(user: user)
        client.send(Command(id: 1, .connect(ConnectRequest(token: token))))
        scheduler.runCurrent()
        return client
    }

    func publish(_ channel: String, _ text: String) -> APIResult<StreamPosition>? {
        var outcome: APIResult<StreamPosition>?
        node.publish(channel: channel, data: ByteBuffer(string: text)) { outcome = $0 }
        scheduler.runCurrent()
        return outcome
    }
}

/// A client of the node that records what it is sent (JSON and Protobuf, v1 and v2).
final class TestClient: ClientSink {
    unowned let harness: NodeHarness
    let transport: TransportDescription
    private(set) var handle: ConnectionHandle!
    private(set) var raw: [ByteBuffer] = []
    private(set) var closedWith: Disconnect?
    private(set) var stoppedReading = false

    init(harness: NodeHarness, transport: TransportDescription) {
        self.harness = harness
        self.transport = transport
        handle = harness.node.open(transport: transport, sink: self)
    }

    func send(_ message: ByteBuffer) { raw.append(message) }
    func stopReading() { stoppedReading = true }
    func close(_ disconnect: Disconnect) { closedWith = disconnect }

    var codec: MessageCodec { MessageCodec(transport.isProtobuf ? .protobuf : .json) }

    /// Bidirectional messages decoded as replies.
    var replies: [Reply] { raw.map { try! codec.decode(Reply.self, from: $0) } }

    /// Pushes received (bidirectional: wrapped in replies).
    var pushes: [Push] { replies.compactMap(\.push) }

    /// Raw JSON texts received.
    var texts: [String] { raw.map { String(buffer: $0) } }

    var publications: [String] { pushes.compactMap { $0.pub.map { String(buffer: $0.data) } } }

    func send(_ command: Command) {
        harness.node.receive(.v2(command), from: handle)
        harness.scheduler.runCurrent()
    }

    /// Sends a v1 command, decoded through the v1 mapping as the shell will.
    func sendV1(_ command: Command) {
        let request = try! V1Mapping(.json).request(of: command)
        harness.node.receive(.v1(id: command.id, request), from: handle)
        harness.scheduler.runCurrent()
    }

    func clear() { raw.removeAll() }
}

/// Answers token verification from a table (JWT itself is tested in RotorTokensTests).
final class TableTokenVerifier: TokenVerifying, @unchecked Sendable {
    // Only touched on the test's thread.
    var claims: [String: ConnectionTokenClaims] = [:]
    var subscriptionClaims: [String: SubscriptionTokenClaims] = [:]

    func verifyConnectionToken(_ token: String, now: Timestamp) -> TokenVerification<ConnectionTokenClaims>? {
        claims[token].map { .valid($0) } ?? .invalid(reason: "unknown token")
    }

    func verifySubscriptionToken(_ token: String, now: Timestamp) -> TokenVerification<SubscriptionTokenClaims>? {
        subscriptionClaims[token].map { .valid($0) } ?? .invalid(reason: "unknown token")
    }

    func prepareKeys(for token: String) async {}
}

extension ChannelConfiguration {
    static var nodeTesting: ChannelConfiguration {
        var configuration = ChannelConfiguration()
        var chat = ChannelOptions()
        chat.allowSubscribeForClient = true
        chat.allowPublishForSubscriber = true
        chat.presence = true
        chat.allowPresenceForSubscriber = true
        chat.historySize = 10
        chat.historyTTL = .seconds(300)
        chat.allowHistoryForSubscriber = true
        chat.forceRecovery = true
        chat.joinLeave = true
        chat.forcePushJoinLeave = true
        var news = ChannelOptions()
        news.allowSubscribeForClient = true
        news.allowPublishForClient = true
        configuration.namespaces = [
            ChannelNamespace(name: "chat", options: chat),
            ChannelNamespace(name: "news", options: news),
        ]
        return configuration
    }
}
