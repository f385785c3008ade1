import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A plain TCP connection to the server under test that records every byte it receives, for tests that need
/// to see a response exactly as it is written (chunk by chunk, frame by frame).
final class SockJSRawConnection: Sendable {
    struct TimedOut: Error, CustomStringConvertible {
        let received: String
        var description: String { "timed out; received so far:\n\(received)" }
    }

    private final class Recorder: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let bytes = NIOLockedValueBox<[UInt8]>([])
        let closed = NIOLockedValueBox(false)

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            bytes.withLockedValue { $0.append(contentsOf: buffer.readableBytesView) }
        }

        func channelInactive(context: ChannelHandlerContext) {
            closed.withLockedValue { $0 = true }
        }
    }

    private let channel: any Channel
    private let recorder: Recorder

    private init(channel: any Channel, recorder: Recorder) {
        self.channel = channel
        self.recorder = recorder
    }

    /// Connects to `127.0.0.1:port`.
    static func connect(port: Int, group: any EventLoopGroup) async throws -> SockJSRawConnection {
        let recorder = Recorder()
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in channel.pipeline.addHandler(recorder) }
            .connect(host: "127.0.0.1", port: port).get()
        return SockJSRawConnection(channel: channel, recorder: recorder)
    }

    /// Sends raw bytes.
    func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).get()
    }

    /// Sends text.
    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    /// Everything received so far.
    var received: [UInt8] { recorder.bytes.withLockedValue { $0 } }

    /// Whether the server closed the connection.
    var isClosed: Bool { recorder.closed.withLockedValue { $0 } }

    /// Waits (bounded by `timeout` seconds) until `ready` holds for what was received, and returns its value.
    func wait<T>(timeout: Double = 10, _ ready: ([UInt8], Bool) -> T?) async throws -> T {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            if let value = ready(received, isClosed) { return value }
            guard ContinuousClock.now < deadline else {
                throw TimedOut(received: String(decoding: received, as: UTF8.self))
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Closes the connection.
    func close() async {
        try? await channel.close()
    }
}
