import NIOCore

/// Application payloads that JSON connections carry raw (publication data, RPC results, …).
///
/// The server checks a payload once, when it accepts it, and then encodes it for every JSON subscriber
/// with `MessageCodec.encode(_:into:payloadsAreValidJSON: true)`.
public enum JSONPayload {
    /// The payload as JSON connections receive it — without LF bytes — or nil if it is not exactly one
    /// JSON value (such a payload cannot reach JSON connections: disconnect 3506, spec §2.1).
    public static func normalized(_ payload: ByteBuffer) -> ByteBuffer? {
        let (isValid, hasLineFeed) = payload.withUnsafeReadableBytes { JSONValidator.check($0) }
        guard isValid else { return nil }
        guard hasLineFeed else { return payload }
        var stripped = ByteBuffer()
        stripped.reserveCapacity(payload.readableBytes)
        for byte in payload.readableBytesView where byte != 0x0A {
            stripped.writeInteger(byte)
        }
        return stripped
    }
}
