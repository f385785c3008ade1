/// Random UUIDs (version 4, RFC 9562 variant) in canonical lower-case text: client, session and node ids,
/// and the secrets `genconfig` writes.
public enum RandomUUID {
    /// The UUID made of 128 random bits (`high` then `low`), with the version and variant bits set.
    public static func string(high: UInt64, low: UInt64) -> String {
        let high = (high & ~0xF000) | 0x4000
        let low = (low & ~0xC000_0000_0000_0000) | 0x8000_0000_0000_0000
        let hex = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for (index, word) in [high, low].enumerated() {
            for nibble in 0..<16 {
                let position = index * 16 + nibble
                if position == 8 || position == 12 || position == 16 || position == 20 {
                    bytes.append(UInt8(ascii: "-"))
                }
                bytes.append(hex[Int((word >> UInt64(60 - nibble * 4)) & 0xF)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A UUID drawn from `random`.
    public static func string(using random: inout some RandomNumberGenerator) -> String {
        string(high: random.next(), low: random.next())
    }
}
