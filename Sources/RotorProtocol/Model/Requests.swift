import NIOCore
import OrderedCollections

/// Authenticate the connection (`connect`); also the bare first message of unidirectional transports.
public struct ConnectRequest: ProtocolMessage {
    /// The connection JWT.
    public var token: String
    /// Custom data for the connect proxy.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?
    /// Channels to subscribe server-side, with recovery state.
    public var subs: OrderedDictionary<String, SubscribeRequest>
    /// The client name.
    public var name: String
    /// The client version.
    public var version: String

    /// Creates a `ConnectRequest`; omitted fields are zero.
    public init(
        token: String = "",
        data: ByteBuffer = ByteBuffer(),
        subs: OrderedDictionary<String, SubscribeRequest> = [:],
        name: String = "",
        version: String = ""
    ) {
        self.token = token
        self._data = data.readableBytes > 0 ? data : nil
        self.subs = subs
        self.name = name
        self.version = version
    }

    /// Creates the empty message.
    public init() { self.init(token: "") }

    /// The fields of `ConnectRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "token"), (2, "data"), (3, "subs"), (4, "name"), (5, "version")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.token, field: 1, key: "token")
        try visitor.visitRaw(self._data, field: 2, key: "data")
        try visitor.visitMap(self.subs, field: 3, key: "subs", always: false)
        visitor.visitString(self.name, field: 4, key: "name")
        visitor.visitString(self.version, field: 5, key: "version")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.token = try decoder.decodeString()
        case 2: self.data = try decoder.decodeRaw()
        case 3: try decoder.decodeMap(&self.subs)
        case 4: self.name = try decoder.decodeString()
        case 5: self.version = try decoder.decodeString()
        default: break
        }
    }
}

/// Subscribe to a channel (`subscribe`).
public struct SubscribeRequest: ProtocolMessage {
    /// The channel.
    public var channel: String
    /// The subscription JWT.
    public var token: String
    /// Recover missed publications since `epoch`/`offset`.
    public var recover: Bool
    /// Last seen epoch.
    public var epoch: String
    /// Last seen offset.
    public var offset: UInt64
    /// Custom data for the subscribe proxy.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?
    /// Ask for positioning.
    public var positioned: Bool
    /// Ask for recovery support.
    public var recoverable: Bool
    /// Ask for join/leave pushes.
    public var joinLeave: Bool

    /// Creates a `SubscribeRequest`; omitted fields are zero.
    public init(
        channel: String = "",
        token: String = "",
        recover: Bool = false,
        epoch: String = "",
        offset: UInt64 = 0,
        data: ByteBuffer = ByteBuffer(),
        positioned: Bool = false,
        recoverable: Bool = false,
        joinLeave: Bool = false
    ) {
        self.channel = channel
        self.token = token
        self.recover = recover
        self.epoch = epoch
        self.offset = offset
        self._data = data.readableBytes > 0 ? data : nil
        self.positioned = positioned
        self.recoverable = recoverable
        self.joinLeave = joinLeave
    }

    /// Creates the empty message.
    public init() { self.init(channel: "") }

    /// The fields of `SubscribeRequest` by number and JSON key.
    public static let fieldTable = FieldTable([
        (1, "channel"),
        (2, "token"),
        (3, "recover"),
        (6, "epoch"),
        (7, "offset"),
        (8, "data"),
        (9, "positioned"),
        (10, "recoverable"),
        (11, "join_leave"),
    ])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.channel, field: 1, key: "channel")
        visitor.visitString(self.token, field: 2, key: "token")
        visitor.visitBool(self.recover, field: 3, key: "recover")
        visitor.visitString(self.epoch, field: 6, key: "epoch")
        visitor.visitUInt64(self.offset, field: 7, key: "offset")
        try visitor.visitRaw(self._data, field: 8, key: "data")
        visitor.visitBool(self.positioned, field: 9, key: "positioned")
        visitor.visitBool(self.recoverable, field: 10, key: "recoverable")
        visitor.visitBool(self.joinLeave, field: 11, key: "join_leave")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.channel = try decoder.decodeString()
        case 2: self.token = try decoder.decodeString()
        case 3: self.recover = try decoder.decodeBool()
        case 6: self.epoch = try decoder.decodeString()
        case 7: self.offset = try decoder.decodeUInt64()
        case 8: self.data = try decoder.decodeRaw()
        case 9: self.positioned = try decoder.decodeBool()
        case 10: self.recoverable = try decoder.decodeBool()
        case 11: self.joinLeave = try decoder.decodeBool()
        default: break
        }
    }
}

/// Unsubscribe from a channel (`unsubscribe`).
public struct UnsubscribeRequest: ProtocolMessage {
    /// The channel.
    public var channel: String

    /// Creates a `UnsubscribeRequest`; omitted fields are zero.
    public init(channel: String = "") {
        self.channel = channel
    }

    /// Creates the empty message.
    public init() { self.init(channel: "") }

    /// The fields of `UnsubscribeRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "channel")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.channel, field: 1, key: "channel")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.channel = try decoder.decodeString()
        default: break
        }
    }
}

/// Publish into a channel (`publish`).
public struct PublishRequest: ProtocolMessage {
    /// The channel.
    public var channel: String
    /// The payload.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?

    /// Creates a `PublishRequest`; omitted fields are zero.
    public init(channel: String = "", data: ByteBuffer = ByteBuffer()) {
        self.channel = channel
        self._data = data.readableBytes > 0 ? data : nil
    }

    /// Creates the empty message.
    public init() { self.init(channel: "") }

    /// The fields of `PublishRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "channel"), (2, "data")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.channel, field: 1, key: "channel")
        try visitor.visitRaw(self._data, field: 2, key: "data")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.channel = try decoder.decodeString()
        case 2: self.data = try decoder.decodeRaw()
        default: break
        }
    }
}

/// Ask who is in a channel (`presence`).
public struct PresenceRequest: ProtocolMessage {
    /// The channel.
    public var channel: String

    /// Creates a `PresenceRequest`; omitted fields are zero.
    public init(channel: String = "") {
        self.channel = channel
    }

    /// Creates the empty message.
    public init() { self.init(channel: "") }

    /// The fields of `PresenceRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "channel")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.channel, field: 1, key: "channel")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.channel = try decoder.decodeString()
        default: break
        }
    }
}

/// Ask how many are in a channel (`presence_stats`).
public struct PresenceStatsRequest: ProtocolMessage {
    /// The channel.
    public var channel: String

    /// Creates a `PresenceStatsRequest`; omitted fields are zero.
    public init(channel: String = "") {
        self.channel = channel
    }

    /// Creates the empty message.
    public init() { self.init(channel: "") }

    /// The fields of `PresenceStatsRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "channel")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.channel, field: 1, key: "channel")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.channel = try decoder.decodeString()
        default: break
        }
    }
}

/// Read a channel stream (`history`).
public struct HistoryRequest: ProtocolMessage {
    /// The channel.
    public var channel: String
    /// How many publications; 0 = position only.
    public var limit: Int32
    /// Return publications after this position.
    public var since: StreamPosition?
    /// Newest first.
    public var reverse: Bool

    /// Creates a `HistoryRequest`; omitted fields are zero.
    public init(channel: String = "", limit: Int32 = 0, since: StreamPosition? = nil, reverse: Bool = false) {
        self.channel = channel
        self.limit = limit
        self.since = since
        self.reverse = reverse
    }

    /// Creates the empty message.
    public init() { self.init(channel: "") }

    /// The fields of `HistoryRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "channel"), (7, "limit"), (8, "since"), (9, "reverse")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.channel, field: 1, key: "channel")
        visitor.visitInt32(self.limit, field: 7, key: "limit")
        try visitor.visitOptional(self.since, field: 8, key: "since")
        visitor.visitBool(self.reverse, field: 9, key: "reverse")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.channel = try decoder.decodeString()
        case 7: self.limit = try decoder.decodeInt32()
        case 8: try decoder.decodeMessage(&self.since)
        case 9: self.reverse = try decoder.decodeBool()
        default: break
        }
    }
}

/// The v2 `ping` command (always answered with error 108 by v4.1).
public struct PingRequest: ProtocolMessage {

    /// Creates the empty message.
    public init() {}

    /// The fields of `PingRequest` by number and JSON key.
    public static let fieldTable = FieldTable([])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
    }
}

/// An asynchronous message to the server (`send`), never replied to.
public struct SendRequest: ProtocolMessage {
    /// The payload.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?

    /// Creates a `SendRequest`; omitted fields are zero.
    public init(data: ByteBuffer = ByteBuffer()) {
        self._data = data.readableBytes > 0 ? data : nil
    }

    /// Creates the empty message.
    public init() { self.init(data: ByteBuffer()) }

    /// The fields of `SendRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "data")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        try visitor.visitRaw(self._data, field: 1, key: "data")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.data = try decoder.decodeRaw()
        default: break
        }
    }
}

/// A remote procedure call (`rpc`).
public struct RPCRequest: ProtocolMessage {
    /// The payload.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?
    /// The method name.
    public var method: String

    /// Creates a `RPCRequest`; omitted fields are zero.
    public init(data: ByteBuffer = ByteBuffer(), method: String = "") {
        self._data = data.readableBytes > 0 ? data : nil
        self.method = method
    }

    /// Creates the empty message.
    public init() { self.init(data: ByteBuffer()) }

    /// The fields of `RPCRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "data"), (2, "method")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        try visitor.visitRaw(self._data, field: 1, key: "data")
        visitor.visitString(self.method, field: 2, key: "method")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.data = try decoder.decodeRaw()
        case 2: self.method = try decoder.decodeString()
        default: break
        }
    }
}

/// Refresh the connection token (`refresh`).
public struct RefreshRequest: ProtocolMessage {
    /// The new connection JWT.
    public var token: String

    /// Creates a `RefreshRequest`; omitted fields are zero.
    public init(token: String = "") {
        self.token = token
    }

    /// Creates the empty message.
    public init() { self.init(token: "") }

    /// The fields of `RefreshRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "token")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.token, field: 1, key: "token")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.token = try decoder.decodeString()
        default: break
        }
    }
}

/// Refresh a subscription token (`sub_refresh`).
public struct SubRefreshRequest: ProtocolMessage {
    /// The channel.
    public var channel: String
    /// The new subscription JWT.
    public var token: String

    /// Creates a `SubRefreshRequest`; omitted fields are zero.
    public init(channel: String = "", token: String = "") {
        self.channel = channel
        self.token = token
    }

    /// Creates the empty message.
    public init() { self.init(channel: "") }

    /// The fields of `SubRefreshRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "channel"), (2, "token")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.channel, field: 1, key: "channel")
        visitor.visitString(self.token, field: 2, key: "token")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.channel = try decoder.decodeString()
        case 2: self.token = try decoder.decodeString()
        default: break
        }
    }
}
