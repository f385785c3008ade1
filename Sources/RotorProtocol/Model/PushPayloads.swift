import NIOCore
import OrderedCollections

/// A client joined a channel (join/leave push).
public struct Join: ProtocolMessage {
    /// Who joined.
    public var info: ClientInfo?

    /// Creates a `Join`; omitted fields are zero.
    public init(info: ClientInfo? = nil) {
        self.info = info
    }

    /// Creates the empty message.
    public init() { self.init(info: nil) }

    /// The fields of `Join` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "info")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        try visitor.visitOptional(self.info, field: 1, key: "info")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: try decoder.decodeMessage(&self.info)
        default: break
        }
    }
}

/// A client left a channel (join/leave push).
public struct Leave: ProtocolMessage {
    /// Who left.
    public var info: ClientInfo?

    /// Creates a `Leave`; omitted fields are zero.
    public init(info: ClientInfo? = nil) {
        self.info = info
    }

    /// Creates the empty message.
    public init() { self.init(info: nil) }

    /// The fields of `Leave` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "info")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        try visitor.visitOptional(self.info, field: 1, key: "info")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: try decoder.decodeMessage(&self.info)
        default: break
        }
    }
}

/// The server ended a subscription (`Unsubscribe` in the schema; codes in spec §10.4).
public struct UnsubscribePush: ProtocolMessage {
    /// The unsubscribe code.
    public var code: UInt32
    /// The reason text.
    public var reason: String

    /// Creates a `UnsubscribePush`; omitted fields are zero.
    public init(code: UInt32 = 0, reason: String = "") {
        self.code = code
        self.reason = reason
    }

    /// Creates the empty message.
    public init() { self.init(code: 0) }

    /// The fields of `UnsubscribePush` by number and JSON key.
    public static let fieldTable = FieldTable([(2, "code"), (3, "reason")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitUInt32(self.code, field: 2, key: "code")
        visitor.visitString(self.reason, field: 3, key: "reason")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 2: self.code = try decoder.decodeUInt32()
        case 3: self.reason = try decoder.decodeString()
        default: break
        }
    }
}

/// The server subscribed the connection to a channel after connect (`Subscribe` in the schema).
public struct SubscribePush: ProtocolMessage {
    /// Recovery is enabled.
    public var recoverable: Bool
    /// The stream epoch.
    public var epoch: String
    /// The stream offset.
    public var offset: UInt64
    /// Positioning is enabled.
    public var positioned: Bool
    /// Custom data.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?

    /// Creates a `SubscribePush`; omitted fields are zero.
    public init(
        recoverable: Bool = false,
        epoch: String = "",
        offset: UInt64 = 0,
        positioned: Bool = false,
        data: ByteBuffer = ByteBuffer()
    ) {
        self.recoverable = recoverable
        self.epoch = epoch
        self.offset = offset
        self.positioned = positioned
        self._data = data.readableBytes > 0 ? data : nil
    }

    /// Creates the empty message.
    public init() { self.init(recoverable: false) }

    /// The fields of `SubscribePush` by number and JSON key.
    public static let fieldTable = FieldTable([
        (1, "recoverable"),
        (4, "epoch"),
        (5, "offset"),
        (6, "positioned"),
        (7, "data"),
    ])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitBool(self.recoverable, field: 1, key: "recoverable")
        visitor.visitString(self.epoch, field: 4, key: "epoch")
        visitor.visitUInt64(self.offset, field: 5, key: "offset")
        visitor.visitBool(self.positioned, field: 6, key: "positioned")
        try visitor.visitRaw(self._data, field: 7, key: "data")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.recoverable = try decoder.decodeBool()
        case 4: self.epoch = try decoder.decodeString()
        case 5: self.offset = try decoder.decodeUInt64()
        case 6: self.positioned = try decoder.decodeBool()
        case 7: self.data = try decoder.decodeRaw()
        default: break
        }
    }
}

/// An asynchronous message to the connection (`Message` in the schema).
public struct MessagePush: ProtocolMessage {
    /// The payload.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?

    /// Creates a `MessagePush`; omitted fields are zero.
    public init(data: ByteBuffer = ByteBuffer()) {
        self._data = data.readableBytes > 0 ? data : nil
    }

    /// Creates the empty message.
    public init() { self.init(data: ByteBuffer()) }

    /// The fields of `MessagePush` by number and JSON key.
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

/// The first message on a unidirectional transport (`Connect` in the schema); note its key order differs from `ConnectResult`.
public struct ConnectPush: ProtocolMessage {
    /// The client id.
    public var client: String
    /// The server version.
    public var version: String
    /// Custom data from the connect proxy.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?
    /// Server-side subscriptions.
    public var subs: OrderedDictionary<String, SubscribeResult>
    /// The connection expires.
    public var expires: Bool
    /// Seconds until expiry.
    public var ttl: UInt32
    /// Server ping interval in seconds.
    public var ping: UInt32
    /// The client must answer pings.
    public var pong: Bool
    /// The session id.
    public var session: String
    /// The node id.
    public var node: String

    /// Creates a `ConnectPush`; omitted fields are zero.
    public init(
        client: String = "",
        version: String = "",
        data: ByteBuffer = ByteBuffer(),
        subs: OrderedDictionary<String, SubscribeResult> = [:],
        expires: Bool = false,
        ttl: UInt32 = 0,
        ping: UInt32 = 0,
        pong: Bool = false,
        session: String = "",
        node: String = ""
    ) {
        self.client = client
        self.version = version
        self._data = data.readableBytes > 0 ? data : nil
        self.subs = subs
        self.expires = expires
        self.ttl = ttl
        self.ping = ping
        self.pong = pong
        self.session = session
        self.node = node
    }

    /// Creates the empty message.
    public init() { self.init(client: "") }

    /// The fields of `ConnectPush` by number and JSON key.
    public static let fieldTable = FieldTable([
        (1, "client"),
        (2, "version"),
        (3, "data"),
        (4, "subs"),
        (5, "expires"),
        (6, "ttl"),
        (7, "ping"),
        (8, "pong"),
        (9, "session"),
        (10, "node"),
    ])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.client, field: 1, key: "client")
        visitor.visitString(self.version, field: 2, key: "version")
        try visitor.visitRaw(self._data, field: 3, key: "data")
        try visitor.visitMap(self.subs, field: 4, key: "subs", always: false)
        visitor.visitBool(self.expires, field: 5, key: "expires")
        visitor.visitUInt32(self.ttl, field: 6, key: "ttl")
        visitor.visitUInt32(self.ping, field: 7, key: "ping")
        visitor.visitBool(self.pong, field: 8, key: "pong")
        visitor.visitString(self.session, field: 9, key: "session")
        visitor.visitString(self.node, field: 10, key: "node")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.client = try decoder.decodeString()
        case 2: self.version = try decoder.decodeString()
        case 3: self.data = try decoder.decodeRaw()
        case 4: try decoder.decodeMap(&self.subs)
        case 5: self.expires = try decoder.decodeBool()
        case 6: self.ttl = try decoder.decodeUInt32()
        case 7: self.ping = try decoder.decodeUInt32()
        case 8: self.pong = try decoder.decodeBool()
        case 9: self.session = try decoder.decodeString()
        case 10: self.node = try decoder.decodeString()
        default: break
        }
    }
}

/// The server closed the connection, on transports without close frames (`Disconnect` in the schema).
public struct DisconnectPush: ProtocolMessage {
    /// The disconnect code.
    public var code: UInt32
    /// The reason text.
    public var reason: String
    /// v1 only: whether to reconnect.
    public var reconnect: Bool

    /// Creates a `DisconnectPush`; omitted fields are zero.
    public init(code: UInt32 = 0, reason: String = "", reconnect: Bool = false) {
        self.code = code
        self.reason = reason
        self.reconnect = reconnect
    }

    /// Creates the empty message.
    public init() { self.init(code: 0) }

    /// The fields of `DisconnectPush` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "code"), (2, "reason"), (3, "reconnect")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitUInt32(self.code, field: 1, key: "code")
        visitor.visitString(self.reason, field: 2, key: "reason")
        visitor.visitBool(self.reconnect, field: 3, key: "reconnect")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.code = try decoder.decodeUInt32()
        case 2: self.reason = try decoder.decodeString()
        case 3: self.reconnect = try decoder.decodeBool()
        default: break
        }
    }
}

/// The server refreshed the connection (`Refresh` in the schema).
public struct RefreshPush: ProtocolMessage {
    /// The connection expires.
    public var expires: Bool
    /// Seconds until expiry.
    public var ttl: UInt32

    /// Creates a `RefreshPush`; omitted fields are zero.
    public init(expires: Bool = false, ttl: UInt32 = 0) {
        self.expires = expires
        self.ttl = ttl
    }

    /// Creates the empty message.
    public init() { self.init(expires: false) }

    /// The fields of `RefreshPush` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "expires"), (2, "ttl")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitBool(self.expires, field: 1, key: "expires")
        visitor.visitUInt32(self.ttl, field: 2, key: "ttl")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.expires = try decoder.decodeBool()
        case 2: self.ttl = try decoder.decodeUInt32()
        default: break
        }
    }
}
