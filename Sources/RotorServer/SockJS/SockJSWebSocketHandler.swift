import NIOCore
import NIOWebSocket

/// Reads the framed SockJS WebSocket transport: each client message is a JSON array of message strings for the
/// session. A message that is not such an array ends the connection (after an empty text frame, as the
/// reference's unset close frame comes out); a Close frame is answered with the same code.
final class SockJSWebSocketHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let session: SockJSSession
    private let receiver: SockJSWebSocketReceiver
    private let maxMessageSize: Int
    /// The data message being reassembled from fragments.
    private var message: ByteBuffer?
    private var closing = false

    init(session: SockJSSession, receiver: SockJSWebSocketReceiver, maxMessageSize: Int) {
        self.session = session
        self.receiver = receiver
        self.maxMessageSize = maxMessageSize
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard !closing else { return }
        switch frame.opcode {
        case .text, .binary:
            guard message == nil else { return fail(context: context) }
            message = frame.unmaskedData
        case .continuation:
            guard var partial = message else { return fail(context: context) }
            var part = frame.unmaskedData
            partial.writeBuffer(&part)
            message = partial
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
            return
        case .connectionClose:
            answerClose(frame, context: context)
            return
        default:
            return
        }
        guard let complete = message else { return }
        if complete.readableBytes > maxMessageSize {
            return closeWith(.messageTooLarge, context: context)
        }
        guard frame.fin else { return }
        message = nil
        guard case .messages(let messages) = SockJSMessageList.read(complete), session.accept(messages) else {
            return fail(context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.terminate()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        closing = true
        context.close(promise: nil)
    }

    /// A message the session cannot take: the (unset) close frame goes out as an empty text frame, then TCP ends.
    private func fail(context: ChannelHandlerContext) {
        closing = true
        if session.isOpen { _ = receiver.send("") }
        context.close(promise: nil)
    }

    private func answerClose(_ frame: WebSocketFrame, context: ChannelHandlerContext) {
        closing = true
        var data = frame.unmaskedData
        var reply = context.channel.allocator.buffer(capacity: 2)
        if let code = data.readInteger(as: UInt16.self) { reply.writeInteger(code) }
        send(WebSocketFrame(fin: true, opcode: .connectionClose, data: reply), thenCloseOn: context)
    }

    private func closeWith(_ code: WebSocketErrorCode, context: ChannelHandlerContext) {
        closing = true
        var data = context.channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: code)
        send(WebSocketFrame(fin: true, opcode: .connectionClose, data: data), thenCloseOn: context)
    }

    private func send(_ frame: WebSocketFrame, thenCloseOn context: ChannelHandlerContext) {
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(frame), promise: written)
        let channel = context.channel
        written.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }
}
