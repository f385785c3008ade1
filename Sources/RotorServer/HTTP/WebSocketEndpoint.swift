import NIOCore
import NIOHTTP1

/// What a WebSocket endpoint decides about an upgrade request.
public enum WebSocketNegotiation: Sendable {
    /// Upgrade, adding these response headers (subprotocol, extensions).
    case accept(HTTPHeaders)
    /// Answer with this status and plain-text body instead (`nil` text: empty body).
    case refuse(HTTPResponseStatus, String?)
}

/// An endpoint served over WebSocket (`/connection/websocket`, `/connection/uni_websocket`, the test echo
/// route). The upgrade handler asks `negotiate`; a refused or non-upgrade request reaches the endpoint's
/// `handle` as plain HTTP.
public protocol WebSocketEndpoint: HTTPEndpoint {
    /// The largest frame the WebSocket decoder accepts for this endpoint.
    var maxFrameSize: Int { get }
    /// Decides the upgrade from the request head (called again when the pipeline is set up, so it must be a
    /// pure function of the head).
    func negotiate(_ request: HTTPRequest) -> WebSocketNegotiation
    /// Adds the endpoint's handlers to the upgraded channel (the frame encoder and decoder are in place).
    func upgraded(channel: any Channel, request: HTTPRequest) -> EventLoopFuture<Void>
}
