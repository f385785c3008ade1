import NIOHTTP1

/// An upgrade request the server answers with plain HTTP instead of switching protocols.
struct WebSocketRefusal: Sendable {
    /// The status.
    var status: HTTPResponseStatus
    /// The body text (Go's `http.Error` adds a line feed), or nil for an empty body.
    var text: String?
    /// Extra response headers.
    var headers = HTTPHeaders()

    /// Writes the refusal.
    func send(with responder: HTTPResponder) {
        if let text {
            responder.respondText(status, text, headers: headers)
        } else {
            responder.respond(status: status, headers: headers)
        }
    }
}

/// The checks gorilla/websocket's `Upgrader.Upgrade` makes, in its order, with its answers (`server.md` §7.1):
/// `Connection: upgrade`, `Upgrade: websocket`, `GET`, `Sec-WebSocket-Version: 13`, the origin check and a
/// `Sec-WebSocket-Key`. Every refusal carries `Sec-Websocket-Version: 13` and the status text as body.
enum WebSocketUpgradeCheck {
    /// Why `request` cannot be upgraded, or nil when it can.
    static func refusal(for request: HTTPRequest, originCheck: OriginCheck) -> WebSocketRefusal? {
        let headers = request.head.headers
        if !containsToken(headers, "Connection", "upgrade") || !containsToken(headers, "Upgrade", "websocket") {
            return upgraderError(.badRequest)
        }
        if request.head.method != .GET { return upgraderError(.methodNotAllowed) }
        if !containsToken(headers, "Sec-WebSocket-Version", "13") { return upgraderError(.badRequest) }
        if !originCheck.allows(origin: headers.first(name: "Origin")) { return upgraderError(.forbidden) }
        if (headers.first(name: "Sec-WebSocket-Key") ?? "").isEmpty { return upgraderError(.badRequest) }
        return nil
    }

    /// The client's subprotocols (`Sec-WebSocket-Protocol`, comma-separated, over every header line).
    static func subprotocols(of request: HTTPRequest) -> [String] {
        tokens(request.head.headers, "Sec-WebSocket-Protocol")
    }

    static func upgraderError(_ status: HTTPResponseStatus) -> WebSocketRefusal {
        WebSocketRefusal(
            status: status, text: status.reasonPhrase, headers: HTTPHeaders([("Sec-Websocket-Version", "13")]))
    }

    /// Whether a comma-separated header contains `token` (case-insensitive).
    static func containsToken(_ headers: HTTPHeaders, _ name: String, _ token: String) -> Bool {
        tokens(headers, name).contains { $0.lowercased() == token }
    }

    static func tokens(_ headers: HTTPHeaders, _ name: String) -> [String] {
        var result: [String] = []
        for value in headers[name] {
            for part in value.split(separator: ",") {
                let trimmed = part.drop { $0 == " " || $0 == "\t" }
                var token = Substring(trimmed)
                while let last = token.last, last == " " || last == "\t" { token.removeLast() }
                if !token.isEmpty { result.append(String(token)) }
            }
        }
        return result
    }
}
