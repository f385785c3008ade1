import NIOCore

/// Quotes strings the way the reference server does (spec §2.1, trap T12).
///
/// `"` `\` LF CR TAB get short escapes, other bytes below 0x20 and `<` `>` `&` become `\u00xx`,
/// U+2028/U+2029 become `\u2028`/`\u2029`, each invalid UTF-8 byte becomes `\ufffd`; everything else
/// is copied as UTF-8.
enum JSONStringEscaper {
    /// Bytes that never need attention: printable ASCII other than `"` `\` `<` `>` `&`.
    private static let plain: [Bool] = (0..<256).map { byte in
        byte >= 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x5C && byte != 0x3C && byte != 0x3E && byte != 0x26
    }

    static func writeQuoted(_ string: String, to out: inout RawOutput) {
        // Native strings expose their UTF-8 in place; only bridged ones need the copying path.
        let written: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
            writeQuoted(bytes: UnsafeRawBufferPointer(bytes), to: &out)
        }
        if written == nil {
            var copy = string
            copy.withUTF8 { writeQuoted(bytes: UnsafeRawBufferPointer($0), to: &out) }
        }
    }

    static func writeQuoted(bytes: UnsafeRawBufferPointer, to out: inout RawOutput) {
        out.byte(UInt8(ascii: "\""))
        var start = 0
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else {
            out.byte(UInt8(ascii: "\""))
            return
        }
        plain.withUnsafeBufferPointer { plain in
            let table = plain.baseAddress!
            while index < count {
                let byte = base.load(fromByteOffset: index, as: UInt8.self)
                if table[Int(byte)] {
                    index &+= 1
                    continue
                }
                if byte >= 0x80 {
                    let length = validUTF8SequenceLength(bytes, at: index)
                    if length > 0 {
                        // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                        if length == 3 && byte == 0xE2 && bytes[index + 1] == 0x80
                            && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                        {
                            flush(bytes, from: start, to: index, into: &out)
                            out.staticString(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                            index &+= 3
                            start = index
                        } else {
                            index &+= length
                        }
                        continue
                    }
                    flush(bytes, from: start, to: index, into: &out)
                    out.staticString("\\ufffd")
                    index &+= 1
                    start = index
                    continue
                }
                flush(bytes, from: start, to: index, into: &out)
                writeEscape(for: byte, to: &out)
                index &+= 1
                start = index
            }
        }
        flush(bytes, from: start, to: count, into: &out)
        out.byte(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func flush(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, into out: inout RawOutput)
    {
        if end > start {
            out.bytes(bytes.baseAddress! + start, count: end &- start)
        }
    }

    private static func writeEscape(for byte: UInt8, to out: inout RawOutput) {
        switch byte {
        case 0x22: out.staticString("\\\"")
        case 0x5C: out.staticString("\\\\")
        case 0x0A: out.staticString("\\n")
        case 0x0D: out.staticString("\\r")
        case 0x09: out.staticString("\\t")
        default:
            let hex: StaticString = "0123456789abcdef"
            out.staticString("\\u00")
            out.byte(hex.utf8Start[Int(byte >> 4)])
            out.byte(hex.utf8Start[Int(byte & 0x0F)])
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0 if it is not well-formed.
    static func validUTF8SequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let first = bytes[index]
        let remaining = bytes.count - index
        @inline(__always) func isContinuation(_ offset: Int) -> Bool {
            bytes[index + offset] & 0xC0 == 0x80
        }
        switch first {
        case 0xC2...0xDF:
            return remaining >= 2 && isContinuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard remaining >= 3, isContinuation(1), isContinuation(2) else { return 0 }
            let second = bytes[index + 1]
            if first == 0xE0 && second < 0xA0 { return 0 }  // overlong
            if first == 0xED && second >= 0xA0 { return 0 }  // surrogate
            return 3
        case 0xF0...0xF4:
            guard remaining >= 4, isContinuation(1), isContinuation(2), isContinuation(3) else { return 0 }
            let second = bytes[index + 1]
            if first == 0xF0 && second < 0x90 { return 0 }  // overlong
            if first == 0xF4 && second >= 0x90 { return 0 }  // above U+10FFFF
            return 4
        default:
            return 0
        }
    }
}

/// Appends `value` as a quoted JSON string with the reference escaping (used for v1 close reasons).
func appendJSONQuoted(_ value: String, to text: inout String) {
    let bound = value.utf8.count * 6 + 2
    let quoted = [UInt8](unsafeUninitializedCapacity: bound) { storage, initialized in
        var out = RawOutput(base: UnsafeMutableRawPointer(storage.baseAddress!), capacity: bound)
        JSONStringEscaper.writeQuoted(value, to: &out)
        initialized = out.count
    }
    text += String(decoding: quoted, as: UTF8.self)
}
