import Foundation
import NIOCore
import NIOHTTP1

/// Files under a directory, answered like Go's `http.FileServer` for `rotor serve` (`server.md` §10.2): GET
/// and HEAD; a directory serves its `index.html` or an HTML listing; `/dir` redirects to `/dir/` and
/// `…/index.html` to `…/`; anything missing or outside the directory is `404 page not found`.
struct StaticFileEndpoint: HTTPEndpoint {
    /// The served directory.
    let root: URL
    var name: String { "static files" }

    init(directory: String) {
        root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
    }

    func handle(_ request: HTTPRequest, responder: HTTPResponder) {
        guard request.head.method == .GET || request.head.method == .HEAD else {
            return responder.respondText(.methodNotAllowed, "405 method not allowed")
        }
        guard let path = HTTPRequest.percentDecoded(Substring(request.path)), path.hasPrefix("/"),
            !path.split(separator: "/").contains("..")
        else {
            return responder.respondText(.badRequest, "invalid URL path")
        }
        if path.hasSuffix("/index.html") {
            return redirect(responder, to: String(path.dropLast("index.html".count)))
        }
        let url = root.appendingPathComponent(String(path.dropFirst()))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            return responder.respondText(.notFound, "404 page not found")
        }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") else { return redirect(responder, to: path + "/") }
            let index = url.appendingPathComponent("index.html")
            if FileManager.default.fileExists(atPath: index.path) {
                return serveFile(index, request: request, responder: responder)
            }
            return listDirectory(url, request: request, responder: responder)
        }
        if path.hasSuffix("/") { return redirect(responder, to: String(path.dropLast())) }
        serveFile(url, request: request, responder: responder)
    }

    private func redirect(_ responder: HTTPResponder, to location: String) {
        var headers = HTTPHeaders()
        headers.add(name: "Location", value: location.isEmpty ? "/" : location)
        responder.respond(status: .movedPermanently, headers: headers)
    }

    private func serveFile(_ url: URL, request: HTTPRequest, responder: HTTPResponder) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return responder.respondText(.forbidden, "403 Forbidden")
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: Self.contentType(of: url.pathExtension))
        if request.head.method == .HEAD {
            return responder.respondHead(status: .ok, headers: headers, contentLength: data.count)
        }
        responder.respond(status: .ok, headers: headers, body: ByteBuffer(bytes: data))
    }

    private func listDirectory(_ url: URL, request: HTTPRequest, responder: HTTPResponder) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        var html = "<pre>\n"
        for name in names {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
            let shown = isDirectory.boolValue ? name + "/" : name
            html += "<a href=\"\(Self.escapeHTML(shown))\">\(Self.escapeHTML(shown))</a>\n"
        }
        html += "</pre>\n"
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        responder.respond(status: .ok, headers: headers, body: ByteBuffer(string: html))
    }

    static func escapeHTML(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&#34;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Content types of the common web file extensions (others: `application/octet-stream`).
    static func contentType(of fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "ico": "image/x-icon"
        case "wasm": "application/wasm"
        case "xml": "text/xml; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
