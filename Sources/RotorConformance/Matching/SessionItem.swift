/// One thing a connection got from the server, in order: what the comparison walks on both sides.
public enum SessionItem: Hashable, Sendable, CustomStringConvertible {
    /// One protocol message (a Reply, a bare Push, or an API reply line), as JSON.
    case message(JSONValue)
    /// A WebSocket close frame (or SockJS close frame) with its code and reason.
    case close(code: Int, reason: String)
    /// The connection ended without a close frame: TCP dropped, or the end of an HTTP stream.
    case dropped
    /// The HTTP status of a response (the in-process replay only sees `/emulation` ones).
    case status(Int)
    /// A non-JSON HTTP response body, compared byte for byte (live replay only).
    case body(String)
    /// An API command the replayer does not map onto the node: matches any recorded reply line.
    case unreplayed(String)

    /// A server ping: `{}` (an empty Reply, or an empty Push on unidirectional transports).
    public var isPing: Bool { self == .message(.object([:])) }

    /// A join or leave push, which the reference publishes asynchronously (compared as a multiset).
    public var isJoinLeave: Bool {
        guard case .message(let value) = self else { return false }
        if let push = value["push"] { return push["join"] != nil || push["leave"] != nil }
        if value["id"] == nil, let type = value["result"]?["type"]?.intValue { return type == 1 || type == 2 }
        return value["join"] != nil || value["leave"] != nil
    }

    /// Readable form, for differences.
    public var description: String {
        switch self {
        case .message(let value): value.description
        case .close(let code, let reason): "close \(code) \"\(reason)\""
        case .dropped: "connection dropped without close frame"
        case .status(let status): "HTTP \(status)"
        case .body(let text): "body \(JSONValue.string(text))"
        case .unreplayed(let what): "(not replayed: \(what))"
        }
    }
}

/// An item the recording expects, with the event that carried it.
public struct ExpectedItem: Sendable {
    /// The recorded event that carried the item.
    public let seq: Int
    /// What the server sent.
    public let item: SessionItem
    /// The message's JSON text as recorded (nil for Protobuf, closes and statuses).
    public let raw: String?

    /// An item carried by event `seq`.
    public init(seq: Int, item: SessionItem, raw: String? = nil) {
        self.seq = seq
        self.item = item
        self.raw = raw
    }
}
