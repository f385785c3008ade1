import NIOCore
import NIOHTTP1
import NIOWebSocket

extension SockJSEndpoint {
    /// Upgrades only `GET /<server>/<session>/websocket` with a valid protocol version from an allowed origin;
    /// everything else reaches `handle` as plain HTTP.
    func negotiate(_ request: HTTPRequest) -> WebSocketNegotiation {
        guard webSocketSession(request) != nil, settings.version(of: request) != nil else {
            return .refuse(.badRequest, "Bad Request")
        }
        guard context.originCheck.allows(origin: request.header("Origin")) else {
            return .refuse(.forbidden, "Forbidden")
        }
        return .accept(HTTPHeaders())
    }

    /// A websocket route request that was not upgraded: 403 for a refused origin, else 400.
    func refuseUpgrade(_ request: HTTPRequest, responder: HTTPResponder) {
        var headers = HTTPHeaders()
        headers.add(name: "Sec-Websocket-Version", value: "13")
        if case .refuse(.forbidden, let text) = negotiate(request) {
            responder.respondText(.forbidden, text ?? "Forbidden", headers: headers)
        } else {
            responder.respondText(.badRequest, "Bad Request", headers: headers)
        }
    }

    /// The upgraded WebSocket carries one new session (never shared with other requests).
    func upgraded(channel: any Channel, request: HTTPRequest) -> EventLoopFuture<Void> {
        guard let id = webSocketSession(request), let version = settings.version(of: request) else {
            return channel.close()
        }
        return channel.eventLoop.makeCompletedFuture {
            let session = SockJSSession(
                id: id, eventLoop: channel.eventLoop, version: version, timing: settings.timing(for: version),
                maxWaitingBytes: settings.maxWaitingBytes, onClosed: { _ in })
            let receiver = SockJSWebSocketReceiver(channel: channel)
            let handler = SockJSWebSocketHandler(
                session: session, receiver: receiver, maxMessageSize: settings.maxMessageSize)
            try channel.pipeline.syncOperations.addHandler(handler)
            session.start(host: context.host)
            session.attach(receiver)
        }
    }

    /// The session id of a `GET …/<server>/<session>/websocket` request.
    private func webSocketSession(_ request: HTTPRequest) -> String? {
        guard request.method == "GET", request.path.hasPrefix(settings.prefix + "/") else { return nil }
        let path = String(request.path.dropFirst(settings.prefix.count))
        guard case .route(.session(let id, .websocket)) = SockJSRoute.resolve(method: "GET", path: path) else {
            return nil
        }
        return id
    }
}
