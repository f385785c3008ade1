import Foundation
import NIOCore
import RotorProtocol

/// Walks a recording and checks every client-protocol frame in it against the codecs:
/// client frames decode (or fail exactly where the reference closed with the matching code), and server
/// frames decode and re-encode to the recorded bytes.
struct SessionRoundTrip {
    enum Connection {
        case websocket(ProtocolVersion, ProtocolEncoding)
        case uniWebSocket(ProtocolVersion)
        case sockJSWebSocket
        case uniSSE
        case uniHTTPStream
        case httpStream(ProtocolEncoding)
        case sse
        case sockJSXHRStream
        case sockJSXHRSend
        case emulation
        case ignored
    }

    let recording: Recording
    private(set) var failures: [String] = []
    /// Client frames that did not decode, with the error: `seq → error`.
    private(set) var decodeErrors: [Int: ProtocolDecodingError] = [:]
    /// How many messages were checked byte for byte.
    private(set) var serverMessagesChecked = 0
    private(set) var clientMessagesDecoded = 0

    private var connections: [String: Connection] = [:]
    private var streamBodies: [String: [UInt8]] = [:]
    private var v1Methods: [String: [UInt32: V1Method]] = [:]

    init(recording: Recording) {
        self.recording = recording
    }

    mutating func run() {
        let events = recording.events
        for (position, event) in events.enumerated() {
            classify(event)
            guard let connection = connections[event.conn] else { continue }
            if event.dir == "c2s" {
                checkClient(
                    event, connection,
                    followedBy: events[(position + 1)...].first {
                        $0.conn == event.conn && $0.dir == "s2c"
                    })
            } else {
                checkServer(event, connection)
            }
        }
        for (conn, body) in streamBodies.sorted(by: { $0.key < $1.key }) {
            checkStreamBody(body, connections[conn]!, conn: conn)
        }
    }

    private mutating func fail(_ event: Recording.Event, _ message: String) {
        failures.append("\(recording.name) seq \(event.seq): \(message)")
    }

    // MARK: Classification

    private mutating func classify(_ event: Recording.Event) {
        if event.kind == "open", let url = event.url {
            let version: ProtocolVersion = url.contains("cf_protocol_version=v1") ? .v1 : .v2
            if url.hasPrefix("/connection/websocket") {
                let encoding = ProtocolEncoding.forWebSocket(
                    format: nil, cfProtocol: nil, subprotocol: event.subprotocol)
                connections[event.conn] = .websocket(version, encoding)
            } else if url.hasPrefix("/connection/uni_websocket") {
                connections[event.conn] = .uniWebSocket(version)
            } else if url.hasPrefix("/connection/sockjs/") && url.hasSuffix("/websocket") {
                connections[event.conn] = .sockJSWebSocket
            }
        }
        if event.kind == "http_request", let path = event.path {
            let isProtobuf = event.headers["Content-Type"] == "application/octet-stream"
            if path.hasPrefix("/connection/uni_sse") {
                connections[event.conn] = .uniSSE
            } else if path.hasPrefix("/connection/uni_http_stream") {
                connections[event.conn] = .uniHTTPStream
            } else if path.hasPrefix("/connection/http_stream") {
                connections[event.conn] = .httpStream(isProtobuf ? .protobuf : .json)
            } else if path.hasPrefix("/connection/sse") {
                connections[event.conn] = .sse
            } else if path.hasPrefix("/emulation") {
                connections[event.conn] = .emulation
            } else if path.hasSuffix("/xhr_streaming") {
                connections[event.conn] = .sockJSXHRStream
            } else if path.hasSuffix("/xhr_send") {
                connections[event.conn] = .sockJSXHRSend
            } else {
                connections[event.conn] = .ignored
            }
        }
    }

    // MARK: Client → server

    private mutating func checkClient(
        _ event: Recording.Event, _ connection: Connection, followedBy next: Recording.Event?
    ) {
        switch (connection, event.kind) {
        case (.websocket(let version, let encoding), "text"), (.websocket(let version, let encoding), "binary"):
            decodeCommandFrame(event.bytes!, version: version, encoding: encoding, event: event, next: next)
        case (.uniWebSocket, "text"):
            decodeSingle(ConnectRequest.self, event.bytes!, .json, event)
        case (.sockJSWebSocket, "text"), (.sockJSXHRSend, "http_request"):
            for frame in sockJSStrings(event.text!) {
                decodeCommandFrame(Array(frame.utf8), version: .v2, encoding: .json, event: event, next: next)
            }
        case (.uniSSE, "http_request"), (.uniHTTPStream, "http_request"):
            if let body = event.bytes {
                let encoding: ProtocolEncoding = event.binary != nil ? .protobuf : .json
                decodeSingle(ConnectRequest.self, body, encoding, event)
            } else if let query = queryValue("cf_connect", in: event.path!) {
                decodeSingle(ConnectRequest.self, Array(query.utf8), .json, event)
            }
        case (.httpStream(let encoding), "http_request"):
            decodeCommandFrame(event.bytes!, version: .v2, encoding: encoding, event: event, next: next)
        case (.sse, "http_request"):
            if let query = queryValue("cf_connect", in: event.path!) {
                decodeCommandFrame(Array(query.utf8), version: .v2, encoding: .json, event: event, next: next)
            }
        case (.emulation, "http_request"):
            let encoding: ProtocolEncoding = event.binary != nil ? .protobuf : .json
            guard let request = decodeSingle(EmulationRequest.self, event.bytes!, encoding, event) else { return }
            decodeCommandFrame(request.data.bytes, version: .v2, encoding: encoding, event: event, next: next)
        default:
            break
        }
    }

    @discardableResult
    private mutating func decodeSingle<M: ProtocolMessage>(
        _ type: M.Type, _ bytes: [UInt8], _ encoding: ProtocolEncoding, _ event: Recording.Event
    ) -> M? {
        let codec = MessageCodec(encoding)
        do {
            let message = try codec.decode(M.self, from: ByteBuffer(bytes))
            let again = try codec.decode(M.self, from: try codec.encode(message))
            if again != message { fail(event, "\(M.self) changed after re-encoding") }
            clientMessagesDecoded += 1
            return message
        } catch {
            fail(event, "\(M.self) did not decode: \(error)")
            return nil
        }
    }

    private mutating func decodeCommandFrame(
        _ bytes: [UInt8], version: ProtocolVersion, encoding: ProtocolEncoding, event: Recording.Event,
        next: Recording.Event?
    ) {
        let codec = MessageCodec(encoding)
        var decoder = FrameDecoder<Command>(frame: ByteBuffer(bytes), encoding: encoding)
        do {
            while let command = try decoder.next() {
                clientMessagesDecoded += 1
                let again = try codec.decode(Command.self, from: try codec.encode(command))
                if again != command { fail(event, "command changed after re-encoding") }
                if version == .v1 {
                    let request = try V1Mapping(encoding).request(of: command)
                    if case .request = request, let method = V1Method(rawValue: command.method) {
                        v1Methods[event.conn, default: [:]][command.id] = method
                    }
                }
            }
        } catch let error as ProtocolEncodingError {
            fail(event, "command did not re-encode: \(error)")
        } catch let error as ProtocolDecodingError {
            decodeErrors[event.seq] = error
            // The reference must have closed this connection right after, with the matching code.
            let expectedCode: Int =
                switch error.outcome {
                case .disconnect(let disconnect): Int(disconnect.code)
                case .messageTooBig: 1009
                }
            if next?.kind != "close" || next?.closeCode != expectedCode {
                fail(event, "frame failed with \(error) but the reference did not close with \(expectedCode)")
            }
        } catch {
            fail(event, "unexpected error \(error)")
        }
    }

    // MARK: Server → client

    private mutating func checkServer(_ event: Recording.Event, _ connection: Connection) {
        switch (connection, event.kind) {
        case (.websocket(let version, let encoding), "text"), (.websocket(let version, let encoding), "binary"):
            for problem in checkReplyFrame(
                event.bytes!, version: version, encoding: encoding, layout: .joined, conn: event.conn)
            {
                fail(event, problem)
            }
        case (.uniWebSocket(let version), "text"):
            for problem in checkPushes([event.bytes!], version: version) { fail(event, problem) }
        case (.sockJSWebSocket, "text"):
            for problem in checkSockJSFrame(event.text!) { fail(event, problem) }
        case (.uniSSE, "text"), (.uniHTTPStream, "text"), (.httpStream, "text"), (.httpStream, "binary"),
            (.sse, "text"), (.sockJSXHRStream, "text"):
            streamBodies[event.conn, default: []] += event.bytes!
        default:
            break
        }
    }

    /// Decodes a server frame of Replies and checks that re-encoding gives the same bytes.
    private mutating func checkReplyFrame(
        _ bytes: [UInt8], version: ProtocolVersion, encoding: ProtocolEncoding, layout: FrameLayout, conn: String
    ) -> [String] {
        var problems: [String] = []
        func fail(_ text: String) { problems.append(text) }
        do {
            var decoder = FrameDecoder<Reply>(
                frame: ByteBuffer(bytes), encoding: encoding, limits: FrameLimits(maxFrameSize: .max))
            let replies = try decoder.all()
            var rebuilt: [Reply] = replies
            if version == .v1 {
                let mapping = V1Mapping(encoding)
                rebuilt = try replies.map { reply in
                    let method = v1Methods[conn]?[reply.id]
                    return try mapping.reply(mapping.decodeReply(reply, method: method))
                }
            }
            let encoded = try FrameEncoder(encoding: encoding, layout: layout).frame(rebuilt)
            serverMessagesChecked += replies.count
            if encoded.bytes != bytes {
                fail(
                    "re-encoded frame differs:\n  recorded \(show(bytes, encoding))\n  encoded  \(show(encoded.bytes, encoding))"
                )
            }
        } catch {
            fail("server frame did not round-trip: \(error)")
        }
        return problems
    }

    /// Checks bare pushes (unidirectional transports), each message separately.
    private mutating func checkPushes(_ messages: [[UInt8]], version: ProtocolVersion) -> [String] {
        var problems: [String] = []
        func fail(_ text: String) { problems.append(text) }
        let codec = MessageCodec.json
        for bytes in messages {
            do {
                var push = try codec.decode(Push.self, from: ByteBuffer(bytes))
                if version == .v1 {
                    let mapping = V1Mapping(.json)
                    push = try mapping.push(mapping.decodePush(push))
                }
                let encoded = try codec.encode(push)
                serverMessagesChecked += 1
                if encoded.bytes != bytes {
                    fail(
                        "re-encoded push differs:\n  recorded \(show(bytes, .json))\n  encoded  \(show(encoded.bytes, .json))"
                    )
                }
            } catch {
                fail("push did not round-trip: \(error)")
            }
        }
        return problems
    }

    private mutating func checkSockJSFrame(_ text: String) -> [String] {
        guard text.hasPrefix("a") else { return [] }  // o (open), h (heartbeat), c[…] (close) carry no messages
        return sockJSStrings(String(text.dropFirst())).flatMap { frame in
            checkReplyFrame(Array(frame.utf8), version: .v2, encoding: .json, layout: .joined, conn: "")
        }
    }

    private mutating func checkStreamBody(_ body: [UInt8], _ connection: Connection, conn: String) {
        let label = "\(recording.name) stream \(conn)"
        switch connection {
        case .uniSSE, .sse:
            guard body.starts(with: [0x0D, 0x0A]) else {
                failures.append("\(label): SSE body does not start with CRLF")
                return
            }
            let events = String(decoding: body.dropFirst(2), as: UTF8.self).components(separatedBy: "\n\n").filter {
                !$0.isEmpty
            }
            for event in events {
                guard event.hasPrefix("data: ") else {
                    failures.append("\(label): unexpected SSE event \(event)")
                    continue
                }
                let message = Array(event.dropFirst("data: ".count).utf8)
                let problems: [String]
                if case .uniSSE = connection {
                    problems = checkPushes([message], version: .v2)
                } else {
                    problems = checkReplyFrame(message, version: .v2, encoding: .json, layout: .joined, conn: conn)
                }
                failures += problems.map { "\(label): \($0)" }
            }
        case .uniHTTPStream:
            let lines = body.split(separator: 0x0A).map(Array.init)
            failures += checkPushes(lines, version: .v2).map { "\(label): \($0)" }
        case .httpStream(let encoding):
            failures += checkReplyFrame(body, version: .v2, encoding: encoding, layout: .lineTerminated, conn: conn)
                .map { "\(label): \($0)" }
        case .sockJSXHRStream:
            for line in String(decoding: body, as: UTF8.self).split(separator: "\n") {
                failures += checkSockJSFrame(String(line)).map { "\(label): \($0)" }
            }
        default:
            break
        }
    }

    // MARK: Helpers

    private func sockJSStrings(_ json: String) -> [String] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String] ?? []
    }

    private func queryValue(_ name: String, in path: String) -> String? {
        URLComponents(string: path)?.queryItems?.first { $0.name == name }?.value
    }

    private func show(_ bytes: [UInt8], _ encoding: ProtocolEncoding) -> String {
        switch encoding {
        case .json: String(decoding: bytes, as: UTF8.self)
        case .protobuf: bytes.map { String(format: "%02x", $0) }.joined(separator: " ")
        }
    }
}
