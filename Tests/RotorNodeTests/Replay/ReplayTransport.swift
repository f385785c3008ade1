import Foundation
import NIOCore
import RotorCore
import RotorProtocol

/// How a recorded connection reaches the node, and how the messages of each side are read.
enum ReplayTransport: Sendable, Hashable {
    case webSocket(ProtocolVersion, ProtocolEncoding)
    /// SockJS framed WebSocket (`o`, `a[...]`, `c[code,reason]`); JSON v2.
    case sockJS
    case uniWebSocket
    case uniSSE
    case uniHTTPStream
    /// Bidirectional HTTP-streaming emulation.
    case httpStream(ProtocolEncoding)
    /// Bidirectional SSE emulation.
    case sse

    /// The node's view of the transport.
    var transportDescription: TransportDescription {
        switch self {
        case .webSocket(let version, let encoding):
            TransportDescription(name: "websocket", version: version, isProtobuf: encoding == .protobuf)
        case .sockJS: TransportDescription(name: "sockjs")
        case .uniWebSocket: TransportDescription(name: "uni_websocket", isUnidirectional: true)
        case .uniSSE: TransportDescription(name: "uni_sse", isUnidirectional: true)
        case .uniHTTPStream: TransportDescription(name: "uni_http_stream", isUnidirectional: true)
        case .httpStream(let encoding):
            TransportDescription(name: "http_stream", isProtobuf: encoding == .protobuf, isEmulation: true)
        case .sse: TransportDescription(name: "sse", isEmulation: true)
        }
    }

    var encoding: ProtocolEncoding {
        switch self {
        case .webSocket(_, let encoding), .httpStream(let encoding): encoding
        default: .json
        }
    }

    var version: ProtocolVersion {
        if case .webSocket(let version, _) = self { return version }
        return .v2
    }

    var isUnidirectional: Bool { transportDescription.isUnidirectional }

    /// WebSocket-like: the server closes with a close frame and echoes a client close.
    var hasCloseFrames: Bool {
        switch self {
        case .webSocket, .sockJS: true
        default: false
        }
    }

    /// One message the node sent, as JSON (Protobuf replies are re-encoded as JSON for comparison).
    func json(ofNodeMessage message: ByteBuffer) -> JSONValue? {
        switch encoding {
        case .json:
            return JSONValue(parsing: message)
        case .protobuf:
            guard let reply = try? MessageCodec.protobuf.decode(Reply.self, from: message),
                let json = try? MessageCodec.json.encode(reply)
            else { return nil }
            return JSONValue(parsing: json)
        }
    }

    /// The messages (and SockJS close) in one recorded server payload; nil if it cannot be read.
    func items(inServerPayload event: RecordedSession.Event) -> [SessionItem]? {
        switch self {
        case .webSocket(_, .json), .uniHTTPStream, .httpStream(.json):
            return Self.jsonLines(event.text ?? "")
        case .webSocket(_, .protobuf), .httpStream(.protobuf):
            return Self.protobufReplies(event.payload)
        case .uniWebSocket:
            return JSONValue(parsing: event.text ?? "").map { [.message($0)] }
        case .uniSSE, .sse:
            return Self.serverSentEvents(event.text ?? "")
        case .sockJS:
            // One frame per WebSocket message; LF-terminated frames on xhr_streaming (after an `h` prelude).
            var items: [SessionItem] = []
            for frame in (event.text ?? "").split(separator: "\n") where !frame.allSatisfy({ $0 == "h" }) {
                guard let frameItems = Self.sockJSFrame(String(frame)) else { return nil }
                items += frameItems
            }
            return items
        }
    }

    static func jsonLines(_ text: String) -> [SessionItem]? {
        var items: [SessionItem] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let value = JSONValue(parsing: String(line)) else { return nil }
            items.append(.message(value))
        }
        return items
    }

    static func protobufReplies(_ bytes: [UInt8]) -> [SessionItem]? {
        var decoder = FrameDecoder<Reply>(frame: ByteBuffer(bytes: bytes), encoding: .protobuf)
        guard let replies = try? decoder.all() else { return nil }
        var items: [SessionItem] = []
        for reply in replies {
            guard let json = try? MessageCodec.json.encode(reply), let value = JSONValue(parsing: json) else {
                return nil
            }
            items.append(.message(value))
        }
        return items
    }

    /// `\r\n` preamble, then `data: <json>` events separated by blank lines.
    static func serverSentEvents(_ text: String) -> [SessionItem]? {
        var items: [SessionItem] = []
        for block in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n") {
            let trimmed = block.trimmingCharacters(in: .newlines)
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("data: "), let value = JSONValue(parsing: String(trimmed.dropFirst(6))) else {
                return nil
            }
            items.append(.message(value))
        }
        return items
    }

    /// `o` opens, `a["<frame>",…]` carries Centrifugo frames, `c[code,"reason"]` closes.
    static func sockJSFrame(_ text: String) -> [SessionItem]? {
        if text == "o" || text == "h" { return [] }
        guard let kind = text.first, let body = JSONValue(parsing: String(text.dropFirst())),
            let elements = body.arrayValue
        else { return nil }
        switch kind {
        case "a":
            var items: [SessionItem] = []
            for element in elements {
                guard let frame = element.stringValue, let lines = jsonLines(frame) else { return nil }
                items += lines
            }
            return items
        case "c":
            guard elements.count == 2, let code = elements[0].intValue, let reason = elements[1].stringValue else {
                return nil
            }
            return [.close(code: code, reason: reason)]
        default:
            return nil
        }
    }
}
