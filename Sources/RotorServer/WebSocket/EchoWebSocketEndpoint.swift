import NIOCore
import NIOHTTP1

/// `/test/echo`, mounted only with test routes on: a strict RFC 6455/7692 echo server for the Autobahn
/// fuzzing client (text must be valid UTF-8, messages up to 16 MiB, permessage-deflate always offered).
struct EchoWebSocketEndpoint: DecidingWebSocketEndpoint {
    static let path = "/test/echo"
    static let messageLimit = 16 << 20

    var name: String { "echo" }
    var maxFrameSize: Int { Self.messageLimit }

    func decide(_ request: HTTPRequest) -> WebSocketDecision {
        if let refusal = WebSocketUpgradeCheck.refusal(for: request, originCheck: OriginCheck(allowedOrigins: ["*"])) {
            return .refuse(refusal)
        }
        let deflate = PerMessageDeflateOffer.negotiate(request.head.headers["Sec-WebSocket-Extensions"])
        return .accept(WebSocketAcceptance(deflate: deflate))
    }

    func upgraded(channel: any Channel, request: HTTPRequest) -> EventLoopFuture<Void> {
        guard case .accept(let acceptance) = decide(request) else { return channel.close() }
        var settings = WebSocketSettings(messageSizeLimit: Self.messageLimit, deflate: acceptance.deflate)
        settings.validatesUTF8 = true
        return WebSocketEndpointSupport.install(
            on: channel, settings: settings, session: EchoWebSocketSession(), queueLimit: 0)
    }
}
