import NIOCore
import NIOHTTP1
import RotorProtocol

/// `/connection/uni_sse` and `/connection/uni_http_stream` (`client-protocol.md` §12.2, §12.3): the request
/// carries one JSON ConnectRequest (uni_sse: `cf_connect` on GET or the body on POST; uni_http_stream: the
/// POST body); the response streams bare pushes in protocol v1 or v2.
struct UnidirectionalStreamEndpoint: HTTPEndpoint {
    let kind: StreamKind
    let context: ServerContext
    let maxBodySize: Int?
    var isRealtime: Bool { true }
    var name: String { kind.name }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        let cors = CORSHeaders.headers(for: request, originCheck: context.originCheck)
        let connectData: ByteBuffer?
        switch request.method {
        case "OPTIONS" where kind == .uniHTTPStream:
            responder.respond(status: .ok, headers: cors)
            return
        case "GET" where kind == .uniSSE:
            let query = request.queryValue("cf_connect") ?? ""
            connectData = query.isEmpty ? nil : ByteBuffer(string: query)
        case "POST":
            connectData = request.body
        default:
            responder.respond(status: .methodNotAllowed, headers: cors)
            return
        }
        var connect = ConnectRequest()
        if let connectData {
            guard let decoded = try? MessageCodec.json.decode(ConnectRequest.self, from: connectData) else {
                // The reference's handler returns without writing: an empty 200.
                responder.respond(status: .ok, headers: cors)
                return
            }
            connect = decoded
        }
        let client = context.configuration.client
        let selection = ProtocolVersion.select(
            queryValue: request.queryValue("cf_protocol_version"),
            v1ByDefault: client.useClientProtocolV1ByDefault, v1Disabled: client.disableClientProtocolV1)
        switch selection {
        case .failure(.unknownVersion):
            responder.respond(status: .badRequest, headers: cors)
        case .failure(.v1Disabled):
            responder.respondText(.badRequest, "Bad Request", headers: cors)
        case .success(let version):
            let connection = context.openStream(
                kind, version: version, encoding: .json, request: request, responder: responder, cors: cors)
            connection.receive(connect: connect)
        }
    }
}
