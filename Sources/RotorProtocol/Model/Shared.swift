import NIOCore
import OrderedCollections

/// The `Error` message of a failed command reply: a code from spec §9 or an application code (400–1999).
public struct ReplyError: ProtocolMessage {
    /// The error code.
    public var code: UInt32
    /// The error message, e.g. `permission denied`.
    public var message: String
    /// Whether the client may retry.
    public var temporary: Bool

    /// Creates a `ReplyError`; omitted fields are zero.
    public init(code: UInt32 = 0, message: String = "", temporary: Bool = false) {
        self.code = code
        self.message = message
        self.temporary = temporary
    }

    /// Creates the empty message.
    public init() { self.init(code: 0) }

    /// The fields of `ReplyError` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "code"), (2, "message"), (3, "temporary")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitUInt32(self.code, field: 1, key: "code")
        visitor.visitString(self.message, field: 2, key: "message")
        visitor.visitBool(self.temporary, field: 3, key: "temporary")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.code = try decoder.decodeUInt32()
        case 2: self.message = try decoder.decodeString()
        case 3: self.temporary = try decoder.decodeBool()
        default: break
        }
    }
}

/// Who a connection is: user, client id and the connection/channel info attached by the token or proxy.
public struct ClientInfo: ProtocolMessage {
    /// The user id; `""` for anonymous connections. Always written in JSON.
    public var user: String
    /// The client (connection) id. Always written in JSON.
    public var client: String
    /// Connection info from the token or proxy (raw JSON).
    public var connInfo: ByteBuffer {
        get { _connInfo ?? ByteBuffer() }
        set { _connInfo = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `connInfo`: nil when empty, so copies of an absent payload cost nothing.
    private var _connInfo: ByteBuffer?
    /// Channel info from the subscription token or proxy (raw JSON).
    public var chanInfo: ByteBuffer {
        get { _chanInfo ?? ByteBuffer() }
        set { _chanInfo = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `chanInfo`: nil when empty, so copies of an absent payload cost nothing.
    private var _chanInfo: ByteBuffer?

    /// Creates a `ClientInfo`; omitted fields are zero.
    public init(
        user: String = "",
        client: String = "",
        connInfo: ByteBuffer = ByteBuffer(),
        chanInfo: ByteBuffer = ByteBuffer()
    ) {
        self.user = user
        self.client = client
        self._connInfo = connInfo.readableBytes > 0 ? connInfo : nil
        self._chanInfo = chanInfo.readableBytes > 0 ? chanInfo : nil
    }

    /// Creates the empty message.
    public init() { self.init(user: "") }

    /// The fields of `ClientInfo` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "user"), (2, "client"), (3, "conn_info"), (4, "chan_info")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.user, field: 1, key: "user", always: true)
        visitor.visitString(self.client, field: 2, key: "client", always: true)
        try visitor.visitRaw(self._connInfo, field: 3, key: "conn_info")
        try visitor.visitRaw(self._chanInfo, field: 4, key: "chan_info")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.user = try decoder.decodeString()
        case 2: self.client = try decoder.decodeString()
        case 3: self.connInfo = try decoder.decodeRaw()
        case 4: self.chanInfo = try decoder.decodeRaw()
        default: break
        }
    }
}

/// A message published into a channel, as delivered to subscribers and kept in history.
public struct Publication: ProtocolMessage {
    /// The payload.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?
    /// The publisher, when a client published.
    public var info: ClientInfo?
    /// The position in the channel stream; 0 without history.
    public var offset: UInt64
    /// Tags from the server API.
    public var tags: OrderedDictionary<String, String>

    /// Creates a `Publication`; omitted fields are zero.
    public init(
        data: ByteBuffer = ByteBuffer(),
        info: ClientInfo? = nil,
        offset: UInt64 = 0,
        tags: OrderedDictionary<String, String> = [:]
    ) {
        self._data = data.readableBytes > 0 ? data : nil
        self.info = info
        self.offset = offset
        self.tags = tags
    }

    /// Creates the empty message.
    public init() { self.init(data: ByteBuffer()) }

    /// The fields of `Publication` by number and JSON key.
    public static let fieldTable = FieldTable([(4, "data"), (5, "info"), (6, "offset"), (7, "tags")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        try visitor.visitRaw(self._data, field: 4, key: "data")
        try visitor.visitOptional(self.info, field: 5, key: "info")
        visitor.visitUInt64(self.offset, field: 6, key: "offset")
        visitor.visitStringMap(self.tags, field: 7, key: "tags")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 4: self.data = try decoder.decodeRaw()
        case 5: try decoder.decodeMessage(&self.info)
        case 6: self.offset = try decoder.decodeUInt64()
        case 7: try decoder.decodeStringMap(&self.tags)
        default: break
        }
    }
}

/// A position in a channel stream: offset and epoch.
public struct StreamPosition: ProtocolMessage {
    /// The offset.
    public var offset: UInt64
    /// The stream epoch.
    public var epoch: String

    /// Creates a `StreamPosition`; omitted fields are zero.
    public init(offset: UInt64 = 0, epoch: String = "") {
        self.offset = offset
        self.epoch = epoch
    }

    /// Creates the empty message.
    public init() { self.init(offset: 0) }

    /// The fields of `StreamPosition` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "offset"), (2, "epoch")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitUInt64(self.offset, field: 1, key: "offset")
        visitor.visitString(self.epoch, field: 2, key: "epoch")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.offset = try decoder.decodeUInt64()
        case 2: self.epoch = try decoder.decodeString()
        default: break
        }
    }
}

/// The body of the `/emulation` endpoint: commands for an HTTP-streaming or SSE session (spec §13.3).
public struct EmulationRequest: ProtocolMessage {
    /// The node id from `ConnectResult.node`.
    public var node: String
    /// The session id from `ConnectResult.session`.
    public var session: String
    /// The encoded commands; a JSON string in JSON, bytes in Protobuf.
    public var data: ByteBuffer {
        get { _data ?? ByteBuffer() }
        set { _data = newValue.readableBytes > 0 ? newValue : nil }
    }
    /// Storage of `data`: nil when empty, so copies of an absent payload cost nothing.
    private var _data: ByteBuffer?

    /// Creates a `EmulationRequest`; omitted fields are zero.
    public init(node: String = "", session: String = "", data: ByteBuffer = ByteBuffer()) {
        self.node = node
        self.session = session
        self._data = data.readableBytes > 0 ? data : nil
    }

    /// Creates the empty message.
    public init() { self.init(node: "") }

    /// The fields of `EmulationRequest` by number and JSON key.
    public static let fieldTable = FieldTable([(1, "node"), (2, "session"), (3, "data")])

    /// Visits the fields in ascending field-number order.
    public func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(self.node, field: 1, key: "node")
        visitor.visitString(self.session, field: 2, key: "session")
        visitor.visitBytesAsString(self._data, field: 3, key: "data")
    }

    /// Reads one field from a decoder.
    public mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D)
        throws(ProtocolDecodingError)
    {
        switch number {
        case 1: self.node = try decoder.decodeString()
        case 2: self.session = try decoder.decodeString()
        case 3: self.data = try decoder.decodeBytesAsString()
        default: break
        }
    }
}
