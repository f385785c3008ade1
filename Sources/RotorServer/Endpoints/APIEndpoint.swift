import NIOCore
import NIOHTTP1
import RotorAPI

/// `POST /api` (and the `v5_api` routes below it): the HTTP shell of `RotorAPI.APIHandler`, which runs on the
/// node's loop; the answer is written back on the request's loop.
struct APIEndpoint: HTTPEndpoint {
    let host: NodeHost
    var name: String { "API" }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        var headers: [(name: String, value: String)] = []
        for header in request.head.headers { headers.append((header.name, header.value)) }
        let apiRequest = APIRequest(
            method: request.method, path: request.path, query: request.query, headers: headers, body: request.body)
        let loop = responder.eventLoop
        let box = ResponderBox(responder)
        host.onNode { [host] _ in
            host.api.handle(apiRequest) { response in
                loop.execute { box.responder.respond(response) }
            }
        }
    }
}

/// Carries a responder to another loop and back; it is only used on its own loop.
struct ResponderBox: @unchecked Sendable {
    let responder: HTTPResponder
    init(_ responder: HTTPResponder) { self.responder = responder }
}

extension HTTPResponder {
    /// Writes a server API response.
    func respond(_ response: APIResponse) {
        var headers = HTTPHeaders()
        if let contentType = response.contentType { headers.add(name: "Content-Type", value: contentType) }
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) { headers.add(name: name, value: value) }
        respond(status: HTTPResponseStatus(statusCode: response.status), headers: headers, body: response.body)
    }
}
