import NIOCore
import NIOHTTP1
import RotorCore
import RotorProtocol

/// The four HTTP streaming transports and what tells them apart on the wire: name, direction, framing,
/// response headers and the bytes that open the body (`client-protocol.md` §12.2, §12.3, §13.1, §13.2).
enum StreamKind: Sendable {
    /// `/connection/http_stream`: bidirectional emulation, one Reply per line (JSON) or varint-prefixed.
    case httpStream
    /// `/connection/sse`: bidirectional emulation over EventSource, JSON only.
    case sse
    /// `/connection/uni_sse`: pushes as EventSource events.
    case uniSSE
    /// `/connection/uni_http_stream`: one push per line.
    case uniHTTPStream

    /// The transport's name in logs and in `TransportDescription`.
    var name: String {
        switch self {
        case .httpStream: "http_stream"
        case .sse: "sse"
        case .uniSSE: "uni_sse"
        case .uniHTTPStream: "uni_http_stream"
        }
    }

    /// Server → client only (pushes without the Reply wrapper).
    var isUnidirectional: Bool {
        switch self {
        case .httpStream, .sse: false
        case .uniSSE, .uniHTTPStream: true
        }
    }

    /// Messages travel as `data:` events.
    var isEventStream: Bool {
        switch self {
        case .sse, .uniSSE: true
        case .httpStream, .uniHTTPStream: false
        }
    }

    /// The node's view of a connection of this kind.
    func description(version: ProtocolVersion, encoding: ProtocolEncoding) -> TransportDescription {
        TransportDescription(
            name: name, version: version, isProtobuf: encoding == .protobuf,
            isUnidirectional: isUnidirectional, isEmulation: !isUnidirectional)
    }

    /// The stream's response headers after the CORS ones, as the reference sends them: its own headers in
    /// Go's sorted order (`Connection: keep-alive` on HTTP/1.x only), then the `Content-Type` Go sniffs from
    /// the first JSON or Protobuf bytes when the handler sets none.
    func responseHeaders(encoding: ProtocolEncoding, cors: HTTPHeaders, httpMajor: Int) -> HTTPHeaders {
        var headers = cors
        headers.add(name: "Cache-Control", value: "private, no-cache, no-store, must-revalidate, max-age=0")
        if httpMajor == 1 { headers.add(name: "Connection", value: "keep-alive") }
        if isEventStream { headers.add(name: "Content-Type", value: "text/event-stream; charset=utf-8") }
        headers.add(name: "Expire", value: "0")
        headers.add(name: "Pragma", value: "no-cache")
        headers.add(name: "X-Accel-Buffering", value: "no")
        if !isEventStream {
            let sniffed = encoding == .protobuf ? "application/octet-stream" : "text/plain; charset=utf-8"
            headers.add(name: "Content-Type", value: sniffed)
        }
        return headers
    }

    /// The first body bytes, flushed with the head: `\r\n` for event streams, nothing otherwise.
    var preamble: String? { isEventStream ? "\r\n" : nil }

    /// What a protocol v1 unidirectional stream writes after 25 s without a message (v2 pings come from the
    /// connection itself).
    var v1Ping: String {
        isEventStream ? "event: ping\ndata:\n\n" : "null\n"
    }

    /// Appends one encoded message to `buffer` framed for this transport.
    func frame(_ message: ByteBuffer, encoding: ProtocolEncoding, into buffer: inout ByteBuffer) {
        if isEventStream {
            buffer.writeStaticString("data: ")
            buffer.writeImmutableBuffer(message)
            buffer.writeStaticString("\n\n")
        } else {
            FrameEncoder(encoding: encoding, layout: .lineTerminated).appendEncoded(message, to: &buffer, count: 0)
        }
    }

    /// The Disconnect push that ends a stream: bare (v1 or v2 shape) on unidirectional transports, inside a
    /// Reply on emulation; nil if it cannot be encoded.
    func disconnectMessage(
        _ disconnect: Disconnect, version: ProtocolVersion, encoding: ProtocolEncoding
    ) -> ByteBuffer? {
        var push = Push()
        push.disconnect = disconnect.push(for: version)
        let codec = MessageCodec(encoding)
        do throws(ProtocolEncodingError) {
            switch (isUnidirectional, version) {
            case (true, .v2): return try codec.encode(push)
            case (true, .v1): return try codec.encode(V1Mapping(encoding).push(push))
            case (false, _): return try codec.encode(Reply(push: push))
            }
        } catch {
            return nil
        }
    }
}
