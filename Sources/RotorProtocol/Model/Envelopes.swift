import NIOCore
import OrderedCollections

/// A client → server message: a command id and the request, or the v1 `method`/`params` envelope (spec §2.2, §3).
public struct Command: ProtocolMessage {
    /// The command id; 0 for pongs and `send`.
    public var id: UInt32
    /// v1: the method number (`V1Method`).
    public var method: Int32
    /// v1: the encoded request message.
    public var params: ByteBuffer {
        get { _params ?? ByteBuffer() }
        set { _params = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `params`: nil when empty, so copies of an absent payload cost nothing.
    private var _params: ByteBuffer?
    /// Request: connect.
    public var connect: ConnectRequest?
    /// Request: subscribe.
    public var subscribe: SubscribeRequest?
    /// Request: unsubscribe.
    public var unsubscribe: UnsubscribeRequest?
    /// Request: publish.
    public var publish: PublishRequest?
    /// Request: presence.
    public var presence: PresenceRequest?
    /// Request: presence stats.
    public var presenceStats: PresenceStatsRequest?
    /// Request: history.
    public var history: HistoryRequest?
    /// Request: ping.
    public var ping: PingRequest?
    /// Request: send.
    public var send: SendRequest?
    /// Request: rpc.
    public var rpc: RPCRequest?
    /// Request: refresh.
    public var refresh: RefreshRequest?
    /// Request: sub refresh.
    public var subRefresh: SubRefreshRequest?

    /// Creates a `Command`; omitted fields are zero.
    public init(
        id: UInt32 = 0,
        method: Int32 = 0,
        params: ByteBuffer = ByteBuffer(),
        connect: ConnectRequest? = nil,
        subscribe: SubscribeRequest? = nil,
        unsubscribe: UnsubscribeRequest? = nil,
        publish: PublishRequest? = nil,
        presence: PresenceRequest? = nil,
        presenceStats: PresenceStatsRequest? = nil,
        history: HistoryRequest? = nil,
        ping: PingRequest? = nil,
        send: SendRequest? = nil,
        rpc: RPCRequest? = nil,
        refresh: RefreshRequest? = nil,
        subRefresh: SubRefreshRequest? = nil
    ) {
        self.id = id
        self.method = method
        self._params = params.readableBytes > 0 ? params : nil
        self.connect = connect
        self.subscribe = subscribe
        self.unsubscribe = unsubscribe
        self.publish = publish
        self.presence = presence
        self.presenceStats = presenceStats
        self.history = history
        self.ping = ping
        self.send = send
        self.rpc = rpc
        self.refresh = refresh
        self.subRefresh = subRefresh
    }

    /// Creates the empty message.
    public init() { self.init(id: 0) }

    /// The fields of `Command` by number and JSON key.
    public static let fieldTable = FieldTable([
        (1, "id"),
        (2, "method"),
        (3, "params"),
        (4, "connect"),
        (5, "subscribe"),
        (6, "unsubscribe"),
        (7, "publish"),
        (8, "presence"),
        (9, "presence_stats"),
        (10, "history"),
        (11, "ping"),
        (12, "send"),
        (13, "rpc"),
        (14, "refresh"),
        (15, "sub_refresh"),
    ])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitUInt32(self.id, field: 1, key: "id")
        visitor.visitInt32(self.method, field: 2, key: "method")
        try visitor.visitRaw(self._params, field: 3, key: "params")
        try visitor.visitOptional(self.connect, field: 4, key: "connect")
        try visitor.visitOptional(self.subscribe, field: 5, key: "subscribe")
        try visitor.visitOptional(self.unsubscribe, field: 6, key: "unsubscribe")
        try visitor.visitOptional(self.publish, field: 7, key: "publish")
        try visitor.visitOptional(self.presence, field: 8, key: "presence")
        try visitor.visitOptional(self.presenceStats, field: 9, key: "presence_stats")
        try visitor.visitOptional(self.history, field: 10, key: "history")
        try visitor.visitOptional(self.ping, field: 11, key: "ping")
        try visitor.visitOptional(self.send, field: 12, key: "send")
        try visitor.visitOptional(self.rpc, field: 13, key: "rpc")
        try visitor.visitOptional(self.refresh, field: 14, key: "refresh")
        try visitor.visitOptional(self.subRefresh, field: 15, key: "sub_refresh")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.id = try decoder.decodeUInt32()
        case 2: self.method = try decoder.decodeInt32()
        case 3: self.params = try decoder.decodeRaw()
        case 4: try decoder.decodeMessage(&self.connect)
        case 5: try decoder.decodeMessage(&self.subscribe)
        case 6: try decoder.decodeMessage(&self.unsubscribe)
        case 7: try decoder.decodeMessage(&self.publish)
        case 8: try decoder.decodeMessage(&self.presence)
        case 9: try decoder.decodeMessage(&self.presenceStats)
        case 10: try decoder.decodeMessage(&self.history)
        case 11: try decoder.decodeMessage(&self.ping)
        case 12: try decoder.decodeMessage(&self.send)
        case 13: try decoder.decodeMessage(&self.rpc)
        case 14: try decoder.decodeMessage(&self.refresh)
        case 15: try decoder.decodeMessage(&self.subRefresh)
        default: break
        }
    }
}

/// A server → client message on bidirectional transports: a command result, an error, a push, or (all empty) a ping (spec §2.3).
public struct Reply: ProtocolMessage {
    /// The id of the command answered; 0 for pushes and pings.
    public var id: UInt32
    /// The error, when the command failed.
    public var error: ReplyError?
    /// v1: the encoded result or push.
    public var result: ByteBuffer {
        get { _result ?? ByteBuffer() }
        set { _result = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `result`: nil when empty, so copies of an absent payload cost nothing.
    private var _result: ByteBuffer?
    /// An asynchronous push.
    public var push: Push?
    /// Result: connect.
    public var connect: ConnectResult?
    /// Result: subscribe.
    public var subscribe: SubscribeResult?
    /// Result: unsubscribe.
    public var unsubscribe: UnsubscribeResult?
    /// Result: publish.
    public var publish: PublishResult?
    /// Result: presence.
    public var presence: PresenceResult?
    /// Result: presence stats.
    public var presenceStats: PresenceStatsResult?
    /// Result: history.
    public var history: HistoryResult?
    /// Result: ping.
    public var ping: PingResult?
    /// Result: rpc.
    public var rpc: RPCResult?
    /// Result: refresh.
    public var refresh: RefreshResult?
    /// Result: sub refresh.
    public var subRefresh: SubRefreshResult?

    /// Creates a `Reply`; omitted fields are zero.
    public init(
        id: UInt32 = 0,
        error: ReplyError? = nil,
        result: ByteBuffer = ByteBuffer(),
        push: Push? = nil,
        connect: ConnectResult? = nil,
        subscribe: SubscribeResult? = nil,
        unsubscribe: UnsubscribeResult? = nil,
        publish: PublishResult? = nil,
        presence: PresenceResult? = nil,
        presenceStats: PresenceStatsResult? = nil,
        history: HistoryResult? = nil,
        ping: PingResult? = nil,
        rpc: RPCResult? = nil,
        refresh: RefreshResult? = nil,
        subRefresh: SubRefreshResult? = nil
    ) {
        self.id = id
        self.error = error
        self._result = result.readableBytes > 0 ? result : nil
        self.push = push
        self.connect = connect
        self.subscribe = subscribe
        self.unsubscribe = unsubscribe
        self.publish = publish
        self.presence = presence
        self.presenceStats = presenceStats
        self.history = history
        self.ping = ping
        self.rpc = rpc
        self.refresh = refresh
        self.subRefresh = subRefresh
    }

    /// Creates the empty message.
    public init() { self.init(id: 0) }

    /// The fields of `Reply` by number and JSON key.
    public static let fieldTable = FieldTable([
        (1, "id"),
        (2, "error"),
        (3, "result"),
        (4, "push"),
        (5, "connect"),
        (6, "subscribe"),
        (7, "unsubscribe"),
        (8, "publish"),
        (9, "presence"),
        (10, "presence_stats"),
        (11, "history"),
        (12, "ping"),
        (13, "rpc"),
        (14, "refresh"),
        (15, "sub_refresh"),
    ])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitUInt32(self.id, field: 1, key: "id")
        try visitor.visitOptional(self.error, field: 2, key: "error")
        try visitor.visitRaw(self._result, field: 3, key: "result")
        try visitor.visitOptional(self.push, field: 4, key: "push")
        try visitor.visitOptional(self.connect, field: 5, key: "connect")
        try visitor.visitOptional(self.subscribe, field: 6, key: "subscribe")
        try visitor.visitOptional(self.unsubscribe, field: 7, key: "unsubscribe")
        try visitor.visitOptional(self.publish, field: 8, key: "publish")
        try visitor.visitOptional(self.presence, field: 9, key: "presence")
        try visitor.visitOptional(self.presenceStats, field: 10, key: "presence_stats")
        try visitor.visitOptional(self.history, field: 11, key: "history")
        try visitor.visitOptional(self.ping, field: 12, key: "ping")
        try visitor.visitOptional(self.rpc, field: 13, key: "rpc")
        try visitor.visitOptional(self.refresh, field: 14, key: "refresh")
        try visitor.visitOptional(self.subRefresh, field: 15, key: "sub_refresh")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.id = try decoder.decodeUInt32()
        case 2: try decoder.decodeMessage(&self.error)
        case 3: self.result = try decoder.decodeRaw()
        case 4: try decoder.decodeMessage(&self.push)
        case 5: try decoder.decodeMessage(&self.connect)
        case 6: try decoder.decodeMessage(&self.subscribe)
        case 7: try decoder.decodeMessage(&self.unsubscribe)
        case 8: try decoder.decodeMessage(&self.publish)
        case 9: try decoder.decodeMessage(&self.presence)
        case 10: try decoder.decodeMessage(&self.presenceStats)
        case 11: try decoder.decodeMessage(&self.history)
        case 12: try decoder.decodeMessage(&self.ping)
        case 13: try decoder.decodeMessage(&self.rpc)
        case 14: try decoder.decodeMessage(&self.refresh)
        case 15: try decoder.decodeMessage(&self.subRefresh)
        default: break
        }
    }
}

/// An asynchronous server → client message (spec §2.4): bare on unidirectional transports, inside `Reply.push` otherwise.
public struct Push: ProtocolMessage {
    /// v1: the push type (`V1PushType`).
    public var type: Int32
    /// The channel, for channel-scoped pushes.
    public var channel: String
    /// v1: the encoded payload.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?
    /// Payload: publication.
    public var pub: Publication?
    /// Payload: join.
    public var join: Join?
    /// Payload: leave.
    public var leave: Leave?
    /// Payload: unsubscribe.
    public var unsubscribe: UnsubscribePush?
    /// Payload: message.
    public var message: MessagePush?
    /// Payload: subscribe.
    public var subscribe: SubscribePush?
    /// Payload: connect (unidirectional).
    public var connect: ConnectPush?
    /// Payload: disconnect.
    public var disconnect: DisconnectPush?
    /// Payload: refresh.
    public var refresh: RefreshPush?

    /// Creates a `Push`; omitted fields are zero.
    public init(
        type: Int32 = 0,
        channel: String = "",
        data: ByteBuffer = ByteBuffer(),
        pub: Publication? = nil,
        join: Join? = nil,
        leave: Leave? = nil,
        unsubscribe: UnsubscribePush? = nil,
        message: MessagePush? = nil,
        subscribe: SubscribePush? = nil,
        connect: ConnectPush? = nil,
        disconnect: DisconnectPush? = nil,
        refresh: RefreshPush? = nil
    ) {
        self.type = type
        self.channel = channel
        self._data = data.readableBytes > 0 ? data : nil
        self.pub = pub
        self.join = join
        self.leave = leave
        self.unsubscribe = unsubscribe
        self.message = message
        self.subscribe = subscribe
        self.connect = connect
        self.disconnect = disconnect
        self.refresh = refresh
    }

    /// Creates the empty message.
    public init() { self.init(type: 0) }

    /// The fields of `Push` by number and JSON key.
    public static let fieldTable = FieldTable([
        (1, "type"),
        (2, "channel"),
        (3, "data"),
        (4, "pub"),
        (5, "join"),
        (6, "leave"),
        (7, "unsubscribe"),
        (8, "message"),
        (9, "subscribe"),
        (10, "connect"),
        (11, "disconnect"),
        (12, "refresh"),
    ])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitInt32(self.type, field: 1, key: "type")
        visitor.visitString(self.channel, field: 2, key: "channel")
        try visitor.visitRaw(self._data, field: 3, key: "data")
        try visitor.visitOptional(self.pub, field: 4, key: "pub")
        try visitor.visitOptional(self.join, field: 5, key: "join")
        try visitor.visitOptional(self.leave, field: 6, key: "leave")
        try visitor.visitOptional(self.unsubscribe, field: 7, key: "unsubscribe")
        try visitor.visitOptional(self.message, field: 8, key: "message")
        try visitor.visitOptional(self.subscribe, field: 9, key: "subscribe")
        try visitor.visitOptional(self.connect, field: 10, key: "connect")
        try visitor.visitOptional(self.disconnect, field: 11, key: "disconnect")
        try visitor.visitOptional(self.refresh, field: 12, key: "refresh")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.type = try decoder.decodeInt32()
        case 2: self.channel = try decoder.decodeString()
        case 3: self.data = try decoder.decodeRaw()
        case 4: try decoder.decodeMessage(&self.pub)
        case 5: try decoder.decodeMessage(&self.join)
        case 6: try decoder.decodeMessage(&self.leave)
        case 7: try decoder.decodeMessage(&self.unsubscribe)
        case 8: try decoder.decodeMessage(&self.message)
        case 9: try decoder.decodeMessage(&self.subscribe)
        case 10: try decoder.decodeMessage(&self.connect)
        case 11: try decoder.decodeMessage(&self.disconnect)
        case 12: try decoder.decodeMessage(&self.refresh)
        default: break
        }
    }
}
