import RotorNode

/// The origin check of browser transports (`server.md` §7.3): no `allowed_origins` admits only requests
/// without `Origin`; `["*"]` admits all; otherwise the lower-cased origin must match one glob.
public struct OriginCheck: Sendable {
    let allowAll: Bool
    let patterns: [ChannelGlob]

    /// A check for `allowedOrigins` (malformed globs never match).
    public init(allowedOrigins: [String]) {
        allowAll = allowedOrigins == ["*"]
        patterns = allowedOrigins.compactMap(ChannelGlob.init)
    }

    /// Whether a request with this `Origin` header value (nil: none) is allowed. An empty value counts as
    /// none, as Go's `r.Header.Get("Origin") == ""` does.
    public func allows(origin: String?) -> Bool {
        guard let origin, !origin.isEmpty else { return true }
        if allowAll { return true }
        let lowered = origin.lowercased()
        return patterns.contains { $0.matches(lowered) }
    }
}
