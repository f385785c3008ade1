import NIOCore
import NIOHTTP1

/// Writes the answer to one HTTP request, confined to its channel's event loop: either a whole response or a
/// stream (head now, body parts as they come, end later). Created by the router for each request.
public final class HTTPResponder {
    let context: ChannelHandlerContext
    let keepAlive: Bool
    let version: HTTPVersion
    private(set) var finished = false
    private var streaming = false
    private let onFinish: (_ keepOpen: Bool) -> Void
    /// Called once if the client goes away before the response ended (stream endpoints clean up here).
    public var onClientGone: (() -> Void)?

    init(context: ChannelHandlerContext, head: HTTPRequestHead, onFinish: @escaping (_ keepOpen: Bool) -> Void) {
        self.context = context
        self.keepAlive = head.isKeepAlive
        self.version = head.version
        self.onFinish = onFinish
    }

    /// The channel's event loop.
    public var eventLoop: any EventLoop { context.eventLoop }
    /// The channel.
    public var channel: any Channel { context.channel }

    /// Sends a complete response.
    public func respond(
        status: HTTPResponseStatus, headers: HTTPHeaders = HTTPHeaders(), body: ByteBuffer? = nil
    ) {
        guard !finished, !streaming else { return }
        var headers = headers
        headers.replaceOrAdd(name: "Content-Length", value: String(body?.readableBytes ?? 0))
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        context.write(
            NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: version, status: status, headers: headers))),
            promise: nil)
        if let body, body.readableBytes > 0 {
            context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(body))), promise: nil)
        }
        finish()
    }

    /// Answers a HEAD request: the headers a GET would get, with its `Content-Length`, and no body.
    public func respondHead(status: HTTPResponseStatus, headers: HTTPHeaders, contentLength: Int) {
        guard !finished, !streaming else { return }
        var headers = headers
        headers.replaceOrAdd(name: "Content-Length", value: String(contentLength))
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        context.write(
            NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: version, status: status, headers: headers))),
            promise: nil)
        finish()
    }

    /// Sends a plain-text error as Go's `http.Error` does (`text` and a line feed, `nosniff`).
    public func respondText(_ status: HTTPResponseStatus, _ text: String, headers: HTTPHeaders = HTTPHeaders()) {
        var headers = headers
        headers.replaceOrAdd(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        respond(status: status, headers: headers, body: ByteBuffer(string: text + "\n"))
    }

    /// Starts a streamed response (chunked on HTTP/1.1).
    public func startStream(status: HTTPResponseStatus = .ok, headers: HTTPHeaders) {
        guard !finished, !streaming else { return }
        streaming = true
        context.writeAndFlush(
            NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: version, status: status, headers: headers))),
            promise: nil)
    }

    /// Writes part of a streamed body; `flush` sends it now.
    public func write(_ part: ByteBuffer, flush: Bool = true) {
        guard streaming, !finished else { return }
        context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(part))), promise: nil)
        if flush { context.flush() }
    }

    /// Flushes what was written.
    public func flush() {
        guard streaming, !finished else { return }
        context.flush()
    }

    /// Ends a streamed response and closes the connection (a stream is never followed by another request).
    public func endStream() {
        guard streaming, !finished else { return }
        finished = true
        onClientGone = nil
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
        onFinish(false)
    }

    /// Whether the response has ended.
    public var isFinished: Bool { finished }

    private func finish() {
        finished = true
        onClientGone = nil
        context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
        onFinish(keepAlive)
    }

    /// The router saw the channel go inactive.
    func clientWentAway() {
        guard !finished else { return }
        finished = true
        let callback = onClientGone
        onClientGone = nil
        callback?()
    }
}
