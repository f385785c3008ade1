import RotorConformance
import Foundation
import NIOCore
import RotorProtocol

extension SessionReplayer {
    /// Plays one client event, with recorded UUIDs and epochs replaced by the live ones.
    func play(_ event: RecordedSession.Event) {
        switch roles[event.conn] {
        case .client(let transport): playClient(event, transport)
        case .api: playAPI(event)
        case .emulation: playEmulation(event)
        case .sockJSSend(let session): playSockJSSend(event, session: session)
        case .refused, .plainHTTP, nil: break
        }
    }

    private func playClient(_ event: RecordedSession.Event, _ transport: ReplayTransport) {
        switch event.kind {
        case "open":
            openConnection(event.conn, transport)
        case "http_request":
            let connection = openConnection(event.conn, transport)
            switch transport {
            case .sockJS:
                break  // xhr_streaming: commands come through xhr_send
            case .uniSSE, .sse:
                let body = event.method == "GET" ? Self.queryValue("cf_connect", in: event.path ?? "") : event.text
                deliver(Array(bindings.substitute(in: body ?? "").utf8), to: connection)
            default:
                deliver(clientPayload(event), to: connection)
            }
        case "text", "binary":
            guard let connection = connections[event.conn] else { return }
            if transport == .sockJS {
                // A JSON array of Centrifugo frames.
                for frame in JSONValue(parsing: clientPayload(event))?.arrayValue ?? [] {
                    deliver(Array((frame.stringValue ?? "").utf8), to: connection)
                }
            } else {
                deliver(clientPayload(event), to: connection)
            }
        case "close":
            connections[event.conn]?.clientClosed(code: event.closeCode, withFrame: event.closeFrame)
        default:
            break
        }
    }

    @discardableResult
    private func openConnection(_ label: String, _ transport: ReplayTransport) -> ReplayConnection {
        let connection = ReplayConnection(label: label, transport: transport, node: node, scheduler: scheduler)
        connection.answersPings = !(comparisons[label]?.expectsPings ?? false)
        connections[label] = connection
        return connection
    }

    /// The first message of a unidirectional connection is its connect request; everything else is frames.
    private func deliver(_ payload: [UInt8], to connection: ReplayConnection) {
        if connection.transport.isUnidirectional {
            connection.receive(connectRequest: payload)
        } else {
            connection.receive(frame: payload)
        }
    }

    /// The event's payload; text gets live UUIDs and epochs substituted.
    private func clientPayload(_ event: RecordedSession.Event) -> [UInt8] {
        if let binary = event.binary { return binary }
        return Array(bindings.substitute(in: event.text ?? "").utf8)
    }

    private func playAPI(_ event: RecordedSession.Event) {
        guard event.kind == "http_request", responseStatus(after: event) == 200 else { return }
        let replies = ReplayAPI(node: node).execute(bindings.substitute(in: event.text ?? ""))
        record(replies, for: event.conn)
    }

    /// `/emulation`: commands for the connection with that session, if the node id is this node's.
    private func playEmulation(_ event: RecordedSession.Event) {
        guard event.kind == "http_request" else { return }
        let session: String
        let nodeID: String
        let data: [UInt8]
        if let binary = event.binary {
            guard
                let request = try? MessageCodec.protobuf.decode(EmulationRequest.self, from: ByteBuffer(bytes: binary))
            else {
                record([.status(400)], for: event.conn)
                return
            }
            session = bindings.liveValue(of: request.session)
            nodeID = bindings.liveValue(of: request.node)
            data = Array(request.data.readableBytesView)
        } else {
            let body = JSONValue(parsing: bindings.substitute(in: event.text ?? ""))
            session = body?["session"]?.stringValue ?? ""
            nodeID = body?["node"]?.stringValue ?? ""
            data = Array((body?["data"]?.stringValue ?? "").utf8)
        }
        guard nodeID == node.id,
            let connection = connections.values.first(where: { !$0.ended && $0.handle.sessionID == session })
        else {
            record([.status(404)], for: event.conn)
            return
        }
        connection.receive(frame: data)
        record([.status(204)], for: event.conn)
    }

    /// `xhr_send`: a JSON array of frames for the `xhr_streaming` connection of the same SockJS session.
    private func playSockJSSend(_ event: RecordedSession.Event, session: String) {
        guard event.kind == "http_request" else { return }
        let stream =
            session.isEmpty
            ? nil
            : self.session.events.first { candidate in
                candidate.kind == "http_request" && ConnectionRole.sockJSPath(candidate.path ?? "")?.session == session
                    && ConnectionRole.sockJSPath(candidate.path ?? "")?.transport == "xhr_streaming"
            }
        guard let label = stream?.conn, let connection = connections[label], !connection.ended else {
            record([.status(404)], for: event.conn)
            return
        }
        for frame in JSONValue(parsing: clientPayload(event))?.arrayValue ?? [] {
            deliver(Array((frame.stringValue ?? "").utf8), to: connection)
        }
        record([.status(204)], for: event.conn)
    }

    private func responseStatus(after request: RecordedSession.Event) -> Int? {
        session.events.first { $0.seq > request.seq && $0.conn == request.conn && $0.kind == "http_response" }?.status
    }

    static func queryValue(_ name: String, in path: String) -> String? {
        URLComponents(string: path)?.queryItems?.first { $0.name == name }?.value
    }
}
