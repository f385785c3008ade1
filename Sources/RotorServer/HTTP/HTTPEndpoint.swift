/// Something served at a path: the router reads the request (body bounded by `maxBodySize`, else 413) and
/// hands it over on the channel's event loop.
public protocol HTTPEndpoint: Sendable {
    /// The largest accepted body; nil means no body is read beyond the router's general bound.
    var maxBodySize: Int? { get }
    /// Real-time connection endpoints go through the connection limiter (503) first (`server.md` §12).
    var isRealtime: Bool { get }
    /// The name used by the connection rate limiter's per-endpoint bucket and in logs.
    var name: String { get }
    /// Answers `request`.
    func handle(_ request: HTTPRequest, responder: HTTPResponder)
}

extension HTTPEndpoint {
    /// No endpoint-specific limit by default.
    public var maxBodySize: Int? { nil }
    /// Not a real-time endpoint by default.
    public var isRealtime: Bool { false }
}
