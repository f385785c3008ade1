import NIOCore
import OrderedCollections

/// The result of `connect`.
public struct ConnectResult: ProtocolMessage {
    /// The new client id.
    public var client: String
    /// The server version.
    public var version: String
    /// The connection expires (client-side refresh).
    public var expires: Bool
    /// Seconds until expiry.
    public var ttl: UInt32
    /// Custom data from the connect proxy.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?
    /// Server-side subscriptions.
    public var subs: OrderedDictionary<String, SubscribeResult>
    /// Server ping interval in seconds (v2).
    public var ping: UInt32
    /// The client must answer pings (v2 bidirectional).
    public var pong: Bool
    /// The session id (unidirectional and emulation).
    public var session: String
    /// The node id (emulation).
    public var node: String

    /// Creates a `ConnectResult`; omitted fields are zero.
    public init(
        client: String = "",
        version: String = "",
        expires: Bool = false,
        ttl: UInt32 = 0,
        data: ByteBuffer = ByteBuffer(),
        subs: OrderedDictionary<String, SubscribeResult> = [:],
        ping: UInt32 = 0,
        pong: Bool = false,
        session: String = "",
        node: String = ""
    ) {
        self.client = client
        self.version = version
        self.expires = expires
        self.ttl = ttl
        self._data = data.readableBytes > 0 ? data : nil
        self.subs = subs
        self.ping = ping
        self.pong = pong
        self.session = session
        self.node = node
    }

    /// Creates the empty message.
    public init() { self.init(client: "") }

    /// The fields of `ConnectResult` by number and JSON key.
    public static let fieldTable = FieldTable([
        (1, "client"),
        (2, "version"),
        (3, "expires"),
        (4, "ttl"),
        (5, "data"),
        (6, "subs"),
        (7, "ping"),
        (8, "pong"),
        (9, "session"),
        (10, "node"),
    ])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.client, field: 1, key: "client")
        visitor.visitString(self.version, field: 2, key: "version")
        visitor.visitBool(self.expires, field: 3, key: "expires")
        visitor.visitUInt32(self.ttl, field: 4, key: "ttl")
        try visitor.visitRaw(self._data, field: 5, key: "data")
        try visitor.visitMap(self.subs, field: 6, key: "subs", always: false)
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
        case 3: self.expires = try decoder.decodeBool()
        case 4: self.ttl = try decoder.decodeUInt32()
        case 5: self.data = try decoder.decodeRaw()
        case 6: try decoder.decodeMap(&self.subs)
        case 7: self.ping = try decoder.decodeUInt32()
        case 8: self.pong = try decoder.decodeBool()
        case 9: self.session = try decoder.decodeString()
        case 10: self.node = try decoder.decodeString()
        default: break
        }
    }
}

/// The result of `subscribe`, and the value type of server-side `subs` maps.
public struct SubscribeResult: ProtocolMessage {
    /// The subscription expires (client-side sub refresh).
    public var expires: Bool
    /// Seconds until expiry.
    public var ttl: UInt32
    /// Recovery is enabled.
    public var recoverable: Bool
    /// The stream epoch.
    public var epoch: String
    /// Recovered publications.
    public var publications: [Publication]
    /// Recovery succeeded.
    public var recovered: Bool
    /// The stream offset.
    public var offset: UInt64
    /// Positioning is enabled.
    public var positioned: Bool
    /// Custom data from the proxy or token.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?
    /// v2: echoes the request's `recover`.
    public var wasRecovering: Bool

    /// Creates a `SubscribeResult`; omitted fields are zero.
    public init(
        expires: Bool = false,
        ttl: UInt32 = 0,
        recoverable: Bool = false,
        epoch: String = "",
        publications: [Publication] = [],
        recovered: Bool = false,
        offset: UInt64 = 0,
        positioned: Bool = false,
        data: ByteBuffer = ByteBuffer(),
        wasRecovering: Bool = false
    ) {
        self.expires = expires
        self.ttl = ttl
        self.recoverable = recoverable
        self.epoch = epoch
        self.publications = publications
        self.recovered = recovered
        self.offset = offset
        self.positioned = positioned
        self._data = data.readableBytes > 0 ? data : nil
        self.wasRecovering = wasRecovering
    }

    /// Creates the empty message.
    public init() { self.init(expires: false) }

    /// The fields of `SubscribeResult` by number and JSON key.
    public static let fieldTable = FieldTable([
        (1, "expires"),
        (2, "ttl"),
        (3, "recoverable"),
        (6, "epoch"),
        (7, "publications"),
        (8, "recovered"),
        (9, "offset"),
        (10, "positioned"),
        (11, "data"),
        (12, "was_recovering"),
    ])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitBool(self.expires, field: 1, key: "expires")
        visitor.visitUInt32(self.ttl, field: 2, key: "ttl")
        visitor.visitBool(self.recoverable, field: 3, key: "recoverable")
        visitor.visitString(self.epoch, field: 6, key: "epoch")
        try visitor.visitRepeated(self.publications, field: 7, key: "publications", always: false)
        visitor.visitBool(self.recovered, field: 8, key: "recovered")
        visitor.visitUInt64(self.offset, field: 9, key: "offset")
        visitor.visitBool(self.positioned, field: 10, key: "positioned")
        try visitor.visitRaw(self._data, field: 11, key: "data")
        visitor.visitBool(self.wasRecovering, field: 12, key: "was_recovering")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.expires = try decoder.decodeBool()
        case 2: self.ttl = try decoder.decodeUInt32()
        case 3: self.recoverable = try decoder.decodeBool()
        case 6: self.epoch = try decoder.decodeString()
        case 7: try decoder.decodeRepeated(&self.publications)
        case 8: self.recovered = try decoder.decodeBool()
        case 9: self.offset = try decoder.decodeUInt64()
        case 10: self.positioned = try decoder.decodeBool()
        case 11: self.data = try decoder.decodeRaw()
        case 12: self.wasRecovering = try decoder.decodeBool()
        default: break
        }
    }
}

/// The (empty) result of `unsubscribe`.
public struct UnsubscribeResult: ProtocolMessage {

    /// Creates the empty message.
    public init() {}

    /// The fields of `UnsubscribeResult` by number and JSON key.
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

/// The (empty) result of `publish`.
public struct PublishResult: ProtocolMessage {

    /// Creates the empty message.
    public init() {}

    /// The fields of `PublishResult` by number and JSON key.
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

/// The (empty) result of `ping`; never sent by v4.1.
public struct PingResult: ProtocolMessage {

    /// Creates the empty message.
    public init() {}

    /// The fields of `PingResult` by number and JSON key.
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

/// The result of `presence`: client id → client info.
public struct PresenceResult: ProtocolMessage {
    /// Who is in the channel. Always written in JSON.
    public var presence: OrderedDictionary<String, ClientInfo>

    /// Creates a `PresenceResult`; omitted fields are zero.
    public init(presence: OrderedDictionary<String, ClientInfo> = [:]) {
        self.presence = presence
    }

    /// Creates the empty message.
    public init() { self.init(presence: [:]) }

    /// The fields of `PresenceResult` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "presence")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        try visitor.visitMap(self.presence, field: 1, key: "presence", always: true)
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: try decoder.decodeMap(&self.presence)
        default: break
        }
    }
}

/// The result of `presence_stats`.
public struct PresenceStatsResult: ProtocolMessage {
    /// Connections in the channel. Always written in JSON.
    public var numClients: UInt32
    /// Distinct users in the channel. Always written in JSON.
    public var numUsers: UInt32

    /// Creates a `PresenceStatsResult`; omitted fields are zero.
    public init(numClients: UInt32 = 0, numUsers: UInt32 = 0) {
        self.numClients = numClients
        self.numUsers = numUsers
    }

    /// Creates the empty message.
    public init() { self.init(numClients: 0) }

    /// The fields of `PresenceStatsResult` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "num_clients"), (2, "num_users")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitUInt32(self.numClients, field: 1, key: "num_clients", always: true)
        visitor.visitUInt32(self.numUsers, field: 2, key: "num_users", always: true)
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.numClients = try decoder.decodeUInt32()
        case 2: self.numUsers = try decoder.decodeUInt32()
        default: break
        }
    }
}

/// The result of `history`.
public struct HistoryResult: ProtocolMessage {
    /// The publications. Always written in JSON.
    public var publications: [Publication]
    /// The current epoch. Always written in JSON.
    public var epoch: String
    /// The current top offset. Always written in JSON.
    public var offset: UInt64

    /// Creates a `HistoryResult`; omitted fields are zero.
    public init(publications: [Publication] = [], epoch: String = "", offset: UInt64 = 0) {
        self.publications = publications
        self.epoch = epoch
        self.offset = offset
    }

    /// Creates the empty message.
    public init() { self.init(publications: []) }

    /// The fields of `HistoryResult` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "publications"), (2, "epoch"), (3, "offset")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        try visitor.visitRepeated(self.publications, field: 1, key: "publications", always: true)
        visitor.visitString(self.epoch, field: 2, key: "epoch", always: true)
        visitor.visitUInt64(self.offset, field: 3, key: "offset", always: true)
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: try decoder.decodeRepeated(&self.publications)
        case 2: self.epoch = try decoder.decodeString()
        case 3: self.offset = try decoder.decodeUInt64()
        default: break
        }
    }
}

/// The result of `rpc`.
public struct RPCResult: ProtocolMessage {
    /// The payload from the RPC proxy.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?

    /// Creates a `RPCResult`; omitted fields are zero.
    public init(data: ByteBuffer = ByteBuffer()) {
        self._data = data.readableBytes > 0 ? data : nil
    }

    /// Creates the empty message.
    public init() { self.init(data: ByteBuffer()) }

    /// The fields of `RPCResult` by number and JSON key.
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

/// The result of `refresh`; `client`/`version` are filled for v1 only.
public struct RefreshResult: ProtocolMessage {
    /// The client id (v1).
    public var client: String
    /// The server version (v1).
    public var version: String
    /// The connection expires.
    public var expires: Bool
    /// Seconds until expiry.
    public var ttl: UInt32

    /// Creates a `RefreshResult`; omitted fields are zero.
    public init(client: String = "", version: String = "", expires: Bool = false, ttl: UInt32 = 0) {
        self.client = client
        self.version = version
        self.expires = expires
        self.ttl = ttl
    }

    /// Creates the empty message.
    public init() { self.init(client: "") }

    /// The fields of `RefreshResult` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "client"), (2, "version"), (3, "expires"), (4, "ttl")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.client, field: 1, key: "client")
        visitor.visitString(self.version, field: 2, key: "version")
        visitor.visitBool(self.expires, field: 3, key: "expires")
        visitor.visitUInt32(self.ttl, field: 4, key: "ttl")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.client = try decoder.decodeString()
        case 2: self.version = try decoder.decodeString()
        case 3: self.expires = try decoder.decodeBool()
        case 4: self.ttl = try decoder.decodeUInt32()
        default: break
        }
    }
}

/// The result of `sub_refresh`.
public struct SubRefreshResult: ProtocolMessage {
    /// The subscription expires.
    public var expires: Bool
    /// Seconds until expiry.
    public var ttl: UInt32

    /// Creates a `SubRefreshResult`; omitted fields are zero.
    public init(expires: Bool = false, ttl: UInt32 = 0) {
        self.expires = expires
        self.ttl = ttl
    }

    /// Creates the empty message.
    public init() { self.init(expires: false) }

    /// The fields of `SubRefreshResult` by number and JSON key.
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
