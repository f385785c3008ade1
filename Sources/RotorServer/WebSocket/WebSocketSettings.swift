/// How one upgraded WebSocket connection behaves below the client protocol: limits, compression, keepalive.
struct WebSocketSettings: Sendable {
    /// The largest inbound message (after decompression); larger ones close with 1009.
    var messageSizeLimit: Int
    /// Negotiated permessage-deflate, if any.
    var deflate: PerMessageDeflateOffer?
    /// zlib level for outbound messages.
    var compressionLevel = 1
    /// Outbound messages compress only when longer than this (0: all), as gorilla's `EnableWriteCompression`
    /// switch is used by Centrifugo.
    var compressionMinSize = 0
    /// WebSocket Ping frames are sent at this interval (nil: never).
    var pingInterval: Duration?
    /// The connection is dropped when no Pong came within this long (the read deadline; nil: none).
    var pongWait: Duration?
    /// An empty text frame precedes every Ping (uni_websocket with protocol v1).
    var emptyTextBeforePing = false
    /// Text messages must be valid UTF-8 (else close 1007); the client protocol itself does not check.
    var validatesUTF8 = false
    /// How long the server waits for the client's Close after sending its own before dropping TCP.
    var closeWait: Duration = .seconds(5)
}
