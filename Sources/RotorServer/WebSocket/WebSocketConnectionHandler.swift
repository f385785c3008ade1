import NIOCore
import NIOWebSocket

/// The WebSocket layer of an upgraded channel: assembles client messages, answers Pings, runs the close
/// handshake, keeps the connection alive with Pings where asked, compresses outbound messages, and hands
/// messages to its `WebSocketSession`.
final class WebSocketConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private enum State {
        /// Messages flow both ways.
        case open
        /// Our Close frame is out; waiting for the client's (or the close timer).
        case closeSent
        /// The channel is closing or closed.
        case closed
    }

    let settings: WebSocketSettings
    let session: any WebSocketSession
    private var reader: WebSocketMessageReader
    private var state = State.open
    private var reading = true
    private var sessionEnded = false
    private var context: ChannelHandlerContext?
    private var compressors: CompressorCache?
    private var pingTask: Scheduled<Void>?
    private var deadlineTask: Scheduled<Void>?
    private var closeTask: Scheduled<Void>?

    init(settings: WebSocketSettings, session: any WebSocketSession) {
        self.settings = settings
        self.session = session
        self.reader = WebSocketMessageReader(
            limit: settings.messageSizeLimit, compressed: settings.deflate != nil, validatesUTF8: settings.validatesUTF8
        )
    }

    // MARK: Lifecycle

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if settings.deflate != nil { compressors = CompressorCache.current }
        schedulePing()
        extendDeadline()
        session.opened(self)
        if !context.channel.isActive { ended() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        ended()
        context.fireChannelInactive()
    }

    /// The channel is gone: the session learns it once.
    private func ended() {
        state = .closed
        cancelTimers()
        context = nil
        guard !sessionEnded else { return }
        sessionEnded = true
        session.closed()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimers()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if !context.channel.isWritable && state == .open { session.becameUnwritable() }
        context.fireChannelWritabilityChanged()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error as? NIOWebSocketError {
        case .invalidFrameLength: fail(code: 1009, reason: "")
        case .some: fail(code: 1002, reason: "bad control frame")
        case nil: closeChannel()
        }
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard state != .closed else { return }
        let frame = unwrapInboundIn(data)
        switch reader.read(frame, inflater: compressors?.inflater) {
        case .none:
            break
        case .message(let message, let binary):
            guard state == .open, reading else { return }
            session.received(message, binary: binary)
        case .ping(let payload):
            guard state == .open else { return }
            write(WebSocketFrame(fin: true, opcode: .pong, data: payload))
            context.flush()
        case .pong:
            extendDeadline()
        case .close(let code):
            if state == .open {
                var payload = context.channel.allocator.buffer(capacity: 2)
                if let code { payload.writeInteger(code) }
                write(WebSocketFrame(fin: true, opcode: .connectionClose, data: payload))
            }
            closeChannel()
        case .failure(let code, let reason):
            fail(code: code, reason: reason)
        }
    }

    // MARK: Outbound (for the session)

    /// Whether the connection still accepts messages.
    var isOpen: Bool { state == .open }

    /// Writes one data message, `prefix` then `message` (compressed when negotiated and long enough); `flush`
    /// sends it. Uncompressed, the two buffers go out as they are (a shared publication is not copied).
    func send(_ message: ByteBuffer, binary: Bool, prefix: ByteBuffer? = nil) {
        guard state == .open else { return }
        let opcode: WebSocketOpcode = binary ? .binary : .text
        let size = message.readableBytes + (prefix?.readableBytes ?? 0)
        if let deflate = settings.deflate, let compressors,
            settings.compressionMinSize == 0 || size > settings.compressionMinSize
        {
            var whole = message
            if var prefix {
                prefix.writeImmutableBuffer(message)
                whole = prefix
            }
            let deflater = compressors.deflater(level: settings.compressionLevel, windowBits: deflate.serverWindowBits)
            if let compressed = deflater.compress(whole, allocator: context?.channel.allocator ?? ByteBufferAllocator())
            {
                write(WebSocketFrame(fin: true, rsv1: true, opcode: opcode, data: compressed))
                return
            }
        }
        write(WebSocketFrame(fin: true, opcode: opcode, data: message, extensionData: prefix))
    }

    /// Sends what was written.
    func flush() {
        context?.flush()
    }

    /// Stops handing data messages to the session (control frames are still answered).
    func stopReading() {
        reading = false
    }

    /// Starts the close handshake with `code` and `reason`; TCP is dropped when the client answers, or after
    /// `closeWait`.
    func close(code: UInt16, reason: String) {
        guard state == .open, let context else { return }
        state = .closeSent
        cancelKeepalive()
        var payload = context.channel.allocator.buffer(capacity: 2 + reason.utf8.count)
        payload.writeInteger(code)
        payload.writeString(reason)
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(
            wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: payload)),
            promise: promise)
        scheduleCloseTimer()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        promise.futureResult.whenComplete { result in
            switch result {
            case .success: loopBound.value.scheduleCloseTimer()
            case .failure: loopBound.value.closeChannel()
            }
        }
    }

    /// Flushes and drops TCP without a Close frame.
    func closeWithoutFrame() {
        guard state != .closed, let context else { return }
        state = .closed
        cancelTimers()
        context.flush()
        context.close(promise: nil)
    }

    // MARK: Internals

    private func write(_ frame: WebSocketFrame) {
        context?.write(wrapOutboundOut(frame), promise: nil)
    }

    /// Fails the connection: a Close frame with `code`, then TCP close once it is written.
    func fail(code: UInt16, reason: String) {
        guard let context, state != .closed else { return }
        let wasOpen = state == .open
        state = .closed
        cancelTimers()
        guard wasOpen else {
            context.close(promise: nil)
            return
        }
        var payload = context.channel.allocator.buffer(capacity: 2 + reason.utf8.count)
        payload.writeInteger(code)
        payload.writeString(reason)
        let frame = WebSocketFrame(fin: true, opcode: .connectionClose, data: payload)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(frame)).whenComplete { _ in loopBound.value.close(promise: nil) }
    }

    private func closeChannel() {
        guard let context, state != .closed else { return }
        state = .closed
        cancelTimers()
        context.flush()
        context.close(promise: nil)
    }

    private func scheduleCloseTimer() {
        guard state == .closeSent, let context else { return }
        closeTask?.cancel()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        closeTask = context.eventLoop.scheduleTask(in: TimeAmount(settings.closeWait)) {
            loopBound.value.closeChannel()
        }
    }

    private func schedulePing() {
        guard let interval = settings.pingInterval, interval > .zero, let context else { return }
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        pingTask = context.eventLoop.scheduleTask(in: TimeAmount(interval)) {
            loopBound.value.ping()
        }
    }

    private func ping() {
        guard state == .open, let context else { return }
        if settings.emptyTextBeforePing { send(context.channel.allocator.buffer(capacity: 0), binary: false) }
        write(WebSocketFrame(fin: true, opcode: .ping, data: context.channel.allocator.buffer(capacity: 0)))
        context.flush()
        schedulePing()
    }

    private func extendDeadline() {
        guard let wait = settings.pongWait, wait > .zero, let context, state == .open else { return }
        deadlineTask?.cancel()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        deadlineTask = context.eventLoop.scheduleTask(in: TimeAmount(wait)) {
            loopBound.value.closeWithoutFrame()
        }
    }

    private func cancelKeepalive() {
        pingTask?.cancel()
        pingTask = nil
        deadlineTask?.cancel()
        deadlineTask = nil
    }

    private func cancelTimers() {
        cancelKeepalive()
        closeTask?.cancel()
        closeTask = nil
    }
}
