import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket
import RotorConfig
import RotorNode

/// A running Rotor server: the node host and the HTTP listeners of `server.md` §7.1 on one event-loop group.
public final class Server: @unchecked Sendable {
    /// The loaded configuration.
    public let loaded: LoadedConfiguration
    /// The node host.
    public let host: NodeHost
    /// Shared by the endpoints.
    public let context: ServerContext
    /// The listeners, as started, with the ports actually bound (port 0 picks a free one).
    public private(set) var listeners: [Listener] = []
    let group: MultiThreadedEventLoopGroup
    let ownsGroup: Bool
    private var channels: [any Channel] = []
    private let logger: Logger

    /// Starts the server for `loaded` on `group` (or a new group with one loop per core).
    public static func start(
        loaded: LoadedConfiguration,
        logger: Logger,
        hostname: String = "localhost",
        group: MultiThreadedEventLoopGroup? = nil,
        testRoutes: Bool = false
    ) async throws -> Server {
        let server = try Server(
            loaded: loaded, logger: logger, hostname: hostname, group: group, testRoutes: testRoutes)
        do {
            try await server.bind()
        } catch {
            try? await server.closeListeners()
            if server.ownsGroup { try? await server.group.shutdownGracefully() }
            throw error
        }
        return server
    }

    private init(
        loaded: LoadedConfiguration,
        logger: Logger,
        hostname: String,
        group: MultiThreadedEventLoopGroup?,
        testRoutes: Bool
    ) throws {
        self.loaded = loaded
        self.logger = logger
        self.ownsGroup = group == nil
        let group = group ?? MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
        self.group = group
        let nodeConfiguration = try loaded.configuration.nodeConfiguration(hostname: hostname)
        self.host = NodeHost(
            loaded: loaded, nodeConfiguration: nodeConfiguration, group: group, nodeLoop: group.next(),
            jwksFetcher: HTTPJWKSFetcher(group: group))
        self.context = ServerContext(
            configuration: loaded.configuration, host: host, logger: logger, testRoutes: testRoutes)
    }

    private func bind() async throws {
        let configuration = loaded.configuration
        let tlsContext = try TLSSetup.serverContext(configuration)
        let planned = try EndpointCatalog.listeners(context: context)
        let client = configuration.client
        let limiter = ConnectionLimiter(
            rateLimit: client.clientConnectionRateLimit,
            connectionLimit: client.clientConnectionLimit,
            openConnections: { [host] in host.openConnections },
            clock: { EventLoopScheduler.wallClock() }
        )
        for var listener in planned {
            let routes = listener.routes
            let tls = listener.tls ? tlsContext : nil
            let bootstrap = ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 1024)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.maxMessagesPerRead, value: 16)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try Self.configure(channel: channel, routes: routes, limiter: limiter, tls: tls)
                    }
                }
            let bindHost = listener.host.isEmpty ? "0.0.0.0" : listener.host
            let channel: any Channel
            do {
                channel = try await bootstrap.bind(host: bindHost, port: listener.port).get()
            } catch {
                throw ServerStartError.bind(address: listener.address, problem: "\(error)")
            }
            channels.append(channel)
            listener.port = channel.localAddress?.port ?? listener.port
            listeners.append(listener)
            logger.info(
                "serving \(listener.names.joined(separator: ", ")) endpoints on \(listener.address)")
        }
    }

    /// The HTTP pipeline of one accepted connection: TLS (optional), HTTP/1.1 with WebSocket upgrade, router.
    static func configure(
        channel: any Channel, routes: RouteTable, limiter: ConnectionLimiter?, tls: NIOSSLContext?
    ) throws {
        let sync = channel.pipeline.syncOperations
        if let tls { try sync.addHandler(NIOSSLServerHandler(context: tls)) }
        let router = HTTPRouterHandler(routes: routes, limiter: limiter)
        let routerBox = NIOLoopBound(router, eventLoop: channel.eventLoop)
        var upgraders: [any HTTPServerProtocolUpgrader] = []
        if !routes.webSockets.isEmpty {
            let maxFrameSize = routes.webSockets.values.map(\.maxFrameSize).max() ?? 65536
            upgraders.append(
                NIOWebSocketServerUpgrader(
                    maxFrameSize: max(maxFrameSize, 126),
                    automaticErrorHandling: false,
                    shouldUpgrade: { channel, head in
                        let request = HTTPRequest(head: head)
                        guard let endpoint = routes.webSocketEndpoint(for: request.path),
                            case .accept(let headers) = endpoint.negotiate(request)
                        else { return channel.eventLoop.makeSucceededFuture(nil) }
                        if endpoint.isRealtime, let limiter, limiter.admit(endpoint: endpoint.name) != nil {
                            // Not upgraded: the router answers this request with 503 without asking again.
                            routerBox.value.refuseNextRequest()
                            return channel.eventLoop.makeSucceededFuture(nil)
                        }
                        return channel.eventLoop.makeSucceededFuture(headers)
                    },
                    upgradePipelineHandler: { channel, head in
                        let request = HTTPRequest(head: head)
                        guard let endpoint = routes.webSocketEndpoint(for: request.path) else {
                            return channel.close()
                        }
                        return endpoint.upgraded(channel: channel, request: request)
                    }
                ))
        }
        let completion: @Sendable (ChannelHandlerContext) -> Void = { context in
            _ = context.pipeline.syncOperations.removeHandler(routerBox.value)
        }
        let upgrade: NIOHTTPServerUpgradeConfiguration? =
            upgraders.isEmpty ? nil : (upgraders: upgraders, completionHandler: completion)
        try sync.configureHTTPServerPipeline(
            position: ChannelPipeline.SynchronousOperations.Position.last,
            withPipeliningAssistance: true,
            withServerUpgrade: upgrade,
            withErrorHandling: true,
            withOutboundHeaderValidation: true
        )
        try sync.addHandler(router)
    }

    /// Graceful shutdown (`server.md` §7.2): stop accepting, disconnect every client with 3001 (`shutdown`,
    /// which tells SDKs to reconnect elsewhere), wait up to `grace` for the connections to close, then stop
    /// the loops. The caller's watchdog bounds the whole by `shutdown_timeout`.
    public func shutdown(grace: Duration = .seconds(5)) async {
        try? await closeListeners()
        try? await host.shutdown().get()
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while host.openConnections > 0 && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if ownsGroup { try? await group.shutdownGracefully() }
    }

    private func closeListeners() async throws {
        for channel in channels { try? await channel.close() }
        channels = []
    }
}
