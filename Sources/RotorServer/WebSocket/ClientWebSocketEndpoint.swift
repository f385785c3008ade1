import NIOCore
import NIOHTTP1
import RotorProtocol

/// `/connection/websocket` (`server.md` §7.1, spec §1): picks the protocol version (400 before the upgrade for
/// an unknown or disabled one), runs gorilla's upgrade checks (400/405/403), the encoding from the query or the
/// `centrifuge-json`/`centrifuge-protobuf` subprotocol, and permessage-deflate when `websocket_compression`.
struct ClientWebSocketEndpoint: DecidingWebSocketEndpoint {
    let context: ServerContext

    var name: String { "websocket" }
    var isRealtime: Bool { true }
    var maxFrameSize: Int {
        WebSocketEndpointSupport.messageLimit(context.configuration.bidirectional.websocketMessageSizeLimit)
    }

    func decide(_ request: HTTPRequest) -> WebSocketDecision {
        let client = context.configuration.client
        let version: ProtocolVersion
        switch ProtocolVersion.select(
            queryValue: request.queryValue("cf_protocol_version"),
            v1ByDefault: client.useClientProtocolV1ByDefault,
            v1Disabled: client.disableClientProtocolV1)
        {
        case .success(let selected): version = selected
        case .failure: return .refuse(WebSocketRefusal(status: .badRequest, text: "Bad Request"))
        }
        if let refusal = WebSocketUpgradeCheck.refusal(for: request, originCheck: context.originCheck) {
            return .refuse(refusal)
        }
        let subprotocol = ProtocolEncoding.negotiateSubprotocol(
            offered: WebSocketUpgradeCheck.subprotocols(of: request))
        let encoding = ProtocolEncoding.forWebSocket(
            format: request.queryValue("format"), cfProtocol: request.queryValue("cf_protocol"),
            subprotocol: subprotocol)
        var deflate: PerMessageDeflateOffer?
        if context.configuration.bidirectional.websocketCompression {
            deflate = PerMessageDeflateOffer.negotiate(request.head.headers["Sec-WebSocket-Extensions"])
        }
        return .accept(
            WebSocketAcceptance(version: version, encoding: encoding, subprotocol: subprotocol, deflate: deflate))
    }

    func upgraded(channel: any Channel, request: HTTPRequest) -> EventLoopFuture<Void> {
        guard case .accept(let acceptance) = decide(request) else { return channel.close() }
        let options = context.configuration.bidirectional
        var settings = WebSocketSettings(messageSizeLimit: maxFrameSize, deflate: acceptance.deflate)
        settings.compressionLevel = options.websocketCompressionLevel
        settings.compressionMinSize = options.websocketCompressionMinSize
        if acceptance.version == .v1 && options.websocketPingInterval > .zero {
            settings.pingInterval = options.websocketPingInterval
            settings.pongWait = options.websocketPingInterval + options.websocketPingInterval / 3
        }
        let session = ClientWebSocketSession(
            host: context.host, eventLoop: channel.eventLoop, version: acceptance.version,
            encoding: acceptance.encoding)
        return WebSocketEndpointSupport.install(
            on: channel, settings: settings, session: session,
            queueLimit: context.configuration.client.clientQueueMaxSize)
    }
}
