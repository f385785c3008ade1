import RotorConfig

/// Which endpoints the configuration enables and on which listener (`server.md` §7.1): the external
/// `address:port` and the internal `internal_address:internal_port` (each falling back to the external
/// value); one listener when both are the same.
/// The routes of both listeners while they are being built.
struct RouteBuilder {
    /// Which listener an endpoint goes to.
    enum Side { case external, `internal` }

    let context: ServerContext
    var external = RouteTable()
    var `internal` = RouteTable()
    var externalNames: [String] = []
    var internalNames: [String] = []

    /// Mounts a plain HTTP endpoint.
    mutating func mount(_ endpoint: any HTTPEndpoint, at prefix: String, subtree: Bool = false, on side: Side) {
        switch side {
        case .external:
            external.mount(endpoint, at: prefix, subtree: subtree)
            if !externalNames.contains(endpoint.name) { externalNames.append(endpoint.name) }
        case .internal:
            `internal`.mount(endpoint, at: prefix, subtree: subtree)
            if !internalNames.contains(endpoint.name) { internalNames.append(endpoint.name) }
        }
    }

    /// Mounts a WebSocket endpoint on the external listener.
    mutating func mount(webSocket endpoint: any WebSocketEndpoint, at prefix: String) {
        external.mount(webSocket: endpoint, at: prefix)
        if !externalNames.contains(endpoint.name) { externalNames.append(endpoint.name) }
    }

    /// The server API and health (the other families live with their transports' code).
    mutating func mountAPIAndHealth() {
        let configuration = context.configuration
        let http = configuration.http
        if !http.apiDisable {
            mount(
                APIEndpoint(host: context.host), at: http.apiHandlerPrefix, subtree: configuration.api.v5API,
                on: http.apiExternal ? .external : .internal)
        }
        if configuration.monitoring.health {
            mount(HealthEndpoint(), at: http.healthHandlerPrefix, on: .internal)
        }
    }
}

enum EndpointCatalog {
    static func listeners(context: ServerContext) throws(ServerStartError) -> [Listener] {
        let configuration = context.configuration
        let http = configuration.http
        var builder = RouteBuilder(context: context)
        builder.mountWebSocketTransports()
        builder.mountSockJS()
        builder.mountStreamingTransports()
        builder.mountAPIAndHealth()
        builder.mountMetrics()

        let externalPort = try port(http.port, key: "port")
        let internalHost = http.internalAddress.isEmpty ? http.address : http.internalAddress
        let internalPort = http.internalPort.isEmpty ? externalPort : try port(http.internalPort, key: "internal_port")
        let tls = configuration.tls.tls
        let external = builder.external
        let `internal` = builder.internal
        var listeners: [Listener] = []
        if http.address == internalHost && externalPort == internalPort {
            var merged = external
            for (path, endpoint) in `internal`.exact { merged.mount(endpoint, at: path) }
            for (prefix, endpoint) in `internal`.subtrees { merged.mount(endpoint, at: prefix, subtree: true) }
            let names = ordered(builder.externalNames + builder.internalNames)
            listeners.append(Listener(host: http.address, port: externalPort, routes: merged, names: names, tls: tls))
        } else {
            if !external.isEmpty {
                listeners.append(
                    Listener(
                        host: http.address, port: externalPort, routes: external,
                        names: ordered(builder.externalNames), tls: tls))
            }
            if !`internal`.isEmpty {
                listeners.append(
                    Listener(
                        host: internalHost, port: internalPort, routes: `internal`,
                        names: ordered(builder.internalNames), tls: tls && !configuration.tls.tlsExternal))
            }
        }
        return listeners
    }

    /// The reference's order of endpoint names in the `serving … endpoints on …` line.
    static let nameOrder = [
        "websocket", "SockJS", "webtransport", "http_stream", "sse", "emulation", "API", "admin", "prometheus",
        "debug", "health", "uni_websocket", "uni_sse", "uni_http_stream",
    ]

    static func ordered(_ names: [String]) -> [String] {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return unique.sorted { (nameOrder.firstIndex(of: $0) ?? 99) < (nameOrder.firstIndex(of: $1) ?? 99) }
    }

    static func port(_ text: String, key: String) throws(ServerStartError) -> Int {
        guard let port = Int(text), (0...65535).contains(port) else {
            throw ServerStartError.invalidPort(key: key, value: text)
        }
        return port
    }
}

/// Why the server could not start; the message names the option.
public enum ServerStartError: Error, CustomStringConvertible, Sendable {
    case invalidPort(key: String, value: String)
    case tls(key: String, problem: String)
    case bind(address: String, problem: String)

    /// The message, naming the option or address.
    public var description: String {
        switch self {
        case .invalidPort(let key, let value): "invalid \(key) \"\(value)\": must be a port number (0-65535)"
        case .tls(let key, let problem): "TLS configuration error (\(key)): \(problem)"
        case .bind(let address, let problem): "error listening on \(address): \(problem)"
        }
    }
}
