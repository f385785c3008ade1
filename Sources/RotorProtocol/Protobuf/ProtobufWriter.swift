import NIOCore
import OrderedCollections

/// Protobuf wire types used by the client protocol schema.
enum WireType: UInt8 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
}

/// Writes protocol messages as proto3 binary, identical to the reference encoder (spec §2.1): zero scalars
/// omitted, set sub-messages always written (even empty), fields in ascending order, map entries with
/// both key and value.
struct ProtobufWriter: MessageVisitor {
    var buffer: ByteBuffer

    init(buffer: ByteBuffer) {
        self.buffer = buffer
    }

    @inline(__always)
    private mutating func writeTag(_ field: Int, _ wireType: WireType) {
        Varint.write(UInt64(field) << 3 | UInt64(wireType.rawValue), to: &buffer)
    }

    /// Writes `body` preceded by its length as a varint. One byte is reserved for the length; longer
    /// lengths move the body right once, so no size pre-pass is needed.
    @inline(__always)
    mutating func writeLengthPrefixed<E: Error>(_ body: (inout ProtobufWriter) throws(E) -> Void) throws(E) {
        let lengthIndex = buffer.writerIndex
        buffer.writeInteger(UInt8(0))
        try body(&self)
        let length = buffer.writerIndex - lengthIndex - 1
        if length < 0x80 {
            buffer.setInteger(UInt8(length), at: lengthIndex)
            return
        }
        let extra = Varint.size(UInt64(length)) - 1
        buffer.writeRepeatingByte(0, count: extra)
        let start = lengthIndex + 1 - buffer.readerIndex
        buffer.withUnsafeMutableReadableBytes { bytes in
            let destination = bytes.baseAddress! + start + extra
            destination.copyMemory(from: bytes.baseAddress! + start, byteCount: length)
        }
        let end = buffer.writerIndex
        buffer.moveWriterIndex(to: lengthIndex)
        Varint.write(UInt64(length), to: &buffer)
        buffer.moveWriterIndex(to: end)
    }

    mutating func writeMessage<M: ProtocolMessage>(_ message: M) throws(ProtocolEncodingError) {
        try message.traverse(&self)
    }

    mutating func visitString(_ value: String, field: Int, key: StaticString, always: Bool) {
        guard !value.isEmpty else { return }
        writeTag(field, .lengthDelimited)
        Varint.write(UInt64(value.utf8.count), to: &buffer)
        buffer.writeString(value)
    }

    mutating func visitRaw(_ value: ByteBuffer, field: Int, key: StaticString) throws(ProtocolEncodingError) {
        visitBytesAsString(value, field: field, key: key)
    }

    mutating func visitBytesAsString(_ value: ByteBuffer, field: Int, key: StaticString) {
        guard value.readableBytes > 0 else { return }
        writeTag(field, .lengthDelimited)
        Varint.write(UInt64(value.readableBytes), to: &buffer)
        buffer.writeImmutableBuffer(value)
    }

    mutating func visitBool(_ value: Bool, field: Int, key: StaticString) {
        guard value else { return }
        writeTag(field, .varint)
        buffer.writeInteger(UInt8(1))
    }

    mutating func visitUInt32(_ value: UInt32, field: Int, key: StaticString, always: Bool) {
        guard value != 0 else { return }
        writeTag(field, .varint)
        Varint.write(UInt64(value), to: &buffer)
    }

    mutating func visitUInt64(_ value: UInt64, field: Int, key: StaticString, always: Bool) {
        guard value != 0 else { return }
        writeTag(field, .varint)
        Varint.write(value, to: &buffer)
    }

    mutating func visitInt32(_ value: Int32, field: Int, key: StaticString) {
        guard value != 0 else { return }
        writeTag(field, .varint)
        Varint.write(UInt64(bitPattern: Int64(value)), to: &buffer)
    }

    mutating func visitMessage<M: ProtocolMessage>(_ value: M, field: Int, key: StaticString)
        throws(ProtocolEncodingError)
    {
        writeTag(field, .lengthDelimited)
        try writeLengthPrefixed { (writer: inout ProtobufWriter) throws(ProtocolEncodingError) in
            try value.traverse(&writer)
        }
    }

    mutating func visitRepeated<M: ProtocolMessage>(_ value: [M], field: Int, key: StaticString, always: Bool)
        throws(ProtocolEncodingError)
    {
        for element in value {
            try visitMessage(element, field: field, key: key)
        }
    }

    mutating func visitMap<M: ProtocolMessage>(
        _ value: OrderedDictionary<String, M>, field: Int, key: StaticString, always: Bool
    ) throws(ProtocolEncodingError) {
        for (entryKey, entryValue) in value {
            writeTag(field, .lengthDelimited)
            try writeLengthPrefixed { (writer: inout ProtobufWriter) throws(ProtocolEncodingError) in
                writer.writeEntryKey(entryKey)
                writer.writeTag(2, .lengthDelimited)
                try writer.writeLengthPrefixed { (inner: inout ProtobufWriter) throws(ProtocolEncodingError) in
                    try entryValue.traverse(&inner)
                }
            }
        }
    }

    mutating func visitStringMap(_ value: OrderedDictionary<String, String>, field: Int, key: StaticString) {
        for (entryKey, entryValue) in value {
            writeTag(field, .lengthDelimited)
            writeLengthPrefixed { (writer: inout ProtobufWriter) in
                writer.writeEntryKey(entryKey)
                writer.writeTag(2, .lengthDelimited)
                Varint.write(UInt64(entryValue.utf8.count), to: &writer.buffer)
                writer.buffer.writeString(entryValue)
            }
        }
    }

    /// Map entry keys are written even when empty, as the reference encoder does.
    private mutating func writeEntryKey(_ key: String) {
        writeTag(1, .lengthDelimited)
        Varint.write(UInt64(key.utf8.count), to: &buffer)
        buffer.writeString(key)
    }
}

/// Unsigned LEB128 varints (Protobuf integers and Go's `binary.PutUvarint` frame prefixes).
public enum Varint {
    /// The number of bytes `value` takes as a varint.
    @inline(__always)
    public static func size(_ value: UInt64) -> Int {
        let bits = 64 - value.leadingZeroBitCount
        return bits == 0 ? 1 : (bits + 6) / 7
    }

    /// Appends `value` as a varint.
    @inline(__always)
    public static func write(_ value: UInt64, to buffer: inout ByteBuffer) {
        if value < 0x80 {
            buffer.writeInteger(UInt8(value))
            return
        }
        var rest = value
        while rest >= 0x80 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        buffer.writeInteger(UInt8(rest))
    }
}
