import NIOCore
import NIOHTTP1
import RotorProtocol

/// `/connection/uni_websocket` (`server.md` §7.1, spec §12.1): protocol version from the query (an unknown one
/// gets an empty 400, a disabled v1 `Bad Request`), gorilla's upgrade checks, no subprotocols, JSON only,
/// permessage-deflate when `uni_websocket_compression`, WebSocket Pings every `uni_websocket_ping_interval`.
struct UniWebSocketEndpoint: DecidingWebSocketEndpoint {
    let context: ServerContext

    var name: String { "uni_websocket" }
    var isRealtime: Bool { true }
    var maxFrameSize: Int {
        WebSocketEndpointSupport.messageLimit(context.configuration.unidirectional.uniWebsocketMessageSizeLimit)
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
        case .failure(.unknownVersion): return .refuse(WebSocketRefusal(status: .badRequest, text: nil))
        case .failure(.v1Disabled): return .refuse(WebSocketRefusal(status: .badRequest, text: "Bad Request"))
        }
        if let refusal = WebSocketUpgradeCheck.refusal(for: request, originCheck: context.originCheck) {
            return .refuse(refusal)
        }
        var deflate: PerMessageDeflateOffer?
        if context.configuration.unidirectional.uniWebsocketCompression {
            deflate = PerMessageDeflateOffer.negotiate(request.head.headers["Sec-WebSocket-Extensions"])
        }
        return .accept(WebSocketAcceptance(version: version, deflate: deflate))
    }

    func upgraded(channel: any Channel, request: HTTPRequest) -> EventLoopFuture<Void> {
        guard case .accept(let acceptance) = decide(request) else { return channel.close() }
        let options = context.configuration.unidirectional
        var settings = WebSocketSettings(messageSizeLimit: maxFrameSize, deflate: acceptance.deflate)
        settings.compressionLevel = options.uniWebsocketCompressionLevel
        settings.compressionMinSize = options.uniWebsocketCompressionMinSize
        if options.uniWebsocketPingInterval > .zero {
            settings.pingInterval = options.uniWebsocketPingInterval
            settings.pongWait = options.uniWebsocketPingInterval * 10 / 9
            settings.emptyTextBeforePing = acceptance.version == .v1
        }
        let session = UniWebSocketSession(host: context.host, eventLoop: channel.eventLoop, version: acceptance.version)
        return WebSocketEndpointSupport.install(
            on: channel, settings: settings, session: session,
            queueLimit: context.configuration.client.clientQueueMaxSize)
    }
}
