import Foundation
import NIOCore
import RotorProtocol

/// How a recorded client connection reaches the server, and how the messages of each side are read.
public enum ReplayTransport: Sendable, Hashable {
    /// Bidirectional WebSocket (`/connection/websocket`) with its protocol version and encoding.
    case webSocket(ProtocolVersion, ProtocolEncoding)
    /// SockJS framed WebSocket (`o`, `a[...]`, `c[code,reason]`); JSON v2.
    case sockJS
    /// Unidirectional WebSocket: bare pushes, one per text frame.
    case uniWebSocket
    /// Unidirectional Server-Sent Events.
    case uniSSE
    /// Unidirectional HTTP streaming: one JSON push per line.
    case uniHTTPStream
    /// Bidirectional HTTP-streaming emulation.
    case httpStream(ProtocolEncoding)
    /// Bidirectional SSE emulation.
    case sse

    /// The encoding of the client protocol messages.
    public var encoding: ProtocolEncoding {
        switch self {
        case .webSocket(_, let encoding), .httpStream(let encoding): encoding
        default: .json
        }
    }

    /// The client protocol version.
    public var version: ProtocolVersion {
        if case .webSocket(let version, _) = self { return version }
        return .v2
    }

    /// Whether the client sends only its connect request.
    public var isUnidirectional: Bool {
        switch self {
        case .uniWebSocket, .uniSSE, .uniHTTPStream: true
        default: false
        }
    }

    /// WebSocket-like: the server closes with a close frame and echoes a client close.
    public var hasCloseFrames: Bool {
        switch self {
        case .webSocket, .sockJS: true
        default: false
        }
    }

    /// One message the server sent, as JSON (Protobuf replies are re-encoded as JSON for comparison).
    public func json(ofNodeMessage message: ByteBuffer) -> JSONValue? {
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
    public func items(inServerPayload event: RecordedSession.Event) -> [SessionItem]? {
        messages(inPayload: event.payload)?.map(\.item)
    }

    /// The items of `messages(inPayload:)`.
    public func items(inPayload payload: [UInt8]) -> [SessionItem]? {
        messages(inPayload: payload)?.map(\.item)
    }

    /// The messages (and SockJS close) in one server payload: a WebSocket message, or complete units of a
    /// streamed body (lines, SSE events, length-prefixed Protobuf replies), each with its JSON text as sent;
    /// nil if it cannot be read.
    public func messages(inPayload payload: [UInt8]) -> [PayloadMessage]? {
        let text = String(decoding: payload, as: UTF8.self)
        switch self {
        case .webSocket(_, .json), .uniHTTPStream, .httpStream(.json):
            return Self.jsonLines(text)
        case .webSocket(_, .protobuf), .httpStream(.protobuf):
            return Self.protobufReplies(payload)
        case .uniWebSocket:
            return JSONValue(parsing: text).map { [PayloadMessage(.message($0), raw: text)] }
        case .uniSSE, .sse:
            return Self.serverSentEvents(text)
        case .sockJS:
            // One frame per WebSocket message; LF-terminated frames on xhr_streaming (after an `h` prelude).
            var messages: [PayloadMessage] = []
            for frame in text.split(separator: "\n") where !frame.allSatisfy({ $0 == "h" }) {
                guard let frameMessages = Self.sockJSFrame(String(frame)) else { return nil }
                messages += frameMessages
            }
            return messages
        }
    }

    /// LF-separated JSON messages; nil if one is not JSON.
    public static func jsonLines(_ text: String) -> [PayloadMessage]? {
        var messages: [PayloadMessage] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let value = JSONValue(parsing: String(line)) else { return nil }
            messages.append(PayloadMessage(.message(value), raw: String(line)))
        }
        return messages
    }

    /// Varint-length-prefixed Protobuf replies, as JSON (no text: they compare decoded); nil if they do not
    /// decode.
    public static func protobufReplies(_ bytes: [UInt8]) -> [PayloadMessage]? {
        var decoder = FrameDecoder<Reply>(frame: ByteBuffer(bytes: bytes), encoding: .protobuf)
        guard let replies = try? decoder.all() else { return nil }
        var messages: [PayloadMessage] = []
        for reply in replies {
            guard let json = try? MessageCodec.json.encode(reply), let value = JSONValue(parsing: json) else {
                return nil
            }
            messages.append(PayloadMessage(.message(value), raw: nil))
        }
        return messages
    }

    /// `\r\n` preamble, then `data: <json>` events separated by blank lines.
    public static func serverSentEvents(_ text: String) -> [PayloadMessage]? {
        var messages: [PayloadMessage] = []
        for block in text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n") {
            let trimmed = block.trimmingCharacters(in: .newlines)
            if trimmed.isEmpty { continue }
            let data = String(trimmed.dropFirst(6))
            guard trimmed.hasPrefix("data: "), let value = JSONValue(parsing: data) else { return nil }
            messages.append(PayloadMessage(.message(value), raw: data))
        }
        return messages
    }

    /// `o` opens, `a["<frame>",…]` carries Centrifugo frames, `c[code,"reason"]` closes.
    public static func sockJSFrame(_ text: String) -> [PayloadMessage]? {
        if text == "o" || text == "h" { return [] }
        guard let kind = text.first, let body = JSONValue(parsing: String(text.dropFirst())),
            let elements = body.arrayValue
        else { return nil }
        switch kind {
        case "a":
            var messages: [PayloadMessage] = []
            for element in elements {
                guard let frame = element.stringValue, let lines = jsonLines(frame) else { return nil }
                messages += lines
            }
            return messages
        case "c":
            guard elements.count == 2, let code = elements[0].intValue, let reason = elements[1].stringValue else {
                return nil
            }
            return [PayloadMessage(.close(code: code, reason: reason), raw: nil)]
        default:
            return nil
        }
    }
}

/// One message of a server payload with the exact JSON text it was sent as (nil for Protobuf and closes).
public struct PayloadMessage: Sendable, Equatable {
    /// The message as compared.
    public var item: SessionItem
    /// Its JSON text, for the byte-for-byte comparison.
    public var raw: String?

    /// A message and its text.
    public init(_ item: SessionItem, raw: String?) {
        self.item = item
        self.raw = raw
    }
}
