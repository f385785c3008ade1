import NIOCore
import NIOHTTP1
import RotorProtocol

/// `<sockjs_handler_prefix>/…`: the deprecated SockJS server (`client-protocol.md` §13.5), serving sockjs-protocol
/// 0.3.3 the way Centrifugo v4.1.5 does through sockjs-go v3. Each session is one client connection of the node;
/// each SockJS message from the client is one frame of JSON commands.
struct SockJSEndpoint: WebSocketEndpoint {
    let context: ServerContext
    let settings: SockJSSettings
    /// Sessions of protocol v1 and v2 (separate tables, as the reference has one SockJS handler per version).
    let v1Sessions = SockJSSessionRegistry()
    let v2Sessions = SockJSSessionRegistry()

    init(context: ServerContext) {
        self.context = context
        self.settings = SockJSSettings(configuration: context.configuration)
    }

    var name: String { "SockJS" }
    var isRealtime: Bool { true }
    var maxFrameSize: Int { settings.maxMessageSize }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        if request.path == settings.prefix {
            redirectToSubtree(request, responder: responder)
            return
        }
        guard let version = settings.version(of: request) else {
            responder.respondText(.badRequest, "Bad Request")
            return
        }
        let path = String(request.path.dropFirst(settings.prefix.count))
        switch SockJSRoute.resolve(method: request.method, path: path) {
        case .notFound:
            responder.respondText(.notFound, "404 page not found")
        case .methodNotAllowed(let allowed):
            var headers = HTTPHeaders()
            headers.add(name: "Allow", value: allowed.joined(separator: ", "))
            headers.add(name: "Content-Type", value: "")
            responder.respond(status: .methodNotAllowed, headers: headers)
        case .route(.greeting):
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: "text/plain;charset=UTF-8")
            responder.respond(status: .ok, headers: headers, body: ByteBuffer(string: "Welcome to SockJS!\n"))
        case .route(.info):
            info(request, responder: responder)
        case .route(.iframe):
            iframe(request, responder: responder)
        case .route(.session(let id, let transport)):
            serve(transport, session: id, version: version, request: request, responder: responder)
        }
    }

    private func serve(
        _ transport: SockJSTransportKind, session id: String, version: ProtocolVersion, request: HTTPRequest,
        responder: HTTPResponder
    ) {
        if request.method == "OPTIONS" {
            preflight(request, responder: responder)
            return
        }
        switch transport {
        case .websocket: refuseUpgrade(request, responder: responder)
        case .xhr: poll(session: id, version: version, request: request, responder: responder)
        case .xhrStreaming, .eventsource, .htmlfile, .jsonp:
            stream(transport, session: id, version: version, request: request, responder: responder)
        case .xhrSend: xhrSend(session: id, version: version, request: request, responder: responder)
        case .jsonpSend: jsonpSend(session: id, version: version, request: request, responder: responder)
        }
    }

    /// The session table of `version`.
    func registry(_ version: ProtocolVersion) -> SockJSSessionRegistry {
        version == .v1 ? v1Sessions : v2Sessions
    }

    /// The headers of the XHR-style routes: CORS, and caching forbidden.
    func xhrHeaders(_ request: HTTPRequest, contentType: String? = nil) -> HTTPHeaders {
        var headers = HTTPHeaders()
        SockJSHeaders.cors(request, check: context.originCheck, into: &headers)
        SockJSHeaders.noCache(into: &headers)
        if let contentType { headers.replaceOrAdd(name: "Content-Type", value: contentType) }
        return headers
    }
}
