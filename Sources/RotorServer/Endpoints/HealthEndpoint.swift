import NIOCore
import NIOHTTP1

/// `/health` (`health: true`): any method → `200`, `application/json`, body `{}` (`server.md` §7.1).
struct HealthEndpoint: HTTPEndpoint {
    var name: String { "health" }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        responder.respond(status: .ok, headers: headers, body: ByteBuffer(string: "{}"))
    }
}
