import NIOCore
import NIOHTTP1
import RotorProtocol

extension SockJSEndpoint {
    /// `xhr_send`: a JSON array of messages for an open session → 204.
    func xhrSend(session id: String, version: ProtocolVersion, request: HTTPRequest, responder: HTTPResponder) {
        let headers = xhrHeaders(request)
        let messages: [String]
        switch SockJSMessageList.read(request.body) {
        case .empty:
            plainError(.badRequest, "Payload expected.", headers: headers, responder: responder)
            return
        case .broken:
            plainError(.badRequest, "Broken JSON encoding.", headers: headers, responder: responder)
            return
        case .messages(let list), .mistyped(let list):
            messages = list
        }
        deliver(messages, session: id, version: version, headers: headers, responder: responder) { responder in
            var headers = headers
            headers.replaceOrAdd(name: "Content-Type", value: "text/plain; charset=UTF-8")
            responder.respond(status: .noContent, headers: headers)
        }
    }

    /// `jsonp_send`: the messages come as the form field `d` or as the raw body → `ok`.
    func jsonpSend(session id: String, version: ProtocolVersion, request: HTTPRequest, responder: HTTPResponder) {
        let headers = xhrHeaders(request)
        var data = request.body
        let contentType = request.header("Content-Type")?.split(separator: ";").first
        if contentType?.trimmingSpaces.lowercased() == "application/x-www-form-urlencoded" {
            data = ByteBuffer(string: HTTPRequest.queryValue("d", in: String(buffer: request.body)) ?? "")
        }
        let messages: [String]
        switch SockJSMessageList.read(data) {
        case .empty:
            responder.respondText(.badRequest, "Payload expected.", headers: headers)
            return
        case .broken, .mistyped:
            responder.respondText(.badRequest, "Broken JSON encoding.", headers: headers)
            return
        case .messages(let list):
            messages = list
        }
        deliver(messages, session: id, version: version, headers: headers, responder: responder) { responder in
            var headers = headers
            headers.replaceOrAdd(name: "Content-Type", value: "text/plain; charset=UTF-8")
            responder.respond(status: .ok, headers: headers, body: ByteBuffer(string: "ok"))
        }
    }

    /// Hands `messages` to the session (on its loop), then answers with `success`, 404 for an unknown session
    /// or 500 for one that is closing.
    private func deliver(
        _ messages: [String], session id: String, version: ProtocolVersion, headers: HTTPHeaders,
        responder: HTTPResponder, success: @escaping @Sendable (HTTPResponder) -> Void
    ) {
        guard let session = registry(version).session(id) else {
            responder.respondText(.notFound, "404 page not found", headers: headers)
            return
        }
        let box = ResponderBox(responder)
        let loop = responder.eventLoop
        session.eventLoop.execute {
            let accepted = session.accept(messages)
            loop.execute {
                if accepted {
                    success(box.responder)
                } else {
                    box.responder.respondText(
                        .internalServerError, "sockjs: session not in open state", headers: headers)
                }
            }
        }
    }

    /// An error body as sockjs-go writes it: plain text without a trailing line feed.
    private func plainError(
        _ status: HTTPResponseStatus, _ text: String, headers: HTTPHeaders, responder: HTTPResponder
    ) {
        var headers = headers
        headers.replaceOrAdd(name: "Content-Type", value: "text/plain; charset=utf-8")
        responder.respond(status: status, headers: headers, body: ByteBuffer(string: text))
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
