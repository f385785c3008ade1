import NIOHTTP1

/// The CORS middleware of the streaming endpoints (`server.md` §7.3): it never blocks; when the origin check
/// passes it echoes `Origin` (empty when absent) and `Access-Control-Request-Headers`, and allows credentials.
enum CORSHeaders {
    /// The CORS response headers for `request`, in Go's sorted header order; empty when the origin is refused.
    static func headers(for request: HTTPRequest, originCheck: OriginCheck) -> HTTPHeaders {
        var headers = HTTPHeaders()
        let origin = request.header("Origin")
        guard originCheck.allows(origin: origin) else { return headers }
        headers.add(name: "Access-Control-Allow-Credentials", value: "true")
        if let requested = request.header("Access-Control-Request-Headers"), !requested.isEmpty, requested != "null" {
            headers.add(name: "Access-Control-Allow-Headers", value: requested)
        }
        headers.add(name: "Access-Control-Allow-Origin", value: origin ?? "")
        return headers
    }
}
