import NIOCore
import NIOHTTP1
import Testing

@testable import RotorServer

@Suite("Route table: WebSocket subtrees")
struct WebSocketSubtreeRouteTests {
    struct Upgradable: WebSocketEndpoint {
        let name: String
        var maxFrameSize: Int { 65536 }
        func negotiate(_ request: HTTPRequest) -> WebSocketNegotiation { .accept(HTTPHeaders()) }
        func upgraded(channel: any Channel, request: HTTPRequest) -> EventLoopFuture<Void> {
            channel.eventLoop.makeSucceededVoidFuture()
        }
        func handle(_ request: HTTPRequest, responder: HTTPResponder) {}
    }

    @Test("a subtree WebSocket endpoint upgrades every path below its prefix; exact ones only their path")
    func subtreeLookup() {
        var table = RouteTable()
        table.mount(webSocket: Upgradable(name: "websocket"), at: "/connection/websocket")
        table.mount(webSocket: Upgradable(name: "SockJS"), at: "/connection/sockjs", subtree: true)
        #expect(table.webSocketEndpoint(for: "/connection/websocket")?.name == "websocket")
        #expect(table.webSocketEndpoint(for: "/connection/websocket/x") == nil)
        #expect(table.webSocketEndpoint(for: "/connection/sockjs/000/abc/websocket")?.name == "SockJS")
        #expect(table.webSocketEndpoint(for: "/connection/sockjsx/1/2/websocket") == nil)
        #expect(table.endpoint(for: "/connection/sockjs/info")?.name == "SockJS")
    }
}
