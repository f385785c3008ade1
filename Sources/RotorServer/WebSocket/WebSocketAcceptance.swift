import NIOCore
import NIOHTTP1
import RotorProtocol

/// What an endpoint decided about an upgrade request it accepts: the connection's protocol version and
/// encoding, the answered subprotocol and the negotiated compression.
struct WebSocketAcceptance: Sendable {
    var version: ProtocolVersion = .v2
    var encoding: ProtocolEncoding = .json
    var subprotocol: String?
    var deflate: PerMessageDeflateOffer?

    /// The headers added to the 101 response.
    var responseHeaders: HTTPHeaders {
        var headers = HTTPHeaders()
        if let subprotocol { headers.add(name: "Sec-WebSocket-Protocol", value: subprotocol) }
        if let deflate { headers.add(name: "Sec-WebSocket-Extensions", value: deflate.responseHeader) }
        return headers
    }
}

/// An endpoint's decision on a request to its path.
enum WebSocketDecision: Sendable {
    case accept(WebSocketAcceptance)
    case refuse(WebSocketRefusal)

    /// The decision as the upgrade handler wants it.
    var negotiation: WebSocketNegotiation {
        switch self {
        case .accept(let acceptance): .accept(acceptance.responseHeaders)
        case .refuse(let refusal): .refuse(refusal.status, refusal.text)
        }
    }

    /// Answers a request that was not upgraded: the refusal, or gorilla's 400 for a handshake NIO could not
    /// complete (a list-valued key, say).
    func answer(with responder: HTTPResponder) {
        switch self {
        case .refuse(let refusal): refusal.send(with: responder)
        case .accept: WebSocketUpgradeCheck.upgraderError(.badRequest).send(with: responder)
        }
    }
}

/// Helpers shared by the WebSocket endpoints.
enum WebSocketEndpointSupport {
    /// The effective inbound message limit: 0 means the 65 536-byte default, a negative value no limit.
    static func messageLimit(_ configured: Int) -> Int {
        if configured == 0 { return 65536 }
        return configured < 0 ? Int(UInt32.max) : configured
    }

    /// Installs the connection handler for `session` on an upgraded channel (on its event loop), with the
    /// channel's outbound buffer bounded by `queueLimit` (`client_queue_max_size`; 0: NIO's default): going over
    /// it makes the client slow.
    static func install(
        on channel: any Channel, settings: WebSocketSettings, session: any WebSocketSession, queueLimit: Int
    ) -> EventLoopFuture<Void> {
        channel.eventLoop.makeCompletedFuture {
            if queueLimit > 0 {
                try channel.syncOptions?.setOption(
                    .writeBufferWaterMark, value: .init(low: queueLimit / 2, high: queueLimit))
            }
            try channel.pipeline.syncOperations.addHandler(
                WebSocketConnectionHandler(settings: settings, session: session))
        }
    }
}

/// A WebSocket endpoint whose whole upgrade decision is one pure function of the request: the upgrader and the
/// plain-HTTP answer (a refusal, or 400 for a request that is not an upgrade) both come from `decide`.
protocol DecidingWebSocketEndpoint: WebSocketEndpoint {
    /// Accept (with the negotiated version, encoding, subprotocol, compression) or refuse `request`.
    func decide(_ request: HTTPRequest) -> WebSocketDecision
}

extension DecidingWebSocketEndpoint {
    /// The upgrader's view of `decide`.
    func negotiate(_ request: HTTPRequest) -> WebSocketNegotiation {
        decide(request).negotiation
    }

    /// A request that reached the router: refused, or not an upgrade.
    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        decide(request).answer(with: responder)
    }
}
