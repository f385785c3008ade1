import NIOCore
import RotorAPI
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol
import RotorSimulation

/// A node with the memory engine on the simulated clock, its API handler, and WebSocket-like clients.
final class APIHarness {
    static let key = "rotor-recording-api-key"

    let scheduler = SimulatedScheduler()
    let memory: MemoryEngine
    let engine: FaultInjectingEngine
    let node: Node
    let handler: APIHandler

    init(configuration: APIConfiguration = APIConfiguration(key: APIHarness.key), epoch: String = "EPCH") {
        memory = MemoryEngine(scheduler: scheduler, makeEpoch: { epoch })
        engine = FaultInjectingEngine(wrapping: memory, scheduler: scheduler)
        node = Node(
            configuration: NodeConfiguration(rules: try! ChannelRules(.recording), name: "vm_1"),
            scheduler: scheduler,
            broker: engine,
            presenceManager: engine,
            tokenVerifier: SimulatedTokenVerifier(),
            random: SeededRandomSource(seed: 7)
        )
        handler = APIHandler(node: node, configuration: configuration)
    }

    /// Handles `request` and runs the scheduler until it is answered.
    func call(_ request: APIRequest) -> APIResponse {
        var response: APIResponse?
        handler.handle(request) { response = $0 }
        scheduler.runCurrent()
        return response!
    }

    /// POSTs `body` to `path` with the API key header.
    func post(_ body: String, path: String = "/api", query: String = "") -> APIResponse {
        call(
            APIRequest(
                path: path, query: query, headers: [("Authorization", "apikey \(Self.key)")],
                body: ByteBuffer(string: body)))
    }

    /// POSTs `body` and returns the response body as text (the status must be 200).
    func text(_ body: String, path: String = "/api") -> String {
        let response = post(body, path: path)
        precondition(response.status == 200, "status \(response.status)")
        return String(buffer: response.body)
    }

    /// A connected client of `user`.
    func client(user: String = "42") -> APIClient {
        let client = APIClient(harness: self)
        client.send(#"{"id":1,"connect":{"token":"user:\#(user)"}}"#)
        client.clear()
        return client
    }
}

/// A bidirectional JSON client recording what it is sent.
final class APIClient: ClientSink {
    unowned let harness: APIHarness
    private(set) var handle: ConnectionHandle!
    private(set) var texts: [String] = []
    private(set) var closedWith: Disconnect?

    init(harness: APIHarness) {
        self.harness = harness
        handle = harness.node.open(transport: .webSocket, sink: self)
    }

    var clientID: String { handle.clientID }

    func send(_ message: ByteBuffer) { texts.append(String(buffer: message)) }
    func stopReading() {}
    func close(_ disconnect: Disconnect) { closedWith = disconnect }

    /// Sends one JSON command.
    func send(_ json: String) {
        let command = try! MessageCodec(.json).decode(Command.self, from: ByteBuffer(string: json))
        harness.node.receive(.v2(command), from: handle)
        harness.scheduler.runCurrent()
    }

    func clear() { texts.removeAll() }
}

extension ChannelConfiguration {
    /// The namespaces of the recordings' config (`Fixtures/recorded/api_*.jsonl`), as far as the API uses them.
    static var recording: ChannelConfiguration {
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
        var locked = ChannelOptions()
        locked.presence = true
        locked.historySize = 5
        locked.historyTTL = .seconds(60)
        var hist = ChannelOptions()
        hist.allowSubscribeForClient = true
        hist.allowPublishForClient = true
        hist.historySize = 20
        hist.historyTTL = .seconds(300)
        var room = ChannelOptions()
        room.allowSubscribeForClient = true
        room.joinLeave = true
        room.presence = true
        room.allowPresenceForClient = true
        room.allowSubscribeForAnonymous = true
        room.allowPresenceForAnonymous = true
        configuration.namespaces = [
            ChannelNamespace(name: "chat", options: chat),
            ChannelNamespace(name: "news", options: news),
            ChannelNamespace(name: "locked", options: locked),
            ChannelNamespace(name: "hist", options: hist),
            ChannelNamespace(name: "room", options: room),
        ]
        return configuration
    }
}
