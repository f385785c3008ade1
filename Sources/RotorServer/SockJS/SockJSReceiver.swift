import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// One request that carries a session's frames to the client (a poll, a stream, a WebSocket), as the session
/// sees it: used only on the session's event loop (hence unchecked `Sendable`); it hops to its own channel's loop
/// to write.
protocol SockJSReceiver: AnyObject, Sendable {
    /// Unique among all receivers (`SockJSReceiverID.next()`).
    var id: Int { get }
    /// Sends one frame; returns false when the receiver is finished after it (poll answered, response limit).
    func send(_ frame: String) -> Bool
    /// Ends the response or closes the socket.
    func end()
}

/// Hands out receiver ids.
enum SockJSReceiverID {
    private static let counter = NIOLockedValueBox(0)

    /// A fresh id.
    static func next() -> Int {
        counter.withLockedValue { value in
            value += 1
            return value
        }
    }
}

/// A polling response (`xhr`): the first frame is the whole response body.
final class SockJSPollReceiver: SockJSReceiver, @unchecked Sendable {
    let id = SockJSReceiverID.next()
    private let responder: ResponderBox
    private let loop: any EventLoop
    private let headers: HTTPHeaders
    private var answered = false

    init(responder: HTTPResponder, headers: HTTPHeaders) {
        self.responder = ResponderBox(responder)
        self.loop = responder.eventLoop
        self.headers = headers
    }

    func send(_ frame: String) -> Bool {
        answer(ByteBuffer(string: SockJSFraming.lines.wrap(frame)))
        return false
    }

    func end() { answer(ByteBuffer()) }

    private func answer(_ body: ByteBuffer) {
        guard !answered else { return }
        answered = true
        let responder = responder
        let headers = headers
        loop.execute { responder.responder.respond(status: .ok, headers: headers, body: body) }
    }
}

/// A streamed response (`xhr_streaming`, `eventsource`, `htmlfile`, `jsonp`): frames are written as they come
/// until `limit` body bytes were written (the prelude not counted), then the response ends.
final class SockJSStreamReceiver: SockJSReceiver, @unchecked Sendable {
    let id = SockJSReceiverID.next()
    private let responder: ResponderBox
    private let loop: any EventLoop
    private let framing: SockJSFraming
    private let limit: Int
    private var written = 0
    private var ended = false

    /// A receiver on a response whose head and prelude were already written.
    init(responder: HTTPResponder, framing: SockJSFraming, limit: Int) {
        self.responder = ResponderBox(responder)
        self.loop = responder.eventLoop
        self.framing = framing
        self.limit = limit
    }

    func send(_ frame: String) -> Bool {
        guard !ended else { return false }
        let part = ByteBuffer(string: framing.wrap(frame))
        written += part.readableBytes
        let responder = responder
        loop.execute { responder.responder.write(part) }
        if written >= limit {
            end()
            return false
        }
        return true
    }

    func end() {
        guard !ended else { return }
        ended = true
        let responder = responder
        loop.execute { responder.responder.endStream() }
    }
}

/// The framed WebSocket transport: each frame is one text message; ending closes the TCP connection without
/// a Close frame (the SockJS close frame already told the client).
final class SockJSWebSocketReceiver: SockJSReceiver, @unchecked Sendable {
    let id = SockJSReceiverID.next()
    private let channel: any Channel
    private var ended = false

    init(channel: any Channel) {
        self.channel = channel
    }

    func send(_ frame: String) -> Bool {
        guard !ended else { return false }
        let data = channel.allocator.buffer(string: frame)
        channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .text, data: data), promise: nil)
        return true
    }

    func end() {
        guard !ended else { return }
        ended = true
        channel.close(promise: nil)
    }
}
