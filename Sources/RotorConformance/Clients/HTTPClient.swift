import NIOCore
import NIOHTTP1
import NIOConcurrencyHelpers
import NIOPosix

/// What an HTTP exchange reports, in order.
public enum HTTPClientEvent: Sendable, Equatable {
    /// The status line and headers arrived.
    case head(HTTPClientResponse)
    /// A piece of the body, as read (chunk boundaries carry no meaning).
    case body([UInt8])
    /// The response is complete.
    case end
    /// The connection ended before the response did (or failed to open), with the reason.
    case failed(String)
}

/// A small HTTP/1.1 client over NIO for conformance runs: one request per connection, the response streamed
/// to a callback as it arrives (for HTTP streaming and SSE transports) or collected whole.
public final class HTTPClient: Sendable {
    private let channel: any Channel

    private init(channel: any Channel) {
        self.channel = channel
    }

    /// Connects to `host:port` and sends one request; `onEvent` gets the response as it arrives, on an event
    /// loop. The connection closes after the response ends.
    public static func start(
        host: String, port: Int, method: String, path: String, headers: [(String, String)] = [],
        body: [UInt8]? = nil, group: any EventLoopGroup, connectTimeout: TimeAmount = .seconds(5),
        onEvent: @escaping @Sendable (HTTPClientEvent) -> Void
    ) async throws -> HTTPClient {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(HTTPClientHandler(onEvent: onEvent))
                }
            }
            .connect(host: host, port: port).get()
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: path)
        head.headers.add(name: "Host", value: "\(host):\(port)")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        if let body { head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count)) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        if let body, !body.isEmpty {
            channel.write(HTTPClientRequestPart.body(.byteBuffer(ByteBuffer(bytes: body))), promise: nil)
        }
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil)).get()
        return HTTPClient(channel: channel)
    }

    /// One whole exchange: the response with its body, or nil if none came within `timeout`.
    public static func exchange(
        host: String, port: Int, method: String, path: String, headers: [(String, String)] = [],
        body: [UInt8]? = nil, group: any EventLoopGroup, timeout: TimeAmount = .seconds(5)
    ) async throws -> HTTPClientResponse? {
        let promise = group.next().makePromise(of: HTTPClientResponse?.self)
        let collector = HTTPResponseCollector(promise: promise)
        let client = try await start(
            host: host, port: port, method: method, path: path, headers: headers, body: body, group: group,
            connectTimeout: timeout, onEvent: collector.receive)
        let deadline = group.next().scheduleTask(in: timeout) { promise.succeed(nil) }
        defer {
            deadline.cancel()
            client.close()
        }
        return try await promise.futureResult.get()
    }

    /// Closes the connection (the client drops the response).
    public func close() {
        channel.close(promise: nil)
    }
}

/// Reassembles a streamed response for `HTTPClient.exchange`.
private final class HTTPResponseCollector: Sendable {
    private let promise: EventLoopPromise<HTTPClientResponse?>
    private let response = NIOLockedValueBox<HTTPClientResponse?>(nil)

    init(promise: EventLoopPromise<HTTPClientResponse?>) {
        self.promise = promise
    }

    @Sendable func receive(_ event: HTTPClientEvent) {
        switch event {
        case .head(let head): response.withLockedValue { $0 = head }
        case .body(let bytes): response.withLockedValue { $0?.body += bytes }
        case .end: promise.succeed(response.withLockedValue { $0 })
        case .failed: promise.succeed(nil)
        }
    }
}

/// Turns NIO's response parts into `HTTPClientEvent`s and closes the connection after the response.
private final class HTTPClientHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let onEvent: @Sendable (HTTPClientEvent) -> Void
    private var ended = false

    init(onEvent: @escaping @Sendable (HTTPClientEvent) -> Void) {
        self.onEvent = onEvent
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let headers = head.headers.map { (name: $0.name, value: $0.value) }
            onEvent(.head(HTTPClientResponse(status: Int(head.status.code), headers: headers)))
        case .body(let buffer):
            onEvent(.body(Array(buffer.readableBytesView)))
        case .end:
            ended = true
            onEvent(.end)
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !ended { onEvent(.failed("connection closed before the response ended")) }
        ended = true
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if !ended { onEvent(.failed("\(error)")) }
        ended = true
        context.close(promise: nil)
    }
}
