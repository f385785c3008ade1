import NIOCore
import RotorProtocol
import Testing

@testable import RotorServer

@Suite("SockJS: frames, routes and message lists")
struct SockJSProtocolTests {
    @Test("message and close frames quote strings as Go's encoding/json does")
    func frames() {
        #expect(SockJSFrame.messages(["{\"id\":1}", "a<b"]) == #"a["{\"id\":1}","a\u003cb"]"#)
        #expect(SockJSFrame.close(code: 3503, reason: "force disconnect") == #"c[3503,"force disconnect"]"#)
        let disconnect = Disconnect(code: 3503, reason: "force disconnect", reconnect: true)
        #expect(
            SockJSFrame.close(disconnect, version: .v1)
                == #"c[3503,"{\"reason\":\"force disconnect\",\"reconnect\":true}"]"#)
        #expect(SockJSFrame.anotherConnectionStillOpen == #"c[2010,"Another connection still open"]"#)
    }

    @Test("each receiving transport wraps frames its own way")
    func framing() {
        #expect(SockJSFraming.lines.wrap("o") == "o\n")
        #expect(SockJSFraming.eventSource.wrap("a[\"50%\\n\"]\r\n") == "data: a[\"50%25\\n\"]%0D%0A\r\n\r\n")
        #expect(SockJSFraming.jsonp(callback: "cb.x").wrap("o") == "cb.x(\"o\");\r\n")
        #expect(SockJSFraming.htmlFile.wrap("h") == "<script>\np(\"h\");\n</script>\r\n")
        #expect(SockJSFraming.isValidCallback("a_b.C9"))
        #expect(!SockJSFraming.isValidCallback("alert(1)"))
    }

    @Test("client message lists read like json.Decoder into []string")
    func messageLists() {
        func read(_ text: String) -> SockJSMessageList { SockJSMessageList.read(ByteBuffer(string: text)) }
        #expect(read(#"["a","b\n"] trailing"#) == .messages(["a", "b\n"]))
        #expect(read("  ") == .empty)
        #expect(read(#"["a""#) == .broken)
        #expect(read("[1,") == .broken)
        #expect(read(#"["a",1,null]"#) == .mistyped(["a", "", ""]))
        #expect(read(#"{"a":1}"#) == .mistyped([]))
        #expect(read("null") == .messages([]))
    }

    @Test("routes resolve like sockjs-go's mapping table, with Allow lists for other methods")
    func routes() {
        #expect(SockJSRoute.resolve(method: "GET", path: "/info") == .route(.info))
        #expect(SockJSRoute.resolve(method: "POST", path: "/info") == .methodNotAllowed(allowed: ["OPTIONS", "GET"]))
        #expect(SockJSRoute.resolve(method: "GET", path: "") == .route(.greeting))
        #expect(SockJSRoute.resolve(method: "GET", path: "/iframe.html") == .route(.iframe))
        #expect(SockJSRoute.resolve(method: "GET", path: "/iframe-1.6.1.min.html") == .route(.iframe))
        #expect(SockJSRoute.resolve(method: "GET", path: "/iframeA.html") == .notFound)
        #expect(
            SockJSRoute.resolve(method: "POST", path: "/000/abc/xhr_streaming")
                == .route(.session(id: "abc", transport: .xhrStreaming)))
        #expect(
            SockJSRoute.resolve(method: "GET", path: "/000/abc/xhr_send")
                == .methodNotAllowed(allowed: ["POST", "OPTIONS"]))
        #expect(SockJSRoute.resolve(method: "GET", path: "/000/a.b/websocket") == .notFound)
        #expect(SockJSRoute.resolve(method: "GET", path: "/000//websocket") == .notFound)
        #expect(SockJSRoute.resolve(method: "GET", path: "/websocket") == .notFound)
        #expect(SockJSRoute.resolve(method: "GET", path: "/000/abc/unknown") == .notFound)
    }

    @Test("Expires dates use Go's RFC 1123 layout in UTC")
    func httpDate() {
        #expect(SockJSHeaders.httpDate(secondsSinceEpoch: 0) == "Thu, 01 Jan 1970 00:00:00 UTC")
        #expect(SockJSHeaders.httpDate(secondsSinceEpoch: 1_709_210_096) == "Thu, 29 Feb 2024 12:34:56 UTC")
    }

    @Test("the htmlfile prelude is padded past 1 KiB whatever the callback")
    func htmlFilePrelude() {
        let short = SockJSPages.htmlFilePrelude(callback: "c")
        let long = SockJSPages.htmlFilePrelude(callback: "callback_with_a_long_name")
        #expect(short.utf8.count > 1024)
        #expect(long.utf8.count - short.utf8.count == "callback_with_a_long_name".utf8.count - 1)
        #expect(short.hasSuffix("\r\n\r\n"))
    }
}
