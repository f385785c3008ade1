import NIOCore
import OrderedCollections

/// Decodes proto3 binary protocol messages as the reference decoder does: unknown fields skipped, a known
/// field with the wrong wire type rejected, every declared length checked against the bytes present
/// before anything is read or allocated.
struct ProtobufReader: FieldDecoder {
    let bytes: UnsafeRawBufferPointer
    /// The buffer `bytes` views; `bytes` fields are returned as slices of it, without copying.
    let source: ByteBuffer
    var index = 0
    /// The end of the message being decoded (nested messages narrow it).
    var end: Int
    /// The wire type of the field being decoded.
    private var wireType: UInt8 = 0
    private var fieldNumber = 0

    init(bytes: UnsafeRawBufferPointer, source: ByteBuffer) {
        self.bytes = bytes
        self.source = source
        self.end = bytes.count
    }

    mutating func readVarint() throws(ProtocolDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < end else { throw .truncated }
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            guard shift < 70 else { throw .malformedVarint }
        }
    }

    /// Reads a length prefix and checks it against the bytes left in the current message.
    private mutating func readLength() throws(ProtocolDecodingError) -> Int {
        let declared = try readVarint()
        let available = end - index
        guard declared <= UInt64(available) else { throw .lengthExceedsInput(declared: declared, available: available) }
        return Int(declared)
    }

    mutating func decodeMessage<M: ProtocolMessage>(into message: inout M) throws(ProtocolDecodingError) {
        while index < end {
            let tag = try readVarint()
            guard tag >> 3 > 0, tag >> 3 <= UInt64(Int32.max) else { throw .invalidTag }
            let number = Int(tag >> 3)
            wireType = UInt8(tag & 7)
            fieldNumber = number
            if M.fieldTable.contains(number) {
                try message.decodeField(number, from: &self)
            } else {
                try skipField()
            }
        }
    }

    private mutating func skipField() throws(ProtocolDecodingError) {
        switch WireType(rawValue: wireType) {
        case .varint: _ = try readVarint()
        case .fixed64: try skipBytes(8)
        case .fixed32: try skipBytes(4)
        case .lengthDelimited: try skipBytes(try readLength())
        case .startGroup: try skipGroup()
        case .endGroup, nil: throw .invalidTag
        }
    }

    private mutating func skipBytes(_ count: Int) throws(ProtocolDecodingError) {
        guard end - index >= count else { throw .truncated }
        index += count
    }

    /// Skips a (deprecated) group up to its matching end tag, iteratively.
    private mutating func skipGroup() throws(ProtocolDecodingError) {
        var depth = 1
        while depth > 0 {
            let tag = try readVarint()
            guard tag >> 3 > 0 else { throw .invalidTag }
            switch WireType(rawValue: UInt8(tag & 7)) {
            case .varint: _ = try readVarint()
            case .fixed64: try skipBytes(8)
            case .fixed32: try skipBytes(4)
            case .lengthDelimited: try skipBytes(try readLength())
            case .startGroup: depth += 1
            case .endGroup: depth -= 1
            case nil: throw .invalidTag
            }
        }
    }

    @inline(__always)
    private func expectWireType(_ expected: WireType) throws(ProtocolDecodingError) {
        guard wireType == expected.rawValue else { throw .wrongWireType(field: fieldNumber) }
    }

    private mutating func readLengthDelimitedRange() throws(ProtocolDecodingError) -> Range<Int> {
        try expectWireType(.lengthDelimited)
        let length = try readLength()
        let range = index..<(index + length)
        index += length
        return range
    }

    // MARK: FieldDecoder

    mutating func decodeString() throws(ProtocolDecodingError) -> String {
        let range = try readLengthDelimitedRange()
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    mutating func decodeRaw() throws(ProtocolDecodingError) -> ByteBuffer {
        let range = try readLengthDelimitedRange()
        return source.getSlice(at: source.readerIndex + range.lowerBound, length: range.count)!
    }

    mutating func decodeBytesAsString() throws(ProtocolDecodingError) -> ByteBuffer {
        try decodeRaw()
    }

    mutating func decodeBool() throws(ProtocolDecodingError) -> Bool {
        try expectWireType(.varint)
        return try readVarint() != 0
    }

    mutating func decodeUInt32() throws(ProtocolDecodingError) -> UInt32 {
        try expectWireType(.varint)
        return UInt32(truncatingIfNeeded: try readVarint())
    }

    mutating func decodeUInt64() throws(ProtocolDecodingError) -> UInt64 {
        try expectWireType(.varint)
        return try readVarint()
    }

    mutating func decodeInt32() throws(ProtocolDecodingError) -> Int32 {
        try expectWireType(.varint)
        return Int32(truncatingIfNeeded: try readVarint())
    }

    /// Decodes the length-delimited sub-message at the cursor into `message` (merging).
    private mutating func decodeNested<M: ProtocolMessage>(into message: inout M) throws(ProtocolDecodingError) {
        let range = try readLengthDelimitedRange()
        let outerEnd = end
        index = range.lowerBound
        end = range.upperBound
        try decodeMessage(into: &message)
        index = range.upperBound
        end = outerEnd
    }

    mutating func decodeMessage<M: ProtocolMessage>(_ value: inout M?) throws(ProtocolDecodingError) {
        if value == nil { value = M() }
        try decodeNested(into: &value!)  // merges in place
    }

    mutating func decodeRepeated<M: ProtocolMessage>(_ value: inout [M]) throws(ProtocolDecodingError) {
        var message = M()
        try decodeNested(into: &message)
        value.append(message)
    }

    mutating func decodeMap<M: ProtocolMessage>(_ value: inout OrderedDictionary<String, M>)
        throws(ProtocolDecodingError)
    {
        var entry = MapEntry<M>()
        try decodeNested(into: &entry)
        value[entry.key] = entry.value ?? M()
    }

    mutating func decodeStringMap(_ value: inout OrderedDictionary<String, String>) throws(ProtocolDecodingError) {
        var entry = StringMapEntry()
        try decodeNested(into: &entry)
        value[entry.key] = entry.value
    }
}

extension FieldTable {
    @inline(__always)
    func contains(_ number: Int) -> Bool {
        for entry in entries where entry.number == number { return true }
        return false
    }
}

/// A `map<string, M>` entry as it travels in Protobuf: key = 1, value = 2.
struct MapEntry<Value: ProtocolMessage>: ProtocolMessage {
    var key = ""
    var value: Value?

    init() {}

    static var fieldTable: FieldTable { mapEntryFields }

    func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(key, field: 1, key: "key", always: true)
        try visitor.visitOptional(value, field: 2, key: "value")
    }

    mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D) throws(ProtocolDecodingError) {
        switch number {
        case 1: key = try decoder.decodeString()
        case 2: try decoder.decodeMessage(&value)
        default: break
        }
    }
}

/// A `map<string, string>` entry as it travels in Protobuf.
struct StringMapEntry: ProtocolMessage {
    var key = ""
    var value = ""

    init() {}

    static var fieldTable: FieldTable { mapEntryFields }

    func traverse<V: MessageVisitor>(_ visitor: inout V) throws(ProtocolEncodingError) {
        visitor.visitString(key, field: 1, key: "key", always: true)
        visitor.visitString(value, field: 2, key: "value", always: true)
    }

    mutating func decodeField<D: FieldDecoder>(_ number: Int, from decoder: inout D) throws(ProtocolDecodingError) {
        switch number {
        case 1: key = try decoder.decodeString()
        case 2: value = try decoder.decodeString()
        default: break
        }
    }
}

private let mapEntryFields = FieldTable([(1, "key"), (2, "value")])
