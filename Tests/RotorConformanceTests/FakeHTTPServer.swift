import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A tiny server on 127.0.0.1 for testing the live replayer without a real server: every plain HTTP
/// request gets one fixed response; WebSocket upgrades to `/connection/websocket` are accepted and each
/// text message is answered from `script` (message text → frames to send back).
final class FakeHTTPServer {
    let channel: any Channel
    var port: Int { channel.localAddress!.port! }

    init(
        status: HTTPResponseStatus, body: String, script: [String: [WebSocketFrame]] = [:],
        group: any EventLoopGroup
    ) async throws {
        channel = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                let upgrader = NIOWebSocketServerUpgrader(
                    shouldUpgrade: { channel, head in
                        channel.eventLoop.makeSucceededFuture(
                            head.uri.hasPrefix("/connection/websocket") ? HTTPHeaders() : nil)
                    },
                    upgradePipelineHandler: { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(ScriptedWebSocket(script: script))
                        }
                    })
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                        withServerUpgrade: (
                            upgraders: [upgrader],
                            completionHandler: { context in
                                context.pipeline.removeHandler(name: "responder", promise: nil)
                            }
                        ))
                    try channel.pipeline.syncOperations.addHandler(
                        Responder(status: status, body: body), name: "responder")
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    /// A close frame with `code` and `reason`.
    static func close(_ code: Int, _ reason: String) -> WebSocketFrame {
        var data = ByteBuffer()
        data.writeInteger(UInt16(code))
        data.writeString(reason)
        return WebSocketFrame(fin: true, opcode: .connectionClose, data: data)
    }

    /// A text frame.
    static func text(_ text: String) -> WebSocketFrame {
        WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: text))
    }

    /// Answers text messages from the script; closes the connection once the client echoes a Close.
    private final class ScriptedWebSocket: ChannelInboundHandler {
        typealias InboundIn = WebSocketFrame
        typealias OutboundOut = WebSocketFrame

        let script: [String: [WebSocketFrame]]

        init(script: [String: [WebSocketFrame]]) {
            self.script = script
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = unwrapInboundIn(data)
            switch frame.opcode {
            case .text:
                for reply in script[String(buffer: frame.unmaskedData)] ?? [] {
                    context.write(wrapOutboundOut(reply), promise: nil)
                }
                context.flush()
            case .connectionClose:
                context.close(promise: nil)
            default:
                break
            }
        }
    }

    func stop() async throws {
        try await channel.close()
    }

    /// Answers each complete request with the fixed response.
    private final class Responder: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let status: HTTPResponseStatus
        let body: String

        init(status: HTTPResponseStatus, body: String) {
            self.status = status
            self.body = body
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .end = unwrapInboundIn(data) else { return }
            var head = HTTPResponseHead(version: .http1_1, status: status)
            head.headers.add(name: "Content-Length", value: String(body.utf8.count))
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
