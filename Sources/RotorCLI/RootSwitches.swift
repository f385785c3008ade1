import ArgumentParser
import RotorConfig

/// The root command's boolean flags (`server.md` §10.1). A flag that is present sets its option to true; an
/// absent one leaves the option to the file and environment.
struct RootSwitches: ParsableArguments {
    @Flag(name: .customLong("debug"), help: "enable debug endpoints") var debug = false
    @Flag(name: .customLong("admin"), help: "enable admin web interface") var admin = false
    @Flag(name: .customLong("admin_external"), help: "expose admin web interface on external port")
    var adminExternal = false
    @Flag(name: .customLong("prometheus"), help: "enable Prometheus metrics endpoint") var prometheus = false
    @Flag(name: .customLong("health"), help: "enable health check endpoint") var health = false
    @Flag(name: .customLong("sockjs"), help: "enable SockJS endpoint") var sockjs = false
    @Flag(name: .customLong("uni_websocket"), help: "enable unidirectional websocket endpoint")
    var uniWebsocket = false
    @Flag(name: .customLong("uni_sse"), help: "enable unidirectional SSE (EventSource) endpoint") var uniSSE = false
    @Flag(name: .customLong("uni_http_stream"), help: "enable unidirectional HTTP-streaming endpoint")
    var uniHTTPStream = false
    @Flag(name: .customLong("sse"), help: "enable bidirectional SSE (EventSource) endpoint") var sse = false
    @Flag(name: .customLong("http_stream"), help: "enable bidirectional HTTP-streaming endpoint")
    var httpStream = false
    @Flag(name: .customLong("client_insecure"), help: "start in insecure client mode") var clientInsecure = false
    @Flag(name: .customLong("api_insecure"), help: "use insecure API mode") var apiInsecure = false
    @Flag(name: .customLong("api_external"), help: "expose API handler on external port") var apiExternal = false
    @Flag(name: .customLong("admin_insecure"), help: "use insecure admin mode") var adminInsecure = false
    @Flag(name: .customLong("tls"), help: "enable TLS, requires an X509 certificate and a key file") var tls = false
    @Flag(name: .customLong("tls_external"), help: "enable TLS only for external endpoints") var tlsExternal = false
    @Flag(name: .customLong("grpc_api"), help: "enable GRPC API server") var grpcAPI = false
    @Flag(name: .customLong("grpc_api_tls"), help: "enable TLS for GRPC API server") var grpcAPITLS = false
    @Flag(name: .customLong("grpc_api_tls_disable"), help: "disable general TLS for GRPC API server")
    var grpcAPITLSDisable = false
    @Flag(name: .customLong("uni_grpc"), help: "enable unidirectional GRPC endpoint") var uniGRPC = false

    /// The flags that were given, by option key.
    var overrides: [String: ConfigValue] {
        let flags: [(String, Bool)] = [
            ("debug", debug), ("admin", admin), ("admin_external", adminExternal), ("prometheus", prometheus),
            ("health", health), ("sockjs", sockjs), ("uni_websocket", uniWebsocket), ("uni_sse", uniSSE),
            ("uni_http_stream", uniHTTPStream), ("sse", sse), ("http_stream", httpStream),
            ("client_insecure", clientInsecure), ("api_insecure", apiInsecure), ("api_external", apiExternal),
            ("admin_insecure", adminInsecure), ("tls", tls), ("tls_external", tlsExternal), ("grpc_api", grpcAPI),
            ("grpc_api_tls", grpcAPITLS), ("grpc_api_tls_disable", grpcAPITLSDisable), ("uni_grpc", uniGRPC),
        ]
        var values: [String: ConfigValue] = [:]
        for (key, isSet) in flags where isSet { values[key] = .bool(true) }
        return values
    }
}

extension RootSwitches {
    /// The root flags that take no value (including cobra's `help`): when looking for the subcommand, cobra
    /// skips any other flag together with the argument after it.
    static let booleanFlagNames: Set<String> = [
        "debug", "admin", "admin_external", "prometheus", "health", "sockjs", "uni_websocket", "uni_sse",
        "uni_http_stream", "sse", "http_stream", "client_insecure", "api_insecure", "api_external",
        "admin_insecure", "tls", "tls_external", "grpc_api", "grpc_api_tls", "grpc_api_tls_disable", "uni_grpc",
        "help", "h",
    ]
}
