import NIOCore

extension ByteBuffer {
    /// The readable bytes as a UTF-8 string.
    var string: String { String(buffer: self) }

    /// The readable bytes as lower-case hex, space-separated.
    var hex: String { readableBytesView.map { hexByte($0) }.joined(separator: " ") }
}

func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

/// Bytes from a hex string such as `"04 08 02 32 00"`.
func bytes(hex: String) -> [UInt8] {
    hex.split(separator: " ").map { UInt8($0, radix: 16)! }
}
