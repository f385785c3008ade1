import Logging
import NIOConcurrencyHelpers
import NIOCore
import RotorAPI
import RotorConfig
import RotorCore
import RotorEngine
import RotorNode
import RotorProtocol
import RotorTokens

/// The node as the server runs it: the `Node`, its memory engine and the server API, confined to one event
/// loop, plus the doors the transports (on every loop) use to reach it.
public final class NodeHost: @unchecked Sendable {
    /// The node's scheduler; `node`, `engine` and `api` are only touched on its event loop.
    public let scheduler: EventLoopScheduler
    /// The node.
    public let node: Node
    /// The memory engine (broker, history and presence).
    public let engine: MemoryEngine
    /// The HTTP server API bound to `node`.
    public let api: APIHandler
    /// Outboxes by event loop, one per loop of the server's group.
    private let outboxes: [ObjectIdentifier: EventLoopOutbox]
    private let openCount = NIOLockedValueBox(0)
    private var expirySweep: RepeatedTask?

    /// A node for `loaded` on `nodeLoop`, serving transports on the loops of `group`.
    public init(
        loaded: LoadedConfiguration,
        nodeConfiguration: NodeConfiguration,
        group: any EventLoopGroup,
        nodeLoop: any EventLoop,
        jwksFetcher: (any JWKSFetcher)? = nil
    ) {
        scheduler = EventLoopScheduler(eventLoop: nodeLoop)
        let configuration = loaded.configuration
        engine = MemoryEngine(scheduler: scheduler, historyMetaTTL: configuration.engine.historyMetaTTL)
        node = Node(
            configuration: nodeConfiguration,
            scheduler: scheduler,
            broker: engine,
            presenceManager: engine,
            tokenVerifier: JWTTokenVerifier(configuration: loaded.tokens, jwksFetcher: jwksFetcher)
        )
        api = APIHandler(
            node: node,
            configuration: APIConfiguration(
                key: configuration.api.apiKey,
                insecure: configuration.api.apiInsecure,
                prefix: configuration.http.apiHandlerPrefix,
                v5Routes: configuration.api.v5API,
                metricsInterval: Double(configuration.general.nodeInfoMetricsAggregateInterval.nanoseconds) / 1e9
            )
        )
        var outboxes: [ObjectIdentifier: EventLoopOutbox] = [:]
        for loop in group.makeIterator() { outboxes[ObjectIdentifier(loop)] = EventLoopOutbox(eventLoop: loop) }
        self.outboxes = outboxes
        expirySweep = nodeLoop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { [self] _ in
            self.engine.removeExpired()
        }
    }

    /// Runs `work` with the node on the node's loop.
    public func onNode(_ work: @escaping (Node) -> Void) {
        let node = self.node
        let box = UncheckedWork { work(node) }
        scheduler.eventLoop.execute { box.work() }
    }

    /// Opens a node connection for `transport`, whose channel runs on `eventLoop`.
    public func connect(
        _ description: TransportDescription, transport: any OutboundTransport, on eventLoop: any EventLoop
    ) -> NodeConnection {
        guard let outbox = outboxes[ObjectIdentifier(eventLoop)] else {
            preconditionFailure("transport on an event loop outside the server's group")
        }
        let connection = NodeConnection(host: self)
        let sink = TransportSink(outbox: outbox, transport: transport)
        openCount.withLockedValue { $0 += 1 }
        onNode { node in connection.handle = node.open(transport: description, sink: sink) }
        return connection
    }

    /// Connections currently open (read from any thread, for `client_connection_limit`).
    public var openConnections: Int { openCount.withLockedValue { $0 } }

    func connectionEnded() { openCount.withLockedValue { $0 -= 1 } }

    /// Stops the engine sweep and disconnects every client with 3001 (`shutdown`).
    public func shutdown() -> EventLoopFuture<Void> {
        let promise = scheduler.eventLoop.makePromise(of: Void.self)
        let sweep = expirySweep
        onNode { node in
            sweep?.cancel()
            node.shutdown()
            promise.succeed(())
        }
        return promise.futureResult
    }
}

/// One client connection as its transport sees it: carries the client's commands and the transport's end to
/// the node's loop. Created by `NodeHost.connect`; safe to call from the transport's loop.
public final class NodeConnection: @unchecked Sendable {
    let host: NodeHost
    /// Set on the node's loop once the node opened the connection.
    var handle: ConnectionHandle?
    private let ended = NIOLockedValueBox(false)

    init(host: NodeHost) {
        self.host = host
    }

    /// Client commands, in order (one hop for the whole frame); those after one that made the connection stop
    /// reading are dropped.
    public func receive(_ commands: [ClientCommand]) {
        guard !commands.isEmpty else { return }
        host.onNode { node in
            guard let handle = self.handle else { return }
            for command in commands {
                // A command that made the connection stop reading ends the frame, as the reference's
                // reader does (spec §5: the rest of a frame after a failed connect is not processed).
                if handle.hasStoppedReading { break }
                node.receive(command, from: handle)
            }
        }
    }

    /// The connect request of a unidirectional transport (processed as command id 1).
    public func receive(connect request: ConnectRequest) {
        receive([.request(id: 1, .connect(request))])
    }

    /// Closes the connection from the server side with `disconnect` (bad frame, slow client …).
    public func disconnect(_ disconnect: Disconnect) {
        host.onNode { node in
            guard let handle = self.handle else { return }
            node.disconnect(handle, disconnect)
        }
    }

    /// The transport is gone (client closed, write failed, close completed): the node forgets the connection.
    /// Idempotent.
    public func transportClosed() {
        let first = ended.withLockedValue { ended in
            defer { ended = true }
            return !ended
        }
        guard first else { return }
        host.connectionEnded()
        host.onNode { node in
            guard let handle = self.handle else { return }
            node.transportClosed(handle)
            self.handle = nil
        }
    }
}
