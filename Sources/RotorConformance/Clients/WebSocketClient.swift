import Foundation
import NIOCore
import NIOPosix

/// What a WebSocket client connection reports, in order.
public enum WebSocketClientEvent: Sendable, Equatable {
    /// A complete text message (fragments joined, permessage-deflate undone).
    case text([UInt8])
    /// A complete binary message.
    case binary([UInt8])
    /// A Close frame from the server: its code (nil if the frame had none) and reason.
    case close(code: Int?, reason: String)
    /// The server broke the protocol (bad frame, undecompressable message); the connection is closed.
    case protocolError(String)
    /// The TCP connection ended.
    case ended
}

/// A small WebSocket client over NIO for conformance runs: it sends the upgrade request itself (so refused
/// upgrades are seen with their status and body), masks what it sends, answers WebSocket pings, echoes a
/// server Close, and inflates permessage-deflate messages when the server negotiated the extension. It can
/// also send arbitrary frames (unmasked, reserved opcodes, fragments) for fuzzing.
public final class WebSocketClient: Sendable {
    /// The handshake response: 101 with headers when the upgrade succeeded, else the refusal and its body.
    public let handshake: HTTPClientResponse
    private let channel: any Channel

    /// Whether the upgrade succeeded.
    public var isOpen: Bool { handshake.status == 101 }

    private init(handshake: HTTPClientResponse, channel: any Channel) {
        self.handshake = handshake
        self.channel = channel
    }

    /// Connects to `host:port`, sends the upgrade for `path` with extra `headers` (`Origin`,
    /// `Sec-WebSocket-Protocol`, `Sec-WebSocket-Extensions`, …) and waits for the answer (at most `timeout`).
    /// `onEvent` receives the server's messages, closes and the end of the connection, on an event loop.
    public static func connect(
        host: String, port: Int, path: String, headers: [(String, String)] = [], group: any EventLoopGroup,
        timeout: TimeAmount = .seconds(5), onEvent: @escaping @Sendable (WebSocketClientEvent) -> Void
    ) async throws -> WebSocketClient {
        let key = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let promise = group.next().makePromise(of: HTTPClientResponse.self)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        WebSocketClientHandler(handshake: promise, onEvent: onEvent))
                }
            }
            .connect(host: host, port: port).get()
        var request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUpgrade: websocket\r\n"
        request += "Connection: Upgrade\r\nSec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        try await channel.writeAndFlush(ByteBuffer(string: request)).get()
        let deadline = channel.eventLoop.scheduleTask(in: timeout) {
            promise.fail(ChannelError.connectTimeout(timeout))
            channel.close(promise: nil)
        }
        defer { deadline.cancel() }
        return WebSocketClient(handshake: try await promise.futureResult.get(), channel: channel)
    }

    /// Sends a text message.
    public func send(text: [UInt8]) { send(WebSocketWireFrame(.text, text)) }

    /// Sends a binary message.
    public func send(binary: [UInt8]) { send(WebSocketWireFrame(.binary, binary)) }

    /// Sends a Close frame with `code` (nil: an empty Close frame) and `reason`.
    public func sendClose(code: Int?, reason: String = "") {
        let payload = code.map { WebSocketWireFrame.closePayload(code: $0, reason: reason) } ?? []
        channel.pipeline.fireUserInboundEventTriggered(WebSocketClientHandler.ClientSentClose())
        send(WebSocketWireFrame(.close, payload))
    }

    /// Sends any frame, masked with a random key unless `masked` is false.
    public func send(_ frame: WebSocketWireFrame, masked: Bool = true) {
        let mask = masked ? (0..<4).map { _ in UInt8.random(in: 0...255) } : nil
        write(raw: frame.encoded(mask: mask))
    }

    /// Sends bytes as they are (partial frames, garbage).
    public func write(raw bytes: [UInt8]) {
        channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil)
    }

    /// Closes the TCP connection without a Close frame.
    public func drop() {
        channel.close(promise: nil)
    }
}
