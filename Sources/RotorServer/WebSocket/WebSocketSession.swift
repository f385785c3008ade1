import NIOCore

/// What runs on top of a WebSocket connection: the bidirectional client protocol, uni_websocket, the test
/// echo. The connection handler calls it on the channel's event loop.
protocol WebSocketSession: AnyObject {
    /// The connection is ready; `connection` is the way back.
    func opened(_ connection: WebSocketConnectionHandler)
    /// A complete data message from the client.
    func received(_ message: ByteBuffer, binary: Bool)
    /// The channel's outbound buffer went over its high water mark.
    func becameUnwritable()
    /// The channel is gone (exactly once, when it goes inactive).
    func closed()
}
