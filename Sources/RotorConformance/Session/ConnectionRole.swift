import Foundation
import RotorProtocol

/// What a recorded connection label stands for, decided from its client events.
public enum ConnectionRole: Equatable, Sendable {
    /// A client connection, over this transport.
    case client(ReplayTransport)
    /// Server API requests (`/api`).
    case api
    /// Emulation command posts (`/emulation`).
    case emulation
    /// SockJS `xhr_send` posts: command frames for the `xhr_streaming` connection of this SockJS session.
    case sockJSSend(session: String)
    /// Refused by the HTTP layer before reaching the client protocol (upgrade 400, missing `cf_connect`).
    case refused
    /// A plain HTTP exchange outside the client protocol (SockJS `/info`).
    case plainHTTP

    /// Classifies every connection of `session` by its first client event.
    public static func roles(of session: RecordedSession) throws(ReplaySkip) -> [String: ConnectionRole] {
        var roles: [String: ConnectionRole] = [:]
        for (position, event) in session.events.enumerated() where event.direction == .clientToServer {
            guard roles[event.conn] == nil else { continue }
            let reply = session.events[(position + 1)...].first {
                $0.conn == event.conn && $0.direction == .serverToClient
            }
            if event.kind == "open" {
                roles[event.conn] = reply?.kind == "http_response" ? .refused : .client(try webSocket(event))
            } else if event.kind == "http_request" {
                roles[event.conn] = try http(event, status: reply?.status)
            }
        }
        return roles
    }

    /// The transport of a WebSocket `open`.
    public static func webSocket(_ event: RecordedSession.Event) throws(ReplaySkip) -> ReplayTransport {
        let url = event.url ?? ""
        let query = URLComponents(string: url)?.queryItems ?? []
        func value(_ name: String) -> String? { query.first { $0.name == name }?.value }
        if url.hasPrefix("/connection/uni_websocket") { return .uniWebSocket }
        if url.hasPrefix("/connection/sockjs/") && url.hasSuffix("/websocket") { return .sockJS }
        guard url.hasPrefix("/connection/websocket") else { throw ReplaySkip("WebSocket endpoint \(url) not replayed") }
        guard case .success(let version) = ProtocolVersion.select(queryValue: value("cf_protocol_version")) else {
            throw ReplaySkip("unknown protocol version in \(url)")
        }
        let encoding = ProtocolEncoding.forWebSocket(
            format: value("format"), cfProtocol: value("cf_protocol"), subprotocol: event.subprotocol)
        return .webSocket(version, encoding)
    }

    /// The role of a connection whose first event is an HTTP request answered with `status`.
    public static func http(_ event: RecordedSession.Event, status: Int?) throws(ReplaySkip) -> ConnectionRole {
        let path = event.path ?? ""
        if path.hasPrefix("/api") { return .api }
        if path.hasPrefix("/emulation") { return .emulation }
        if let (session, kind) = sockJSPath(path), kind == "xhr_send" { return .sockJSSend(session: session) }
        guard status == 200 else { return .refused }
        let encoding = ProtocolEncoding.forHTTPStream(contentType: event.headers["Content-Type"])
        if path.hasPrefix("/connection/uni_sse") { return .client(.uniSSE) }
        if path.hasPrefix("/connection/uni_http_stream") { return .client(.uniHTTPStream) }
        if path.hasPrefix("/connection/http_stream") { return .client(.httpStream(encoding)) }
        if path.hasPrefix("/connection/sse") { return .client(.sse) }
        if let (_, kind) = sockJSPath(path), kind == "xhr_streaming" { return .client(.sockJS) }
        if path.hasPrefix("/connection/sockjs/info") { return .plainHTTP }
        throw ReplaySkip("HTTP endpoint \(path) not replayed")
    }

    /// The session id and transport of a SockJS path `/connection/sockjs/<server>/<session>/<transport>`.
    public static func sockJSPath(_ path: String) -> (session: String, transport: String)? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 5, parts[0] == "connection", parts[1] == "sockjs" else { return nil }
        return (parts[3], parts[4])
    }

    /// The recorded server items of one connection. Without `includingHTTP` (the in-process replay) the HTTP
    /// layer is left out: statuses other than the emulation ones, and non-200 API answers.
    public static func expectedItems(
        _ session: RecordedSession, conn: String, role: ConnectionRole, includingHTTP: Bool = false
    ) throws(ReplaySkip) -> [ExpectedItem] {
        var items: [ExpectedItem] = []
        for event in session.events where event.conn == conn && event.direction == .serverToClient {
            func add(_ item: SessionItem, raw: String? = nil) {
                items.append(ExpectedItem(seq: event.seq, item: item, raw: raw))
            }
            if includingHTTP, event.kind == "http_response" {
                add(.status(event.status ?? 0))
                if event.status != 200 || role == .refused || role == .plainHTTP, let body = event.text, !body.isEmpty {
                    add(JSONValue(parsing: body).map(SessionItem.message) ?? .body(body))
                }
                if case .client = role { continue }
                if role != .api || event.status != 200 { continue }
            }
            switch (role, event.kind) {
            case (.refused, _), (.plainHTTP, _):
                continue
            case (.api, "http_response"):
                // Non-200 answers come from the HTTP layer (auth, method, body errors).
                guard event.status == 200 else { continue }
                guard let lines = ReplayTransport.jsonLines(event.text ?? "") else {
                    throw ReplaySkip("unreadable API response seq \(event.seq)")
                }
                for line in lines { add(line.item, raw: line.raw) }
            case (.emulation, "http_response"), (.sockJSSend, "http_response"):
                add(.status(event.status ?? 0))
            case (.client, "http_response"):
                continue
            case (.client, "close"):
                if !event.closeFrame, case .close = items.last?.item { continue }  // TCP close after SockJS `c[…]`
                add(event.closeFrame ? .close(code: event.closeCode ?? 0, reason: event.closeReason ?? "") : .dropped)
            case (.client(let transport), "text"), (.client(let transport), "binary"):
                guard let messages = transport.messages(inPayload: event.payload) else {
                    throw ReplaySkip("unreadable server payload seq \(event.seq)")
                }
                for message in messages { add(message.item, raw: message.raw) }
            default:
                throw ReplaySkip("unexpected \(event.kind) event seq \(event.seq) on \(conn)")
            }
        }
        return items
    }
}
