/// Why bytes from a peer could not be decoded into protocol messages.
///
/// Every case maps to the outcome the reference server produces (spec §4, §10.2): a WebSocket close
/// 1009 for an over-limit frame, otherwise disconnect 3501 "bad request".
public enum ProtocolDecodingError: Error, Hashable, Sendable {
    /// A frame with no bytes at all.
    case emptyFrame
    /// An empty line inside a JSON batch (`cmd\n\ncmd`, or a frame ending in `\n\n`).
    case emptyLine
    /// The frame is larger than the configured inbound limit.
    case frameTooLarge(size: Int, limit: Int)
    /// Malformed JSON at the given byte offset of the message.
    case invalidJSON(offset: Int)
    /// A JSON value of the wrong type for a field (a string for a number, an array for an object, …).
    case typeMismatch(offset: Int)
    /// A JSON number that is fractional, negative for an unsigned field, or out of range.
    case numberOutOfRange(offset: Int)
    /// JSON nested deeper than the decoder accepts.
    case nestingTooDeep
    /// Protobuf input that ends inside a value.
    case truncated
    /// A Protobuf varint longer than 10 bytes, or too large for its field.
    case malformedVarint
    /// A Protobuf field number 0 or a wire type that is not valid (groups, 6, 7).
    case invalidTag
    /// A known Protobuf field carried with a wire type other than its own.
    case wrongWireType(field: Int)
    /// A declared length larger than the bytes left in the input.
    case lengthExceedsInput(declared: UInt64, available: Int)
    /// A declared length larger than the message size limit.
    case lengthExceedsLimit(declared: UInt64, limit: Int)

    /// What the reference server does when it meets this error on a connection.
    public var outcome: DecodingOutcome {
        switch self {
        case .frameTooLarge: .messageTooBig
        default: .disconnect(.badRequest)
        }
    }
}

/// The connection-level consequence of undecodable input.
public enum DecodingOutcome: Hashable, Sendable {
    /// Close the connection with this disconnect (3501 for every malformed message).
    case disconnect(Disconnect)
    /// The transport's own "too big" answer: WebSocket close 1009, HTTP 413.
    case messageTooBig
}

/// Why a message could not be encoded for a connection.
public enum ProtocolEncodingError: Error, Hashable, Sendable {
    /// A raw payload is not a single valid JSON value, so a JSON connection cannot carry it (spec §2.1).
    case payloadNotJSON

    /// What the reference server does: disconnect the JSON connection with 3506 "inappropriate protocol".
    public var disconnect: Disconnect { .inappropriateProtocol }
}
