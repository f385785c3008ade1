/// The client side of RFC 6455 over a `SockJSRawConnection`: the upgrade request, masked client frames, and
/// the server's unmasked frames.
enum SockJSRawWebSocket {
    /// One server frame.
    struct Frame: Equatable {
        var opcode: UInt8
        var payload: [UInt8]
        var text: String { String(decoding: payload, as: UTF8.self) }
    }

    /// The upgrade request for `target`.
    static func upgradeRequest(_ target: String, headers: [(String, String)] = []) -> String {
        SockJSRawHTTP.request(
            "GET", target,
            headers: [
                ("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Version", "13"),
                ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
            ] + headers)
    }

    /// A masked client frame.
    static func clientFrame(opcode: UInt8, _ payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = [0x80 | opcode]
        if payload.count < 126 {
            bytes.append(0x80 | UInt8(payload.count))
        } else {
            bytes.append(0x80 | 126)
            bytes += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        bytes += mask
        for (index, byte) in payload.enumerated() { bytes.append(byte ^ mask[index % 4]) }
        return bytes
    }

    /// A masked text frame.
    static func text(_ text: String) -> [UInt8] { clientFrame(opcode: 1, Array(text.utf8)) }

    /// The server frames in `bytes` (which start after the handshake response).
    static func frames(_ bytes: [UInt8]) -> [Frame] {
        var frames: [Frame] = []
        var index = 0
        while index + 2 <= bytes.count {
            let opcode = bytes[index] & 0x0F
            var length = Int(bytes[index + 1] & 0x7F)
            var start = index + 2
            if length == 126 {
                guard start + 2 <= bytes.count else { break }
                length = Int(bytes[start]) << 8 | Int(bytes[start + 1])
                start += 2
            } else if length == 127 {
                guard start + 8 <= bytes.count else { break }
                length = bytes[start..<(start + 8)].reduce(0) { $0 << 8 | Int($1) }
                start += 8
            }
            guard start + length <= bytes.count else { break }
            frames.append(Frame(opcode: opcode, payload: Array(bytes[start..<(start + length)])))
            index = start + length
        }
        return frames
    }

    /// The frames after the handshake response in `bytes`, or nil before the response is complete.
    static func framesAfterHandshake(_ bytes: [UInt8]) -> (status: Int, frames: [Frame])? {
        guard let end = SockJSRawHTTP.firstIndex(of: Array("\r\n\r\n".utf8), in: bytes, from: 0),
            let response = SockJSRawHTTP.parse(Array(bytes[..<(end + 4)]), closed: true)
        else { return nil }
        return (response.status, frames(Array(bytes[(end + 4)...])))
    }
}
