/// One named proxy of granular proxy mode (`proxies[]`, `server.md` §5.6).
public struct ProxyDefinition: Sendable, Hashable {
    /// Unique name, referenced by `*_proxy_name` options.
    public var name: String
    /// `http(s)://…` for an HTTP proxy, anything else for gRPC.
    public var endpoint: String
    /// Request timeout (missing or zero → 1s).
    public var timeout: Duration
    /// HTTP headers to forward, lower-cased.
    public var httpHeaders: [String]
    /// gRPC metadata keys to forward.
    public var grpcMetadata: [String]
    /// Send payloads base64-encoded.
    public var binaryEncoding: Bool
    /// Add connection meta to requests.
    public var includeConnectionMeta: Bool
    /// TLS certificate file of the gRPC client.
    public var grpcCertFile: String
    /// Extra per-RPC metadata key.
    public var grpcCredentialsKey: String
    /// Extra per-RPC metadata value.
    public var grpcCredentialsValue: String

    /// A proxy `name` at `endpoint`; other fields take their defaults.
    public init(name: String, endpoint: String, timeout: Duration = .seconds(1)) {
        self.name = name
        self.endpoint = endpoint
        self.timeout = timeout
        httpHeaders = []
        grpcMetadata = []
        binaryEncoding = false
        includeConnectionMeta = false
        grpcCertFile = ""
        grpcCredentialsKey = ""
        grpcCredentialsValue = ""
    }

    /// The fields of a proxy object.
    static let fieldNames: Set<String> = [
        "name", "endpoint", "timeout", "http_headers", "grpc_metadata", "binary_encoding", "include_connection_meta",
        "grpc_cert_file", "grpc_credentials_key", "grpc_credentials_value",
    ]

    /// Reads one `proxies[]` object.
    init(fields: ObjectFields) throws(ConfigurationError) {
        self.init(name: try fields.string("name") ?? "", endpoint: try fields.string("endpoint") ?? "")
        let configured = try fields.duration("timeout") ?? .zero
        timeout = configured == .zero ? .seconds(1) : configured
        httpHeaders = (try fields.stringList("http_headers") ?? []).map { $0.lowercased() }
        grpcMetadata = try fields.stringList("grpc_metadata") ?? []
        binaryEncoding = try fields.bool("binary_encoding") ?? false
        includeConnectionMeta = try fields.bool("include_connection_meta") ?? false
        grpcCertFile = try fields.string("grpc_cert_file") ?? ""
        grpcCredentialsKey = try fields.string("grpc_credentials_key") ?? ""
        grpcCredentialsValue = try fields.string("grpc_credentials_value") ?? ""
    }
}
