/// Settings of the HTTP server API (`server.md` §1.2 `api_key`, `api_insecure`, `api_handler_prefix`,
/// `v5_api`).
public struct APIConfiguration: Sendable, Hashable {
    /// The key requests must present; empty means every request is refused (unless `insecure`).
    public var key: String
    /// `api_insecure`: no key check at all.
    public var insecure: Bool
    /// `api_handler_prefix`: the path of the v4 endpoint (default `/api`).
    public var prefix: String
    /// `v5_api`: also serve `POST <prefix>/<method>` with the params object as the body.
    public var v5Routes: Bool
    /// The `interval` reported in `info` node metrics (`node_info_metrics_aggregate_interval`, seconds).
    public var metricsInterval: Double

    /// A configuration.
    public init(
        key: String,
        insecure: Bool = false,
        prefix: String = "/api",
        v5Routes: Bool = false,
        metricsInterval: Double = 60
    ) {
        self.key = key
        self.insecure = insecure
        self.prefix = prefix
        self.v5Routes = v5Routes
        self.metricsInterval = metricsInterval
    }
}
