import NIOCore
import NIOPosix
import NIOSSL

/// Sends raw request bytes to a listener (over TLS when a context is given) and collects everything the
/// server writes until it closes the connection or `timeout` passes.
enum RawExchange {
    static func send(
        _ request: String, port: Int, tls: NIOSSLContext? = nil, timeout: TimeAmount = .seconds(10)
    ) async throws -> String {
        let group = MultiThreadedEventLoopGroup.singleton
        let collector = Collector()
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: nil))
                    }
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        try await channel.writeAndFlush(ByteBuffer(string: request))
        let closer = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        try await channel.closeFuture.get()
        closer.cancel()
        return try await channel.eventLoop.submit { collector.text }.get()
    }

    /// Accumulates inbound bytes.
    final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        var text = ""
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            text += buffer.readString(length: buffer.readableBytes) ?? ""
        }
        func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }
    }
}
