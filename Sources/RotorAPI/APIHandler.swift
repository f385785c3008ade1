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

    /// A handler for `node`.
    public init(node: Node, configuration: APIConfiguration) {
        self.node = node
        self.configuration = configuration
        let interval = configuration.metricsInterval
        self.metrics = { APIMetrics(interval: interval) }
    }

    /// Answers `request`; `completion` is called exactly once, on the node's scheduler.
    public func handle(_ request: APIRequest, completion: @escaping (APIResponse) -> Void) {
        let route: Route
        if request.path == configuration.prefix {
            route = .commands
        } else if let method = v5Route(request.path) {
            route = method
        } else {
            return completion(.notFound)
        }
        guard request.method == "POST" else { return completion(.methodNotAllowed) }
        guard APIAuthentication(configuration: configuration).authorizes(request) else {
            return completion(.unauthorized)
        }
        let executor = APIExecutor(node: node, metrics: metrics)
        switch route {
        case .commands:
            if node.isShuttingDown { return completion(.unavailable) }
            handleCommands(request.body, executor: executor, completion: completion)
        case .batch:
            handleBatch(request.body, executor: executor, completion: completion)
        case .method(let method):
            handleMethod(method, body: request.body, executor: executor, completion: completion)
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
    }

    private func v5Route(_ path: String) -> Route? {
        guard configuration.v5Routes, configuration.prefix != "/" else { return nil }
        let base = configuration.prefix.hasSuffix("/") ? configuration.prefix : configuration.prefix + "/"
        guard path.hasPrefix(base) else { return nil }
        let name = String(path.dropFirst(base.count))
        if name == "batch" { return .batch }
        guard let method = APIMethod.batchOrder.first(where: { $0.name == name }) else { return nil }
        return .method(method)
    }
}
