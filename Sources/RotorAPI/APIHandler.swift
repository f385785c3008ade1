import NIOCore
import RotorNode
import RotorProtocol

/// The HTTP server API, independent of any HTTP library: an `APIRequest` in, an `APIResponse` out
/// (`server.md` §4.1–§4.3).
///
/// Serves `POST <prefix>` (the v4 format: concatenated JSON commands, one reply per command) and, with
/// `v5Routes`, `POST <prefix>/<method>` and `POST <prefix>/batch`. Like the node it drives, a handler is
/// confined to the node's scheduler: call `handle` there; the completion runs there too.
public final class APIHandler {
    /// The node the calls run on.
    public let node: Node
    /// The API settings.
    public let configuration: APIConfiguration
    /// The `metrics` object reported per node by `info`; by default the configured interval and no items.
    public var metrics: () -> APIMetrics?
    /// Times API commands: called with the method name (`publish`, `presence_stats` …) when a decoded command
    /// starts; the closure it returns is called when the command finished. Nil: commands are not timed.
    public var timeCommand: ((_ method: String) -> () -> Void)?

    /// A handler for `node`.
    public init(node: Node, configuration: APIConfiguration) {
        self.node = node
        self.configuration = configuration
        let interval = configuration.metricsInterval
        self.metrics = { APIMetrics(interval: interval) }
    }

    /// Answers `request`; `completion` is called exactly once, on the node's scheduler.
    public func handle(_ request: APIRequest, completion: @escaping (APIResponse) -> Void) {
        guard let route = route(request.path) else { return completion(.notFound) }
        guard request.method == "POST" else { return completion(.methodNotAllowed) }
        guard APIAuthentication(configuration: configuration).authorizes(request) else {
            return completion(.unauthorized)
        }
        let executor = APIExecutor(node: node, metrics: metrics, timeCommand: timeCommand)
        switch route {
        case .commands:
            if node.isShuttingDown { return completion(.unavailable) }
            handleCommands(request.body, executor: executor, completion: completion)
        case .batch:
            handleBatch(request.body, executor: executor, completion: completion)
        case .method(let method):
            handleMethod(method, body: request.body, executor: executor, completion: completion)
        case .unknownMethod:
            completion(.notFound)
        }
    }

    /// What a path addresses.
    enum Route {
        /// The v4 endpoint.
        case commands
        /// `<prefix>/batch`.
        case batch
        /// `<prefix>/<method>`.
        case method(APIMethod)
        /// Another path under `<prefix>/` with v5 routes on: 404, but only after the method and key checks
        /// (the reference mounts its per-method router behind them).
        case unknownMethod
    }

    /// The route of `path`, or nil when the API does not serve it. Prefix `/` serves every path with the
    /// v4 endpoint, as a Go `ServeMux` pattern `/` catches all paths no other route takes.
    private func route(_ path: String) -> Route? {
        let prefix = configuration.prefix
        if path == prefix || prefix == "/" { return .commands }
        guard configuration.v5Routes else { return nil }
        let base = prefix.hasSuffix("/") ? prefix : prefix + "/"
        guard path.hasPrefix(base) else { return nil }
        let name = String(path.dropFirst(base.count))
        if name == "batch" { return .batch }
        guard let method = APIMethod.batchOrder.first(where: { $0.name == name }) else { return .unknownMethod }
        return .method(method)
    }
}
