import NIOCore
import RotorConfig
import RotorProtocol

/// The SockJS endpoint's options, read once from the configuration.
struct SockJSSettings: Sendable {
    /// `sockjs_handler_prefix` without trailing slashes.
    var prefix: String
    /// `sockjs_url`: the client script the iframe page loads.
    var clientURL: String
    /// `sockjs_heartbeat_delay` (0 means the 25 s default); used by protocol v1 sessions only.
    var heartbeatDelay: TimeAmount
    /// Sessions without a receiver close after this long.
    var disconnectDelay: TimeAmount = .seconds(5)
    /// A streaming response ends after this many body bytes (the client then opens a new one).
    var responseLimit = 128 * 1024
    /// `client_queue_max_size`: the bound of messages waiting for a poll.
    var maxWaitingBytes: Int
    /// `use_client_protocol_v1_by_default`.
    var v1ByDefault: Bool
    /// `disable_client_protocol_v1`.
    var v1Disabled: Bool
    /// `websocket_message_size_limit`: the largest WebSocket message read.
    var maxMessageSize: Int

    /// The settings of `configuration`.
    init(configuration: RotorConfiguration) {
        prefix = RouteTable.normalised(configuration.http.sockjsHandlerPrefix)
        if prefix == "/" { prefix = "" }
        clientURL = configuration.bidirectional.sockjsURL
        let heartbeat = configuration.bidirectional.sockjsHeartbeatDelay
        heartbeatDelay = heartbeat > .zero ? Self.timeAmount(heartbeat) : .seconds(25)
        maxWaitingBytes = configuration.client.clientQueueMaxSize
        v1ByDefault = configuration.client.useClientProtocolV1ByDefault
        v1Disabled = configuration.client.disableClientProtocolV1
        maxMessageSize = configuration.bidirectional.websocketMessageSizeLimit
    }

    /// Session timing for `version`: v1 gets SockJS heartbeats, v2 relies on application-level pings.
    func timing(for version: ProtocolVersion) -> SockJSSession.Timing {
        SockJSSession.Timing(disconnectDelay: disconnectDelay, heartbeatDelay: version == .v1 ? heartbeatDelay : nil)
    }

    /// The protocol version a request asks for, or nil when it must be refused (400).
    func version(of request: HTTPRequest) -> ProtocolVersion? {
        let query = request.queryValue("cf_protocol_version")
        return try? ProtocolVersion.select(queryValue: query, v1ByDefault: v1ByDefault, v1Disabled: v1Disabled).get()
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000)
    }
}
