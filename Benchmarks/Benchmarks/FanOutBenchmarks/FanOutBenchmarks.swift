import Benchmark
import NIOCore
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol
import RotorSimulation

// The fan-out hot path: the server API publishes one publication into a channel with 10,000 local
// subscribers (half JSON, half Protobuf WebSocket connections). The node encodes the push once per
// encoding and hands the same buffer to every subscriber's sink. One iteration = one publication =
// 10,000 deliveries; divide the table's figures by 10,000 for the cost of one delivery.

let subscriberCount = 10_000

/// A transport stand-in that keeps the last buffer and counts deliveries.
final class CountingSink: ClientSink {
    var delivered = 0
    var last = ByteBuffer()
    func send(_ message: ByteBuffer) {
        delivered += 1
        last = message
    }
    func stopReading() {}
    func close(_ disconnect: Disconnect) { fatalError("subscriber closed: \(disconnect)") }
}

/// A node with `subscriberCount` subscribers of `news`, and their sinks.
struct FanOutSetup {
    let scheduler = SimulatedScheduler()
    let engine: MemoryEngine
    let node: Node
    var sinks: [CountingSink] = []

    init() {
        var channels = ChannelConfiguration()
        channels.clientInsecure = true
        var client = ClientConfiguration()
        client.pingInterval = .zero
        engine = MemoryEngine(scheduler: scheduler)
        node = Node(
            configuration: NodeConfiguration(client: client, rules: try! ChannelRules(channels)),
            scheduler: scheduler,
            broker: engine,
            presenceManager: engine,
            tokenVerifier: nil,
            random: SeededRandomSource(seed: 1)
        )
        for index in 0..<subscriberCount {
            let sink = CountingSink()
            let transport = TransportDescription(name: "websocket", isProtobuf: index % 2 == 1)
            let handle = node.open(transport: transport, sink: sink)
            node.receive(.request(id: 1, .connect(ConnectRequest())), from: handle)
            node.receive(.request(id: 2, .subscribe(SubscribeRequest(channel: "news"))), from: handle)
            sinks.append(sink)
        }
        scheduler.runCurrent()
        precondition(node.subscriptionCount == subscriberCount, "every connection must be subscribed")
    }

    func publish(_ payload: ByteBuffer) {
        node.publish(channel: "news", data: payload) { result in
            if case .error(let error) = result { fatalError("publish failed: \(error)") }
        }
    }

    /// Fails unless every JSON sink got the very same bytes (one shared storage) and likewise Protobuf.
    func checkEncodedOncePerEncoding() {
        for parity in 0..<2 {
            let group = sinks.enumerated().filter { $0.offset % 2 == parity }.map(\.element.last)
            let addresses = Set(group.map { $0.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) } })
            precondition(addresses.count == 1, "a publication must be encoded once per encoding")
        }
    }
}

/// Built once (10,000 connects and subscribes take a while); every sample publishes into it.
nonisolated(unsafe) let fanOut: FanOutSetup = {
    let setup = FanOutSetup()
    setup.publish(payload)
    setup.checkEncodedOncePerEncoding()
    return setup
}()

let payload = ByteBuffer(string: #"{"text":"hello from the fan-out benchmark","n":12345,"tags":["a","b","c"]}"#)

let benchmarks: @Sendable () -> Void = {
    Benchmark(
        "Fan-out one publication to 10,000 subscribers",
        configuration: Benchmark.Configuration(
            metrics: [.wallClock, .mallocCountTotal],
            timeUnits: .microseconds,
            warmupIterations: 3,
            maxDuration: .seconds(5),
            maxIterations: 1_000
        )
    ) { benchmark in
        let setup = fanOut
        let before = setup.sinks[0].delivered
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            setup.publish(payload)
        }
        benchmark.stopMeasurement()
        precondition(setup.sinks.allSatisfy { $0.delivered > before }, "every subscriber must get every publication")
    }
}
