import NIOCore
import NIOEmbedded
import NIOHTTP1
import RotorProtocol
import Testing

@testable import RotorServer

/// The v1 pings of unidirectional streams, on an embedded channel whose clock the test moves.
@Suite("StreamTransport v1 pings")
struct StreamTransportPingTests {
    /// Hands the opened transport to the test.
    final class Opened: @unchecked Sendable {
        var transport: StreamTransport?
    }

    /// Opens a stream of `kind` in `version` for any request.
    struct Opener: HTTPEndpoint {
        let kind: StreamKind
        let version: ProtocolVersion
        let opened: Opened
        var name: String { "test" }

        func handle(_ request: HTTPRequest, responder: HTTPResponder) {
            let transport = StreamTransport(responder: responder, kind: kind, version: version, encoding: .json)
            transport.start(headers: HTTPHeaders())
            opened.transport = transport
        }
    }

    /// A channel whose router serves `Opener` at `/s`, after one request to it, and the opened transport.
    static func open(_ kind: StreamKind, _ version: ProtocolVersion) throws -> (EmbeddedChannel, StreamTransport) {
        let opened = Opened()
        var routes = RouteTable()
        routes.mount(Opener(kind: kind, version: version, opened: opened), at: "/s")
        let channel = EmbeddedChannel(handler: HTTPRouterHandler(routes: routes, limiter: nil))
        try channel.writeInbound(
            HTTPServerRequestPart.head(HTTPRequestHead(version: .http1_1, method: .POST, uri: "/s")))
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        guard case .head(let head) = try channel.readOutbound(as: HTTPServerResponsePart.self) else {
            throw CancellationError()
        }
        #expect(head.status == .ok)
        return (channel, try #require(opened.transport))
    }

    /// The body bytes written since the last call.
    static func written(_ channel: EmbeddedChannel) throws -> String {
        var text = ""
        while let part = try channel.readOutbound(as: HTTPServerResponsePart.self) {
            if case .body(.byteBuffer(let buffer)) = part { text += String(buffer: buffer) }
        }
        return text
    }

    @Test("uni_http_stream v1: a null line after 25 s of silence; a message moves the next ping on")
    func uniHTTPStream() throws {
        let (channel, transport) = try Self.open(.uniHTTPStream, .v1)
        channel.embeddedEventLoop.advanceTime(by: .seconds(24))
        #expect(try Self.written(channel) == "")
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(try Self.written(channel) == "null\n")
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        transport.enqueue(ByteBuffer(string: "{}"))
        transport.flushQueued()
        #expect(try Self.written(channel) == "{}\n")
        channel.embeddedEventLoop.advanceTime(by: .seconds(24))
        #expect(try Self.written(channel) == "")
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(try Self.written(channel) == "null\n")
        transport.close(.forceDisconnect)
        #expect(try Self.written(channel) == "{\"type\":7,\"data\":{\"code\":3503,\"reason\":\"force disconnect\"}}\n")
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(try Self.written(channel) == "")
    }

    @Test("uni_sse v1: a ping event after 25 s of silence, after the preamble")
    func uniSSE() throws {
        let (channel, _) = try Self.open(.uniSSE, .v1)
        #expect(try Self.written(channel) == "\r\n")
        channel.embeddedEventLoop.advanceTime(by: .seconds(25))
        #expect(try Self.written(channel) == "event: ping\ndata:\n\n")
    }

    @Test("v2 streams and emulation write no transport pings (the connection sends its own)")
    func noPings() throws {
        for (kind, version) in [(StreamKind.uniHTTPStream, ProtocolVersion.v2), (.uniSSE, .v2), (.httpStream, .v2)] {
            let (channel, _) = try Self.open(kind, version)
            _ = try Self.written(channel)
            channel.embeddedEventLoop.advanceTime(by: .seconds(100))
            #expect(try Self.written(channel) == "", "\(kind.name)")
        }
    }
}
