/// Which endpoint serves a path on one listener, matched like Go's `ServeMux` (`server.md` §7.1): a prefix
/// without a trailing slash matches only that exact path; one with a trailing slash matches its subtree, the
/// longest such prefix winning.
public struct RouteTable: Sendable {
    /// Exact paths.
    public private(set) var exact: [String: any HTTPEndpoint] = [:]
    /// Subtree prefixes (ending in `/`), longest first.
    public private(set) var subtrees: [(prefix: String, endpoint: any HTTPEndpoint)] = []
    /// WebSocket endpoints by exact path; a key ending in `/` is a subtree prefix (SockJS).
    public private(set) var webSockets: [String: any WebSocketEndpoint] = [:]

    /// An empty table.
    public init() {}

    /// Whether nothing is mounted (the listener is then not started).
    public var isEmpty: Bool { exact.isEmpty && subtrees.isEmpty && webSockets.isEmpty }

    /// Mounts `endpoint` at `prefix`, normalised as the reference does: trailing `/` stripped, empty → `/`.
    public mutating func mount(_ endpoint: any HTTPEndpoint, at prefix: String, subtree: Bool = false) {
        let path = Self.normalised(prefix)
        if subtree || path == "/" {
            let subtreePrefix = path.hasSuffix("/") ? path : path + "/"
            subtrees.append((subtreePrefix, endpoint))
            subtrees.sort { $0.prefix.count > $1.prefix.count }
            if path != "/" && exact[path] == nil { exact[path] = endpoint }
        } else {
            exact[path] = endpoint
        }
    }

    /// Mounts a WebSocket endpoint (its plain-HTTP answers go through `endpoint` as an `HTTPEndpoint`); a
    /// `subtree` endpoint upgrades every path below `prefix`.
    public mutating func mount(webSocket endpoint: any WebSocketEndpoint, at prefix: String, subtree: Bool = false) {
        let path = Self.normalised(prefix)
        if subtree {
            webSockets[path.hasSuffix("/") ? path : path + "/"] = endpoint
        } else {
            webSockets[path] = endpoint
        }
        mount(endpoint, at: prefix, subtree: subtree)
    }

    /// The endpoint for `path`, if any.
    public func endpoint(for path: String) -> (any HTTPEndpoint)? {
        if let endpoint = exact[path] { return endpoint }
        return subtrees.first { path.hasPrefix($0.prefix) }?.endpoint
    }

    /// The WebSocket endpoint for `path`, if any.
    public func webSocketEndpoint(for path: String) -> (any WebSocketEndpoint)? {
        if let endpoint = webSockets[path] { return endpoint }
        var best: (prefix: String, endpoint: any WebSocketEndpoint)?
        for (prefix, endpoint) in webSockets where prefix.hasSuffix("/") && path.hasPrefix(prefix) {
            if prefix.count > best?.prefix.count ?? -1 { best = (prefix, endpoint) }
        }
        return best?.endpoint
    }

    /// Trailing slashes stripped; empty becomes `/`.
    public static func normalised(_ prefix: String) -> String {
        var path = prefix
        while path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty ? "/" : path
    }
}
