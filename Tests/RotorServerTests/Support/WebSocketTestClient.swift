import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A minimal WebSocket client for the integration tests: a raw TCP connection that sends the upgrade request,
/// reads the HTTP answer, then writes masked frames and reads the server's frames one by one.
final class WebSocketTestClient: @unchecked Sendable {
    /// The server's answer to the upgrade request.
    struct Handshake: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// One server frame (or the end of the connection).
    enum Event: Sendable, Equatable {
        case text(String)
        case binary([UInt8])
        case close(code: UInt16?, reason: String)
        case ping
        case pong
        /// TCP closed.
        case end
    }

    /// A raw server frame before interpretation.
    struct Frame: Sendable {
        var fin: Bool
        var rsv1: Bool
        var opcode: UInt8
        var payload: [UInt8]
    }

    enum Failure: Error {
        case timeout
        case noHandshake
        /// The connection ended while a message was expected.
        case ended
    }

    let channel: any Channel
    private let collector: Collector
    private var pendingMessages: [String] = []
    private(set) var handshake: Handshake

    private init(channel: any Channel, collector: Collector, handshake: Handshake) {
        self.channel = channel
        self.collector = collector
        self.handshake = handshake
    }

    /// Connects to `127.0.0.1:port` and sends an upgrade request for `target`; `upgrade: false` sends a plain
    /// request.
    static func connect(
        port: Int, target: String, method: String = "GET", headers: [(String, String)] = [],
        upgrade: Bool = true, receiveBuffer: Int? = nil, body: String = "", group: any EventLoopGroup
    ) async throws -> WebSocketTestClient {
        let collector = Collector()
        var bootstrap = ClientBootstrap(group: group).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(collector) }
        }
        if let receiveBuffer {
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer))
        }
        let channel = try await bootstrap.connect(host: "127.0.0.1", port: port).get()
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        if upgrade {
            request += "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
            request += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        try await channel.writeAndFlush(ByteBuffer(string: request)).get()
        let handshake = try await collector.handshake(on: channel.eventLoop)
        return WebSocketTestClient(channel: channel, collector: collector, handshake: handshake)
    }

    // MARK: Sending

    /// Sends one masked frame.
    func send(opcode: UInt8, _ payload: [UInt8], fin: Bool = true, rsv1: Bool = false) async throws {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt8((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode))
        if payload.count < 126 {
            buffer.writeInteger(UInt8(0x80 | payload.count))
        } else if payload.count <= 0xFFFF {
            buffer.writeInteger(UInt8(0x80 | 126))
            buffer.writeInteger(UInt16(payload.count))
        } else {
            buffer.writeInteger(UInt8(0x80 | 127))
            buffer.writeInteger(UInt64(payload.count))
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        buffer.writeBytes(mask)
        buffer.writeBytes(payload.enumerated().map { $0.element ^ mask[$0.offset % 4] })
        try await channel.writeAndFlush(buffer).get()
    }

    func send(text: String) async throws { try await send(opcode: 0x1, Array(text.utf8)) }
    func send(binary: [UInt8]) async throws { try await send(opcode: 0x2, binary) }

    /// Sends a Close frame with `code`.
    func sendClose(code: UInt16) async throws {
        try await send(opcode: 0x8, [UInt8(code >> 8), UInt8(code & 0xFF)])
    }

    // MARK: Receiving

    /// The next raw frame, or nil when TCP closed.
    func nextFrame(timeout: TimeAmount = .seconds(10)) async throws -> Frame? {
        try await collector.next(on: channel.eventLoop, timeout: timeout)
    }

    /// The next frame, interpreted (`decompress` turns RSV1 payloads into plain ones).
    func next(timeout: TimeAmount = .seconds(10), decompress: (([UInt8]) -> [UInt8])? = nil) async throws -> Event {
        guard let frame = try await nextFrame(timeout: timeout) else { return .end }
        let payload = frame.rsv1 ? (decompress?(frame.payload) ?? frame.payload) : frame.payload
        switch frame.opcode {
        case 0x1: return .text(String(decoding: payload, as: UTF8.self))
        case 0x2: return .binary(payload)
        case 0x8:
            guard payload.count >= 2 else { return .close(code: nil, reason: "") }
            let code = UInt16(payload[0]) << 8 | UInt16(payload[1])
            return .close(code: code, reason: String(decoding: payload.dropFirst(2), as: UTF8.self))
        case 0x9: return .ping
        case 0xA: return .pong
        default: return .binary(payload)
        }
    }

    /// The next frame that is not a Ping (pings are answered by nobody: tests that need pongs send them).
    func nextSkippingPings(timeout: TimeAmount = .seconds(10)) async throws -> Event {
        while true {
            let event = try await next(timeout: timeout)
            if event != .ping { return event }
        }
    }

    /// The next client-protocol message of the text frames (frames split at LF), skipping WebSocket pings and
    /// v2 app-level pings (`{}`); throws `ended` when the connection ends or closes.
    func nextMessage(timeout: TimeAmount = .seconds(10)) async throws -> String {
        while pendingMessages.isEmpty {
            switch try await nextSkippingPings(timeout: timeout) {
            case .text(let text):
                pendingMessages = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    .filter { $0 != "{}" }
            case .binary, .pong, .ping:
                continue
            case .close, .end:
                throw Failure.ended
            }
        }
        return pendingMessages.removeFirst()
    }

    /// The next message containing `fragment` (others are skipped; at most 50 are read).
    func message(containing fragment: String) async throws -> String {
        for _ in 0..<50 {
            let message = try await nextMessage()
            if message.contains(fragment) { return message }
        }
        throw Failure.timeout
    }

    /// Stops or resumes reading from the socket.
    func setReading(_ on: Bool) async throws {
        try await channel.setOption(.autoRead, value: on).get()
        if on { channel.read() }
    }

    /// Closes TCP.
    func close() async {
        try? await channel.close()
    }

    /// Collects the handshake answer and the frames, on the channel's loop.
    final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer

        private var buffer = ByteBuffer()
        private var handshake: Handshake?
        private var frames: [Frame] = []
        private var ended = false
        private var handshakeWaiter: EventLoopPromise<Handshake>?
        private var frameWaiter: EventLoopPromise<Frame?>?

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            buffer.writeBuffer(&bytes)
            parse()
        }

        func channelInactive(context: ChannelHandlerContext) {
            ended = true
            parse()
            handshakeWaiter?.fail(Failure.noHandshake)
            handshakeWaiter = nil
            deliver()
        }

        func handshake(on loop: any EventLoop) async throws -> Handshake {
            try await loop.submit { () -> EventLoopFuture<Handshake> in
                if let handshake = self.handshake { return loop.makeSucceededFuture(handshake) }
                if self.ended { return loop.makeFailedFuture(Failure.noHandshake) }
                let promise = loop.makePromise(of: Handshake.self)
                self.handshakeWaiter = promise
                loop.scheduleTask(in: .seconds(10)) { promise.fail(Failure.timeout) }
                return promise.futureResult
            }.flatMap { $0 }.get()
        }

        func next(on loop: any EventLoop, timeout: TimeAmount) async throws -> Frame? {
            try await loop.submit { () -> EventLoopFuture<Frame?> in
                let promise = loop.makePromise(of: Frame?.self)
                self.frameWaiter = promise
                let scheduled = loop.scheduleTask(in: timeout) {
                    if self.frameWaiter?.futureResult === promise.futureResult { self.frameWaiter = nil }
                    promise.fail(Failure.timeout)
                }
                promise.futureResult.whenComplete { _ in scheduled.cancel() }
                self.deliver()
                return promise.futureResult
            }.flatMap { $0 }.get()
        }

        private func deliver() {
            guard let waiter = frameWaiter else { return }
            if !frames.isEmpty {
                frameWaiter = nil
                waiter.succeed(frames.removeFirst())
            } else if ended {
                frameWaiter = nil
                waiter.succeed(nil)
            }
        }

        private func parse() {
            if handshake == nil {
                guard let view = buffer.readableBytesView.firstRange(of: Array("\r\n\r\n".utf8)) else { return }
                let headLength = view.upperBound - buffer.readerIndex
                let head = buffer.readString(length: headLength) ?? ""
                var lines = head.split(separator: "\r\n").map(String.init)
                let statusLine = lines.removeFirst().split(separator: " ")
                var parsed = Handshake(status: Int(statusLine[1]) ?? 0, headers: [], body: "")
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    let value = line[line.index(after: colon)...].drop { $0 == " " }
                    parsed.headers.append((String(line[..<colon]), String(value)))
                }
                if parsed.status != 101 {
                    let length = Int(parsed.header("Content-Length") ?? "0") ?? 0
                    guard buffer.readableBytes >= length else {
                        buffer.moveReaderIndex(to: buffer.readerIndex - headLength)
                        return
                    }
                    parsed.body = buffer.readString(length: length) ?? ""
                }
                handshake = parsed
                handshakeWaiter?.succeed(parsed)
                handshakeWaiter = nil
                if parsed.status != 101 { return }
            }
            while let frame = readFrame() { frames.append(frame) }
            deliver()
        }

        private func readFrame() -> Frame? {
            let start = buffer.readerIndex
            guard let first = buffer.readInteger(as: UInt8.self), let second = buffer.readInteger(as: UInt8.self)
            else {
                buffer.moveReaderIndex(to: start)
                return nil
            }
            var length = Int(second & 0x7F)
            if length == 126 {
                guard let extended = buffer.readInteger(as: UInt16.self) else {
                    buffer.moveReaderIndex(to: start)
                    return nil
                }
                length = Int(extended)
            } else if length == 127 {
                guard let extended = buffer.readInteger(as: UInt64.self) else {
                    buffer.moveReaderIndex(to: start)
                    return nil
                }
                length = Int(extended)
            }
            guard let payload = buffer.readBytes(length: length) else {
                buffer.moveReaderIndex(to: start)
                return nil
            }
            buffer.discardReadBytes()
            return Frame(fin: first & 0x80 != 0, rsv1: first & 0x40 != 0, opcode: first & 0x0F, payload: payload)
        }
    }
}

extension ByteBufferView {
    /// The range of the first occurrence of `pattern`.
    fileprivate func firstRange(of pattern: [UInt8]) -> Range<Int>? {
        guard count >= pattern.count else { return nil }
        var index = startIndex
        while index + pattern.count <= endIndex {
            if self[index..<index + pattern.count].elementsEqual(pattern) { return index..<index + pattern.count }
            index += 1
        }
        return nil
    }
}
