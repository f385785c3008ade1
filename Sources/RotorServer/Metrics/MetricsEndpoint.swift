import NIOCore
import NIOHTTP1

/// `/metrics` (`prometheus: true`): any method → `200` with every metric in the Prometheus text format 0.0.4
/// (`server.md` §9.1).
struct MetricsEndpoint: HTTPEndpoint {
    let observability: Observability
    var name: String { "prometheus" }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        let box = ResponderBox(responder)
        observability.exposition(on: responder.eventLoop).whenSuccess { text in
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: ExpositionFormat.contentType)
            box.responder.respond(status: .ok, headers: headers, body: ByteBuffer(string: text))
        }
    }
}
