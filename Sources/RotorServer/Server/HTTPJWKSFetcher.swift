import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import RotorTokens

/// Downloads JWKS documents (`token_jwks_public_endpoint`) with a plain HTTP/1.1 GET over NIO, TLS for
/// `https` URLs; anything but `200` within 10 s is a failure.
struct HTTPJWKSFetcher: JWKSFetcher {
    let group: any EventLoopGroup
    static let timeout: TimeAmount = .seconds(10)
    static let maxBodySize = 1 << 20

    enum FetchError: Error { case badURL(String), status(Int), tooLarge, closedEarly }

    func fetch(url: String) async throws -> [UInt8] {
        guard let target = FetchTarget(url) else { throw FetchError.badURL(url) }
        let tlsContext = target.tls ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let promise = group.next().makePromise(of: [UInt8].self)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(Self.timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let tlsContext {
                        try sync.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: target.host))
                    }
                    try sync.addHTTPClientHandlers()
                    try sync.addHandler(JWKSResponseCollector(promise: promise))
                }
            }
            .connect(host: target.host, port: target.port).get()
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: target.host)
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "Connection", value: "close")
        let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: target.path, headers: headers)
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        let timeout = channel.eventLoop.scheduleTask(in: Self.timeout) { channel.close(promise: nil) }
        defer { timeout.cancel() }
        let body = try await promise.futureResult.get()
        channel.close(promise: nil)
        return body
    }
}

/// The pieces of an `http(s)://host[:port]/path` URL.
struct FetchTarget {
    var tls: Bool
    var host: String
    var port: Int
    var path: String

    init?(_ url: String) {
        let rest: Substring
        if url.hasPrefix("https://") {
            tls = true
            rest = url.dropFirst(8)
        } else if url.hasPrefix("http://") {
            tls = false
            rest = url.dropFirst(7)
        } else {
            return nil
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        path = slash == rest.endIndex ? "/" : String(rest[slash...])
        if let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]) {
            host = String(authority[..<colon])
            self.port = port
        } else {
            host = String(authority)
            port = tls ? 443 : 80
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
    }
}

/// Collects one HTTP response body and completes the promise (200 only).
final class JWKSResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    let promise: EventLoopPromise<[UInt8]>
    var status = 0
    var body: [UInt8] = []
    var done = false

    init(promise: EventLoopPromise<[UInt8]>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !done else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
        case .body(let buffer):
            body += buffer.readableBytesView
            if body.count > HTTPJWKSFetcher.maxBodySize { fail(HTTPJWKSFetcher.FetchError.tooLarge, context) }
        case .end:
            done = true
            if status == 200 {
                promise.succeed(body)
            } else {
                promise.fail(HTTPJWKSFetcher.FetchError.status(status))
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(HTTPJWKSFetcher.FetchError.closedEarly, context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error, context)
    }

    private func fail(_ error: any Error, _ context: ChannelHandlerContext) {
        guard !done else { return }
        done = true
        promise.fail(error)
        context.close(promise: nil)
    }
}
