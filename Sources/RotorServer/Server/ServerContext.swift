import Logging
import RotorConfig

/// What every endpoint may use: the configuration, the node host, the logger, the origin check and the
/// metrics.
public final class ServerContext: Sendable {
    /// The loaded configuration.
    public let configuration: RotorConfiguration
    /// The node and its doors.
    public let host: NodeHost
    /// The server's logger.
    public let logger: Logger
    /// `allowed_origins`.
    public let originCheck: OriginCheck
    /// Metrics and the trace log.
    public let observability: Observability
    /// Test-only routes (the WebSocket echo for Autobahn) are mounted; never on in production.
    public let testRoutes: Bool

    /// A context.
    public init(
        configuration: RotorConfiguration, host: NodeHost, logger: Logger, observability: Observability,
        testRoutes: Bool = false
    ) {
        self.configuration = configuration
        self.observability = observability
        self.host = host
        self.logger = logger
        self.originCheck = OriginCheck(allowedOrigins: configuration.http.allowedOrigins)
        self.testRoutes = testRoutes
    }
}
