import NIOCore
import NIOHTTP1

extension SockJSEndpoint {
    /// `/info`: GET describes the server (WebSocket on, no cookie, any origin, a random `entropy`); OPTIONS is the
    /// CORS preflight.
    func info(_ request: HTTPRequest, responder: HTTPResponder) {
        var headers = HTTPHeaders()
        SockJSHeaders.cors(request, check: context.originCheck, into: &headers)
        if request.method == "OPTIONS" {
            SockJSHeaders.cacheForAYear(into: &headers)
            headers.replaceOrAdd(name: "Access-Control-Allow-Methods", value: "OPTIONS, GET")
            responder.respond(status: .noContent, headers: headers)
            return
        }
        SockJSHeaders.noCache(into: &headers)
        headers.replaceOrAdd(name: "Content-Type", value: "application/json; charset=UTF-8")
        let entropy = Int32.random(in: 0...Int32.max)
        let body = "{\"websocket\":true,\"cookie_needed\":false,\"origins\":[\"*:*\"],\"entropy\":\(entropy)}\n"
        responder.respond(status: .ok, headers: headers, body: ByteBuffer(string: body))
    }

    /// OPTIONS on a session route: the CORS preflight.
    func preflight(_ request: HTTPRequest, responder: HTTPResponder) {
        var headers = HTTPHeaders()
        SockJSHeaders.cors(request, check: context.originCheck, into: &headers)
        SockJSHeaders.cacheForAYear(into: &headers)
        headers.replaceOrAdd(name: "Access-Control-Allow-Methods", value: "OPTIONS, POST")
        responder.respond(status: .noContent, headers: headers)
    }

    /// `/iframe*.html`: the iframe page, cached for a year and revalidated by `ETag`.
    func iframe(_ request: HTTPRequest, responder: HTTPResponder) {
        let page = SockJSPages.iframe(clientURL: settings.clientURL)
        let tag = SockJSPages.entityTag(page)
        var headers = HTTPHeaders()
        SockJSHeaders.cacheForAYear(into: &headers)
        if request.header("If-None-Match") == tag {
            responder.respond(status: .notModified, headers: headers)
            return
        }
        headers.replaceOrAdd(name: "Content-Type", value: "text/html; charset=UTF-8")
        headers.replaceOrAdd(name: "ETag", value: tag)
        responder.respond(status: .ok, headers: headers, body: ByteBuffer(string: page))
    }

    /// The bare prefix: Go's `ServeMux` redirects it to the subtree (`prefix/`).
    func redirectToSubtree(_ request: HTTPRequest, responder: HTTPResponder) {
        let target = settings.prefix + "/" + (request.query.isEmpty ? "" : "?" + request.query)
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: target)
        guard request.method == "GET" || request.method == "HEAD" else {
            responder.respond(status: .movedPermanently, headers: headers)
            return
        }
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        let body = request.method == "GET" ? "<a href=\"\(target)\">Moved Permanently</a>.\n\n" : ""
        responder.respond(status: .movedPermanently, headers: headers, body: ByteBuffer(string: body))
    }
}
