import NIOHTTP1
import Testing

@testable import RotorServer

@Suite("Route table (Go ServeMux matching)")
struct RouteTableTests {
    struct Named: HTTPEndpoint {
        let name: String
        func handle(_ request: HTTPRequest, responder: HTTPResponder) {}
    }

    @Test("an exact prefix matches only its path; a subtree prefix its whole subtree")
    func matching() {
        var table = RouteTable()
        table.mount(Named(name: "api"), at: "/api")
        table.mount(Named(name: "sockjs"), at: "/connection/sockjs", subtree: true)
        #expect(table.endpoint(for: "/api")?.name == "api")
        #expect(table.endpoint(for: "/api/") == nil)
        #expect(table.endpoint(for: "/api/publish") == nil)
        #expect(table.endpoint(for: "/connection/sockjs/info")?.name == "sockjs")
        #expect(table.endpoint(for: "/nothing") == nil)
    }

    @Test("trailing slashes are stripped and an empty prefix is the catch-all")
    func normalisation() {
        var table = RouteTable()
        table.mount(Named(name: "api"), at: "/api///")
        table.mount(Named(name: "all"), at: "")
        #expect(table.endpoint(for: "/api")?.name == "api")
        #expect(table.endpoint(for: "/anything/at/all")?.name == "all")
    }

    @Test("query values decode like Go's url.ParseQuery")
    func queryDecoding() {
        #expect(
            HTTPRequest.queryValue("cf_connect", in: "a=1&cf_connect=%7B%22token%22%3A%22x+y%22%7D")
                == #"{"token":"x y"}"#)
        #expect(HTTPRequest.queryValue("missing", in: "a=1") == nil)
        #expect(HTTPRequest.queryValue("a", in: "a") == "")
        #expect(HTTPRequest.queryValue("a", in: "a=%zz") == nil)
    }
}
