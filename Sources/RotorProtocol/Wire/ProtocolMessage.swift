import NIOCore
import OrderedCollections

/// A message of the client protocol schema that both codecs (JSON and Protobuf) can read and write.
///
/// A message describes itself once: `traverse` visits its fields in ascending field-number order and
/// `decodeField` fills one field from whichever decoder found it. The codecs supply the visitors, so
/// the omission rules, key order and field numbers of spec §2 live in one place per message.
public protocol ProtocolMessage: Hashable, Sendable {
    /// An empty message: every field at its zero value.
    init()

    /// The message's fields: field number and JSON key, in ascending field-number order.
    static var fieldTable: FieldTable { get }

    /// Hands every field to `visitor` in ascending field-number order; the visitor applies omission rules.
    func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError)

    /// Reads field `number` from `decoder`; unknown numbers are ignored by returning without reading.
    mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D) throws(ProtocolDecodingError)
}

/// The list of a message's fields, used by the JSON decoder to turn a key into a field number.
public struct FieldTable: Sendable {
    @usableFromInline let entries: [(number: Int, key: StaticString)]

    /// Creates a table from `(field number, JSON key)` pairs.
    public init(_ entries: [(Int, StaticString)]) {
        self.entries = entries.map { (number: $0.0, key: $0.1) }
    }

    /// The field number for a JSON key: exact match first, then ASCII case-insensitive (as the reference decoder).
    func number(forKey key: UnsafeRawBufferPointer) -> Int? {
        for entry in entries where entry.key.utf8CodeUnitCount == key.count {
            var equal = true
            for i in 0..<key.count where entry.key.utf8Start[i] != key[i] {
                equal = false
                break
            }
            if equal { return entry.number }
        }
        for entry in entries where entry.key.utf8CodeUnitCount == key.count {
            var equal = true
            for i in 0..<key.count where asciiLower(entry.key.utf8Start[i]) != asciiLower(key[i]) {
                equal = false
                break
            }
            if equal { return entry.number }
        }
        return nil
    }
}

@inline(__always)
func asciiLower(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
}

/// Receives the fields of a message during encoding. Implemented by the JSON and Protobuf writers.
///
/// `always` marks the fields spec §2.1 writes in JSON even when zero (ClientInfo.user, the presence map, …).
public protocol MessageVisitor {
    mutating func visitString(_ value: String, field: Int, key: StaticString, always: Bool)
    /// A raw `bytes` field; nil when absent.
    mutating func visitRaw(_ value: ByteBuffer?, field: Int, key: StaticString) throws(ProtocolEncodingError)
    /// A `bytes` field that JSON carries as a JSON string (EmulationRequest.data), not as raw JSON.
    mutating func visitBytesAsString(_ value: ByteBuffer?, field: Int, key: StaticString)
    mutating func visitBool(_ value: Bool, field: Int, key: StaticString)
    mutating func visitUInt32(_ value: UInt32, field: Int, key: StaticString, always: Bool)
    mutating func visitUInt64(_ value: UInt64, field: Int, key: StaticString, always: Bool)
    mutating func visitInt32(_ value: Int32, field: Int, key: StaticString)
    mutating func visitMessage<M: ProtocolMessage>(_ value: M, field: Int, key: StaticString)
        throws(ProtocolEncodingError)
    mutating func visitRepeated<M: ProtocolMessage>(_ value: [M], field: Int, key: StaticString, always: Bool)
        throws(ProtocolEncodingError)
    mutating func visitMap<M: ProtocolMessage>(
        _ value: OrderedDictionary<String, M>, field: Int, key: StaticString, always: Bool
    ) throws(ProtocolEncodingError)
    mutating func visitStringMap(_ value: OrderedDictionary<String, String>, field: Int, key: StaticString)
}

extension MessageVisitor {
    @inline(__always)
    mutating func visitString(_ value: String, field: Int, key: StaticString) {
        visitString(value, field: field, key: key, always: false)
    }
    @inline(__always)
    mutating func visitUInt32(_ value: UInt32, field: Int, key: StaticString) {
        visitUInt32(value, field: field, key: key, always: false)
    }
    @inline(__always)
    mutating func visitUInt64(_ value: UInt64, field: Int, key: StaticString) {
        visitUInt64(value, field: field, key: key, always: false)
    }
    @inline(__always)
    mutating func visitOptional<M: ProtocolMessage>(_ value: M?, field: Int, key: StaticString)
        throws(ProtocolEncodingError)
    {
        if let value { try visitMessage(value, field: field, key: key) }
    }
}

/// Supplies the value of one field during decoding. Implemented by the JSON and Protobuf readers.
///
/// Each call reads the value the decoder is positioned at and checks that it has the expected type.
public protocol FieldDecoder {
    mutating func decodeString() throws(ProtocolDecodingError) -> String
    mutating func decodeRaw() throws(ProtocolDecodingError) -> ByteBuffer
    mutating func decodeBytesAsString() throws(ProtocolDecodingError) -> ByteBuffer
    mutating func decodeBool() throws(ProtocolDecodingError) -> Bool
    mutating func decodeUInt32() throws(ProtocolDecodingError) -> UInt32
    mutating func decodeUInt64() throws(ProtocolDecodingError) -> UInt64
    mutating func decodeInt32() throws(ProtocolDecodingError) -> Int32
    /// Decodes a sub-message, merging into `value` when it is already set (a repeated key or field).
    mutating func decodeMessage<M: ProtocolMessage>(_ value: inout M?) throws(ProtocolDecodingError)
    mutating func decodeRepeated<M: ProtocolMessage>(_ value: inout [M]) throws(ProtocolDecodingError)
    mutating func decodeMap<M: ProtocolMessage>(_ value: inout OrderedDictionary<String, M>)
        throws(ProtocolDecodingError)
    mutating func decodeStringMap(_ value: inout OrderedDictionary<String, String>) throws(ProtocolDecodingError)
}
