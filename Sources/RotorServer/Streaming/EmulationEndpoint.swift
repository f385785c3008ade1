import NIOCore
import NIOHTTP1
import RotorCore
import RotorNode
import RotorProtocol

/// `/emulation`: client → server commands of http_stream and sse sessions (`client-protocol.md` §13.3). The
/// commands go to the session's connection on the node; their replies leave on the session's stream, and the
/// request itself gets an empty 204 (404 for another node id, 400 for an unparsable body).
struct EmulationEndpoint: HTTPEndpoint {
    let context: ServerContext
    let maxBodySize: Int?
    var isRealtime: Bool { true }
    var name: String { "emulation" }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        let cors = CORSHeaders.headers(for: request, originCheck: context.originCheck)
        if request.method == "OPTIONS" {
            responder.respond(status: .ok, headers: cors)
            return
        }
        let encoding = ProtocolEncoding.forHTTPStream(contentType: request.header("Content-Type"))
        guard let envelope = EmulationEnvelope.parse(request.body, encoding: encoding) else {
            responder.respond(status: .badRequest, headers: cors)
            return
        }
        let answer = NIOLoopBound(responder, eventLoop: responder.eventLoop)
        let loop = responder.eventLoop
        context.host.onNode { node in
            let status: HTTPResponseStatus = envelope.node == node.id ? .noContent : .notFound
            if status == .noContent, let handle = node.connection(session: envelope.session) {
                Self.deliver(envelope, to: handle, on: node)
            }
            loop.execute { answer.value.respond(status: status, headers: cors) }
        }
    }

    /// Hands the envelope's commands to `handle` in its session's encoding, as a frame from its own stream.
    static func deliver(_ envelope: EmulationEnvelope, to handle: ConnectionHandle, on node: Node) {
        let transport = handle.transport
        let encoding: ProtocolEncoding = transport.isProtobuf ? .protobuf : .json
        guard let frame = envelope.frame(for: encoding) else { return }
        let (commands, failure) = CommandFrameReader(version: transport.version, encoding: encoding).read(frame)
        for command in commands { node.receive(command, from: handle) }
        if case .disconnect(let disconnect) = failure { node.disconnect(handle, disconnect) }
    }
}
