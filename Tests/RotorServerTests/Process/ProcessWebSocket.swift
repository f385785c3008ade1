import NIOCore

/// A minimal WebSocket client for the process tests, on top of `HTTPTestClient`: the upgrade request, masked
/// text frames out, and the server's frames parsed from the bytes after the 101 response.
struct ProcessWebSocket {
    /// One server frame.
    struct Frame: Equatable {
        var opcode: UInt8
        var payload: [UInt8]
        var text: String { String(decoding: payload, as: UTF8.self) }
        /// The close code and reason of a Close frame.
        var close: (code: Int, reason: String)? {
            guard opcode == 8, payload.count >= 2 else { return nil }
            return (Int(payload[0]) << 8 | Int(payload[1]), String(decoding: payload.dropFirst(2), as: UTF8.self))
        }
    }

    let client: HTTPTestClient

    /// Connects and upgrades `/connection/websocket` on `127.0.0.1:port`; fails unless the answer is 101.
    static func connect(port: Int) async throws -> ProcessWebSocket {
        let client = try await HTTPTestClient.connect(port: port)
        try await client.send(
            "GET", "/connection/websocket",
            headers: [
                ("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Version", "13"),
                ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
            ])
        let head = try await client.head()
        guard head.status == 101 else {
            await client.close()
            throw RotorProcess.Failure(description: "upgrade answered \(head.status), not 101")
        }
        return ProcessWebSocket(client: client)
    }

    /// Sends one masked text frame.
    func send(_ text: String) async throws {
        let payload = Array(text.utf8)
        var bytes: [UInt8] = [0x81]
        if payload.count < 126 {
            bytes.append(0x80 | UInt8(payload.count))
        } else {
            bytes += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        }
        let mask: [UInt8] = [0x0A, 0x1B, 0x2C, 0x3D]
        bytes += mask
        for (index, byte) in payload.enumerated() { bytes.append(byte ^ mask[index % 4]) }
        try await client.channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
    }

    /// Waits until the frames received so far satisfy `condition` (or the connection ended) and returns them.
    func frames(until condition: @escaping @Sendable ([Frame]) -> Bool) async throws -> [Frame] {
        Self.parse(try await client.bodyBytes { condition(Self.parse($0)) })
    }

    /// The complete server frames in `bytes` (server frames are unmasked).
    static func parse(_ bytes: [UInt8]) -> [Frame] {
        var frames: [Frame] = []
        var index = 0
        while index + 2 <= bytes.count {
            var length = Int(bytes[index + 1] & 0x7F)
            var start = index + 2
            let extra = length == 126 ? 2 : length == 127 ? 8 : 0
            guard start + extra <= bytes.count else { break }
            if extra > 0 {
                length = bytes[start..<(start + extra)].reduce(0) { $0 << 8 | Int($1) }
                start += extra
            }
            guard start + length <= bytes.count else { break }
            frames.append(Frame(opcode: bytes[index] & 0x0F, payload: Array(bytes[start..<(start + length)])))
            index = start + length
        }
        return frames
    }

    /// Sends a protocol v2 connect command with `token` and returns the reply's text.
    func connectCommand(token: String) async throws -> String {
        try await send("{\"id\":1,\"connect\":{\"token\":\"\(token)\"}}")
        let frames = try await frames { frames in frames.contains { $0.text.hasPrefix("{\"id\":1,") } }
        return frames.first { $0.text.hasPrefix("{\"id\":1,") }?.text ?? ""
    }

    /// Runs `body` with a new upgraded connection that is closed afterwards.
    static func with<T>(port: Int, _ body: (ProcessWebSocket) async throws -> T) async throws -> T {
        let socket = try await connect(port: port)
        do {
            let result = try await body(socket)
            await socket.close()
            return result
        } catch {
            await socket.close()
            throw error
        }
    }

    /// Closes the TCP connection.
    func close() async { await client.close() }
}
