import NIOCore
import RotorProtocol

/// An `/emulation` request body as the reference reads it (`client-protocol.md` §13.3): `node` and `session`,
/// and `data` kept as it came — the raw JSON value of a JSON body (Go's `protocol.Raw`), the bytes of a
/// Protobuf one. Whether `data` must be a JSON string is decided later by the session's encoding.
struct EmulationEnvelope: ProtocolMessage {
    /// The target node's id.
    var node = ""
    /// The target session.
    var session = ""
    /// The commands as received; nil when the field is absent.
    var data: ByteBuffer?

    static let fieldTable = FieldTable([(1, "node"), (2, "session"), (3, "data")])

    func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(node, field: 1, key: "node", always: false)
        visitor.visitString(session, field: 2, key: "session", always: false)
        try visitor.visitRaw(data, field: 3, key: "data")
    }

    mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D) throws(ProtocolDecodingError) {
        switch number {
        case 1: node = try decoder.decodeString()
        case 2: session = try decoder.decodeString()
        case 3: data = try decoder.decodeRaw()
        default: break
        }
    }

    /// Parses a body in `encoding`; nil when it is not an EmulationRequest (HTTP 400). A JSON body must be
    /// exactly one JSON value, as Go's `json.Unmarshal` requires.
    static func parse(_ body: ByteBuffer, encoding: ProtocolEncoding) -> EmulationEnvelope? {
        if encoding == .json && (try? JSONRawValue.parse(body)) == nil { return nil }
        return try? MessageCodec(encoding).decode(EmulationEnvelope.self, from: body)
    }

    /// The frame to hand to a session in `encoding`: Protobuf takes the bytes as they are; JSON wants `data`
    /// to be a JSON string and takes its content. nil when a JSON session's `data` is absent or not a string
    /// (the reference drops such a request silently and still answers 204).
    func frame(for encoding: ProtocolEncoding) -> ByteBuffer? {
        switch encoding {
        case .protobuf:
            return data ?? ByteBuffer()
        case .json:
            guard let data else { return nil }
            var wrapped = ByteBuffer(string: "{\"data\":")
            wrapped.writeImmutableBuffer(data)
            wrapped.writeStaticString("}")
            return (try? MessageCodec.json.decode(EmulationRequest.self, from: wrapped))?.data
        }
    }
}
