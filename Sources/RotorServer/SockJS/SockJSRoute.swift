/// The SockJS sub-routes below the handler prefix (sockjs-protocol 0.3.3 as sockjs-go v3 maps them), matched on
/// the path with the prefix stripped.
enum SockJSRoute: Equatable, Sendable {
    /// `GET /` (or the empty path): the greeting.
    case greeting
    /// `GET|OPTIONS /info`.
    case info
    /// `GET /iframe*.html`: the page that loads the SockJS client for iframe-based transports.
    case iframe
    /// A session transport `/<server>/<session>/<kind>`.
    case session(id: String, transport: SockJSTransportKind)

    /// What a request's method and path resolve to.
    enum Resolution: Equatable, Sendable {
        /// A route that serves this method.
        case route(SockJSRoute)
        /// The path exists for other methods only (405 with `Allow`).
        case methodNotAllowed(allowed: [String])
        /// No route (404).
        case notFound
    }

    /// The route of `method` on `path` (relative to the prefix), mirroring sockjs-go's mapping table: every
    /// mapping whose path matches but whose method differs contributes its method to the `Allow` list.
    static func resolve(method: String, path: String) -> Resolution {
        var allowed: [String] = []
        for (mappingMethod, route) in candidates(path: path) {
            if mappingMethod == method { return .route(route) }
            allowed.append(mappingMethod)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    /// The (method, route) mappings whose path pattern matches `path`, in sockjs-go's order.
    private static func candidates(path: String) -> [(String, SockJSRoute)] {
        if path.isEmpty || path == "/" { return [("GET", .greeting)] }
        if path == "/info" { return [("OPTIONS", .info), ("GET", .info)] }
        if isIframePath(path) { return [("GET", .iframe)] }
        if path == "/websocket" { return [] }
        guard let (id, name) = sessionPath(path), let kind = SockJSTransportKind(rawValue: name) else { return [] }
        return kind.methods.map { ($0, .session(id: id, transport: kind)) }
    }

    /// `^/iframe[0-9-.a-z_]*.html$` (the unescaped `.` matches any character).
    static func isIframePath(_ path: String) -> Bool {
        guard path.hasPrefix("/iframe"), path.hasSuffix("html") else { return false }
        let rest = Array(path.utf8.dropFirst("/iframe".utf8.count))
        guard rest.count >= 5, rest[rest.count - 5] != UInt8(ascii: "\n") else { return false }
        return rest[..<(rest.count - 5)].allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        }
    }

    /// `/<server>/<session>/<name>` where the ids are non-empty and hold neither `/` nor `.`.
    static func sessionPath(_ path: String) -> (session: String, name: String)? {
        guard path.hasPrefix("/") else { return nil }
        let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        for id in parts[0...1] where id.isEmpty || id.contains(".") { return nil }
        return (String(parts[1]), String(parts[2]))
    }
}

/// The per-session transports of sockjs-protocol.
enum SockJSTransportKind: String, Sendable, CaseIterable {
    case websocket
    case xhr
    case xhrStreaming = "xhr_streaming"
    case xhrSend = "xhr_send"
    case eventsource
    case htmlfile
    case jsonp
    case jsonpSend = "jsonp_send"

    /// The methods sockjs-go maps for this transport, in its table's order.
    var methods: [String] {
        switch self {
        case .websocket, .eventsource, .htmlfile: ["GET"]
        case .xhr, .xhrStreaming, .xhrSend: ["POST", "OPTIONS"]
        case .jsonp: ["GET", "OPTIONS"]
        case .jsonpSend: ["POST"]
        }
    }
}
