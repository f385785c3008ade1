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
    var out: RawOutput

    init(out: RawOutput) {
        self.out = out
    }

    @inline(__always)
    private mutating func writeTag(_ field: Int, _ wireType: WireType) {
        out.varint(UInt64(field) << 3 | UInt64(wireType.rawValue))
    }

    /// Writes `body` preceded by its length as a varint. One byte is reserved for the length; a longer
    /// length moves the body right once, so no exact-size pre-pass is needed.
    @inline(__always)
    mutating func writeLengthPrefixed(_ body: (inout ProtobufWriter) -> Void) {
        let lengthIndex = out.count
        guard out.fits(1) else {
            body(&self)
            out.count &+= 4  // room for the longest length prefix; the retry writes exact bytes
            return
        }
        out.count &+= 1
        body(&self)
        let length = out.count &- lengthIndex &- 1
        guard !out.overflowed else {
            out.count &+= 4
            return
        }
        if length < 0x80 {
            out.base.storeBytes(of: UInt8(truncatingIfNeeded: length), toByteOffset: lengthIndex, as: UInt8.self)
            return
        }
        let extra = Varint.size(UInt64(length)) &- 1
        guard out.fits(extra) else { return }
        let bodyStart = out.base + lengthIndex + 1
        (bodyStart + extra).copyMemory(from: bodyStart, byteCount: length)
        let end = out.count &+ extra
        out.count = lengthIndex
        out.varint(UInt64(length))
        out.count = end
    }

    mutating func writeMessage<M: ProtocolMessage>(_ message: M) {
        do {
            try message.traverse(&self)
        } catch {
            preconditionFailure("the Protobuf writer does not fail")
        }
    }

    @inline(__always)
    private mutating func writeBytes(_ bytes: UnsafeRawBufferPointer) {
        out.varint(UInt64(bytes.count))
        out.bytes(bytes)
    }

    @inline(__always)
    private mutating func writeString(_ value: String) {
        let written: Void? = value.utf8.withContiguousStorageIfAvailable { writeBytes(UnsafeRawBufferPointer($0)) }
        if written == nil {
            var copy = value
            copy.withUTF8 { writeBytes(UnsafeRawBufferPointer($0)) }
        }
    }

    mutating func visitString(_ value: String, field: Int, key: StaticString, always: Bool) {
        guard !value.isEmpty else { return }
        writeTag(field, .lengthDelimited)
        writeString(value)
    }

    mutating func visitRaw(_ value: ByteBuffer?, field: Int, key: StaticString) {
        visitBytesAsString(value, field: field, key: key)
    }

    mutating func visitBytesAsString(_ value: ByteBuffer?, field: Int, key: StaticString) {
        guard let value else { return }
        writeTag(field, .lengthDelimited)
        value.withUnsafeReadableBytes { writeBytes($0) }
    }

    mutating func visitBool(_ value: Bool, field: Int, key: StaticString) {
        guard value else { return }
        writeTag(field, .varint)
        out.byte(1)
    }

    mutating func visitUInt32(_ value: UInt32, field: Int, key: StaticString, always: Bool) {
        guard value != 0 else { return }
        writeTag(field, .varint)
        out.varint(UInt64(value))
    }

    mutating func visitUInt64(_ value: UInt64, field: Int, key: StaticString, always: Bool) {
        guard value != 0 else { return }
        writeTag(field, .varint)
        out.varint(value)
    }

    mutating func visitInt32(_ value: Int32, field: Int, key: StaticString) {
        guard value != 0 else { return }
        writeTag(field, .varint)
        out.varint(UInt64(bitPattern: Int64(value)))
    }

    mutating func visitMessage<M: ProtocolMessage>(_ value: M, field: Int, key: StaticString) {
        writeTag(field, .lengthDelimited)
        writeLengthPrefixed { $0.writeMessage(value) }
    }

    mutating func visitRepeated<M: ProtocolMessage>(_ value: [M], field: Int, key: StaticString, always: Bool) {
        for element in value {
            visitMessage(element, field: field, key: key)
        }
    }

    mutating func visitMap<M: ProtocolMessage>(
        _ value: OrderedDictionary<String, M>, field: Int, key: StaticString, always: Bool
    ) {
        for (entryKey, entryValue) in value {
            writeTag(field, .lengthDelimited)
            writeLengthPrefixed { writer in
                writer.writeEntryKey(entryKey)
                writer.writeTag(2, .lengthDelimited)
                writer.writeLengthPrefixed { $0.writeMessage(entryValue) }
            }
        }
    }

    mutating func visitStringMap(_ value: OrderedDictionary<String, String>, field: Int, key: StaticString) {
        for (entryKey, entryValue) in value {
            writeTag(field, .lengthDelimited)
            writeLengthPrefixed { writer in
                writer.writeEntryKey(entryKey)
                writer.writeTag(2, .lengthDelimited)
                writer.writeString(entryValue)
            }
        }
    }

    /// Map entry keys are written even when empty, as the reference encoder does.
    private mutating func writeEntryKey(_ key: String) {
        writeTag(1, .lengthDelimited)
        writeString(key)
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
