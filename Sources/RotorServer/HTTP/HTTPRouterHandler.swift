import NIOCore
import NIOHTTP1

/// The last handler of an HTTP connection: matches each request to an endpoint of its listener's
/// `RouteTable`, applies the connection limiter to real-time endpoints, reads the body within the endpoint's
/// limit and hands the request over with a `HTTPResponder`.
final class HTTPRouterHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Body bound for endpoints without their own (the API, health …).
    static let defaultMaxBodySize = 16 << 20

    private enum State {
        case idle
        case reading(HTTPRequestHead, any HTTPEndpoint, ByteBuffer, limit: Int)
        /// The body went over the limit: 413 was sent; the rest of the request is ignored.
        case discarding
        case responding(HTTPResponder)
    }

    let routes: RouteTable
    let limiter: ConnectionLimiter?
    private var state = State.idle
    /// The WebSocket upgrade check already consulted the limiter and was refused: answer 503.
    private var refusedByLimiter = false

    init(routes: RouteTable, limiter: ConnectionLimiter?) {
        self.routes = routes
        self.limiter = limiter
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard case .idle = state else { return }
            let path = HTTPRequest.split(head.uri).path
            guard let endpoint = routes.endpoint(for: path) else {
                let responder = makeResponder(context: context, head: head)
                state = .responding(responder)
                responder.respondText(.notFound, "404 page not found")
                return
            }
            if refusedByLimiter || (endpoint.isRealtime && limiter?.admit(endpoint: endpoint.name) != nil) {
                refusedByLimiter = false
                let responder = makeResponder(context: context, head: head)
                state = .responding(responder)
                responder.respond(status: .serviceUnavailable)
                return
            }
            let limit = endpoint.maxBodySize ?? Self.defaultMaxBodySize
            state = .reading(head, endpoint, context.channel.allocator.buffer(capacity: 0), limit: limit)
        case .body(var part):
            guard case .reading(let head, let endpoint, var body, let limit) = state else { return }
            if body.readableBytes + part.readableBytes > limit {
                let responder = makeResponder(context: context, head: head, forceClose: true)
                state = .discarding
                responder.respondText(.payloadTooLarge, "Request Entity Too Large")
                return
            }
            state = .idle
            body.writeBuffer(&part)
            state = .reading(head, endpoint, body, limit: limit)
        case .end:
            switch state {
            case .reading(let head, let endpoint, let body, _):
                let responder = makeResponder(context: context, head: head)
                state = .responding(responder)
                let request = HTTPRequest(
                    head: head, body: body, remoteAddress: context.channel.remoteAddress?.description ?? "")
                endpoint.handle(request, responder: responder)
            case .discarding:
                context.close(promise: nil)
            default:
                break
            }
        }
    }

    /// Called by the WebSocket upgrade check when the limiter refused the request it is about to pass on.
    func refuseNextRequest() {
        refusedByLimiter = true
    }

    func channelInactive(context: ChannelHandlerContext) {
        if case .responding(let responder) = state {
            responder.clientWentAway()
        }
        state = .idle
        context.fireChannelInactive()
    }

    private func makeResponder(
        context: ChannelHandlerContext, head: HTTPRequestHead, forceClose: Bool = false
    ) -> HTTPResponder {
        HTTPResponder(context: context, head: head) { [weak self] keepOpen in
            guard let self else { return }
            if case .discarding = self.state { return }
            self.state = .idle
            if !keepOpen || forceClose { context.close(promise: nil) }
        }
    }
}
