import NIOCore

/// The inbound side of `WebSocketClient`: reads the upgrade response (and a refusal's body), then frames.
final class WebSocketClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// User event: the client sent a Close frame, so a server Close is not echoed.
    struct ClientSentClose {}

    private enum State {
        case head
        case refusalBody(HTTPClientResponse, HTTPBodyReader)
        case frames
        case finished
    }

    private var state = State.head
    private var buffer = ByteBuffer()
    private let handshake: EventLoopPromise<HTTPClientResponse>
    private let onEvent: @Sendable (WebSocketClientEvent) -> Void
    private var inflater: Inflater?
    private var message: (opcode: UInt8, compressed: Bool, payload: [UInt8])?
    private var closeSent = false
    /// Whether the upgrade succeeded (only then does the end of the connection count as an event).
    private var upgraded = false

    init(handshake: EventLoopPromise<HTTPClientResponse>, onEvent: @escaping @Sendable (WebSocketClientEvent) -> Void) {
        self.handshake = handshake
        self.onEvent = onEvent
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        buffer.writeBuffer(&bytes)
        process(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ClientSentClose { closeSent = true }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        switch state {
        case .head:
            handshake.fail(ChannelError.eof)
        case .refusalBody(var response, var reader):
            response.body = reader.finishAtEOF(&buffer)
            handshake.succeed(response)
        case .frames:
            onEvent(.ended)
        case .finished:
            if upgraded { onEvent(.ended) }
        }
        state = .finished
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func process(context: ChannelHandlerContext) {
        while true {
            switch state {
            case .head:
                guard let head = HTTPBodyReader.readHead(from: &buffer) else { return }
                guard let response = head else {
                    handshake.fail(ChannelError.inputClosed)
                    context.close(promise: nil)
                    return
                }
                if response.status == 101 {
                    if response.header("Sec-WebSocket-Extensions")?.contains("permessage-deflate") == true {
                        inflater = Inflater()
                    }
                    state = .frames
                    upgraded = true
                    handshake.succeed(response)
                } else {
                    state = .refusalBody(response, HTTPBodyReader(response))
                }
            case .refusalBody(var response, var reader):
                guard let body = reader.read(from: &buffer) else {
                    state = .refusalBody(response, reader)
                    return
                }
                response.body = body
                state = .finished
                handshake.succeed(response)
                context.close(promise: nil)
            case .frames:
                guard let frame = WebSocketWireFrame.read(from: &buffer) else { return }
                handle(frame, context: context)
            case .finished:
                buffer.clear()
                return
            }
        }
    }

    private func handle(_ frame: WebSocketWireFrame, context: ChannelHandlerContext) {
        switch frame.opcode {
        case WebSocketWireFrame.Opcode.ping.rawValue:
            write(WebSocketWireFrame(.pong, frame.payload), context: context)
        case WebSocketWireFrame.Opcode.pong.rawValue:
            break
        case WebSocketWireFrame.Opcode.close.rawValue:
            let code = frame.payload.count >= 2 ? Int(frame.payload[0]) << 8 | Int(frame.payload[1]) : nil
            onEvent(.close(code: code, reason: String(decoding: frame.payload.dropFirst(2), as: UTF8.self)))
            if !closeSent {
                closeSent = true
                write(WebSocketWireFrame(.close, Array(frame.payload.prefix(2))), context: context)
            }
        case WebSocketWireFrame.Opcode.continuation.rawValue:
            guard message != nil else { return fail("continuation without a message", context: context) }
            message!.payload += frame.payload
            if frame.fin { deliverMessage(context: context) }
        case WebSocketWireFrame.Opcode.text.rawValue, WebSocketWireFrame.Opcode.binary.rawValue:
            guard message == nil else { return fail("new message inside a fragmented one", context: context) }
            message = (frame.opcode, frame.rsv1, frame.payload)
            if frame.fin { deliverMessage(context: context) }
        default:
            fail("frame with opcode \(frame.opcode)", context: context)
        }
    }

    private func deliverMessage(context: ChannelHandlerContext) {
        guard let (opcode, compressed, payload) = message else { return }
        message = nil
        var bytes = payload
        if compressed {
            guard let inflater, let inflated = inflater.inflate(message: payload) else {
                return fail("compressed message that does not inflate", context: context)
            }
            bytes = inflated
        }
        onEvent(opcode == WebSocketWireFrame.Opcode.text.rawValue ? .text(bytes) : .binary(bytes))
    }

    private func fail(_ reason: String, context: ChannelHandlerContext) {
        onEvent(.protocolError(reason))
        state = .finished
        context.close(promise: nil)
    }

    private func write(_ frame: WebSocketWireFrame, context: ChannelHandlerContext) {
        let mask = (0..<4).map { _ in UInt8.random(in: 0...255) }
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: frame.encoded(mask: mask))), promise: nil)
    }
}
