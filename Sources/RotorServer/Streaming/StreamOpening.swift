import NIOHTTP1
import RotorProtocol

extension ServerContext {
    /// Opens a node connection streamed back on `responder`: sends the head (CORS headers first) and the
    /// preamble, and returns the node's side, ready for the connect request or the first commands.
    func openStream(
        _ kind: StreamKind, version: ProtocolVersion, encoding: ProtocolEncoding, request: HTTPRequest,
        responder: HTTPResponder, cors: HTTPHeaders
    ) -> NodeConnection {
        let transport = StreamTransport(
            responder: responder, kind: kind, version: version, encoding: encoding,
            queueLimit: configuration.client.clientQueueMaxSize)
        let connection = host.connect(
            kind.description(version: version, encoding: encoding), transport: transport, on: responder.eventLoop)
        transport.connection = connection
        let httpMajor = request.head.version.major
        transport.start(headers: kind.responseHeaders(encoding: encoding, cors: cors, httpMajor: httpMajor))
        return connection
    }
}
