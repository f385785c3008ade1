import NIOCore
import NIOHTTP1
import RotorProtocol

extension SockJSEndpoint {
    /// The session `id` of `version`, opened (connected to the node, on this request's loop) when new.
    func session(_ id: String, version: ProtocolVersion, on loop: any EventLoop) -> SockJSSession {
        let sessions = registry(version)
        let (session, created) = sessions.session(id) {
            SockJSSession(
                id: id, eventLoop: loop, version: version, timing: settings.timing(for: version),
                maxWaitingBytes: settings.maxWaitingBytes, onClosed: { sessions.remove($0) })
        }
        if created { session.start(host: context.host) }
        return session
    }

    /// `xhr`: one poll; answered with the first frame the session has for it.
    func poll(session id: String, version: ProtocolVersion, request: HTTPRequest, responder: HTTPResponder) {
        let headers = xhrHeaders(request, contentType: "application/javascript; charset=UTF-8")
        let receiver = SockJSPollReceiver(responder: responder, headers: headers)
        attach(receiver, to: session(id, version: version, on: responder.eventLoop), responder: responder)
    }

    /// `xhr_streaming`, `eventsource`, `htmlfile`, `jsonp`: a response that streams frames after a prelude.
    func stream(
        _ transport: SockJSTransportKind, session id: String, version: ProtocolVersion, request: HTTPRequest,
        responder: HTTPResponder
    ) {
        var framing = SockJSFraming.lines
        var prelude = String(repeating: "h", count: 2048) + "\n"
        var contentType = "application/javascript; charset=UTF-8"
        var limit = settings.responseLimit
        switch transport {
        case .eventsource:
            (framing, prelude, contentType) = (.eventSource, "\r\n", "text/event-stream; charset=UTF-8")
        case .htmlfile:
            contentType = "text/html; charset=UTF-8"
            guard
                let callback = callbackParameter(
                    request, transport: transport, responder: responder, contentType: contentType)
            else { return }
            (framing, prelude) = (.htmlFile, SockJSPages.htmlFilePrelude(callback: callback))
        case .jsonp:
            guard
                let callback = callbackParameter(
                    request, transport: transport, responder: responder, contentType: contentType)
            else { return }
            (framing, prelude, limit) = (.jsonp(callback: callback), "", 1)
        default:
            break
        }
        responder.startStream(headers: xhrHeaders(request, contentType: contentType))
        if !prelude.isEmpty { responder.write(ByteBuffer(string: prelude)) }
        let receiver = SockJSStreamReceiver(responder: responder, framing: framing, limit: limit)
        attach(receiver, to: session(id, version: version, on: responder.eventLoop), responder: responder)
    }

    /// The `c` query parameter of `jsonp`/`htmlfile`, or nil after answering the error.
    private func callbackParameter(
        _ request: HTTPRequest, transport: SockJSTransportKind, responder: HTTPResponder, contentType: String
    ) -> String? {
        let headers = xhrHeaders(request, contentType: contentType)
        let callback = request.queryValue("c") ?? ""
        if callback.isEmpty {
            responder.respondText(
                transport == .jsonp ? .internalServerError : .badRequest, "\"callback\" parameter required",
                headers: headers)
            return nil
        }
        guard SockJSFraming.isValidCallback(callback) else {
            responder.respondText(.badRequest, "invalid character in \"callback\" parameter", headers: headers)
            return nil
        }
        return callback
    }

    /// Hands `receiver` to `session` on the session's loop; the session closes if the client goes away first.
    private func attach(_ receiver: any SockJSReceiver, to session: SockJSSession, responder: HTTPResponder) {
        let id = receiver.id
        responder.onClientGone = {
            session.eventLoop.execute { session.interrupted(receiver: id) }
        }
        session.eventLoop.execute { session.attach(receiver) }
    }
}
