import NIOCore
import NIOHTTP1
import RotorProtocol

/// `/connection/http_stream` and `/connection/sse` (`client-protocol.md` §13.1, §13.2): the request carries
/// the first commands (http_stream: the POST body, Protobuf iff `Content-Type: application/octet-stream`;
/// sse: `cf_connect` on GET or the POST body, JSON only); the response streams the session's replies in
/// protocol v2, and later commands arrive through `/emulation`.
struct EmulatedStreamEndpoint: HTTPEndpoint {
    let kind: StreamKind
    let context: ServerContext
    let maxBodySize: Int?
    var isRealtime: Bool { true }
    var name: String { kind.name }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        let cors = CORSHeaders.headers(for: request, originCheck: context.originCheck)
        let frame: ByteBuffer
        switch request.method {
        case "OPTIONS" where kind == .httpStream:
            responder.respond(status: .ok, headers: cors)
            return
        case "GET" where kind == .sse:
            guard let commands = request.queryValue("cf_connect"), !commands.isEmpty else {
                responder.respond(status: .badRequest, headers: cors)
                return
            }
            frame = ByteBuffer(string: commands)
        case "POST":
            frame = request.body
        default:
            responder.respond(status: .methodNotAllowed, headers: cors)
            return
        }
        let encoding: ProtocolEncoding =
            kind == .httpStream ? .forHTTPStream(contentType: request.header("Content-Type")) : .json
        let connection = context.openStream(
            kind, version: .v2, encoding: encoding, request: request, responder: responder, cors: cors)
        connection.receive(frame: frame, with: CommandFrameReader(version: .v2, encoding: encoding))
    }
}
