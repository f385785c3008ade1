import Foundation
import NIOCore
import RotorProtocol

extension LiveReplayer {
    /// Plays one client event over the network.
    func play(_ event: RecordedSession.Event) async {
        guard let role = roles[event.conn] else { return }
        let connection = self.connection(event.conn, role: role)
        switch event.kind {
        case "open":
            await openWebSocket(event, connection)
        case "text", "binary":
            connection.send(text: Array(substituted(event.text ?? "").utf8), binary: event.binary)
        case "close":
            connection.clientClose(code: event.closeCode)
        case "http_request":
            await startExchange(event, connection, role: role)
        default:
            break
        }
    }

    private func connection(_ label: String, role: ConnectionRole) -> LiveConnection {
        if let existing = connections[label] { return existing }
        let connection = LiveConnection(
            label: label, role: role, answersPings: !(comparisons[label]?.expectsPings ?? false), output: output)
        connections[label] = connection
        return connection
    }

    /// Recorded tokens replaced by re-signed ones, recorded UUIDs and epochs by the live ones.
    func substituted(_ text: String) -> String {
        var result = text
        for (recorded, fresh) in tokens where result.contains(recorded) {
            result = result.replacingOccurrences(of: recorded, with: fresh)
        }
        return bindings.substitute(in: result)
    }

    private func openWebSocket(_ event: RecordedSession.Event, _ connection: LiveConnection) async {
        var headers = event.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        if !event.subprotocolsRequested.isEmpty {
            headers.append(("Sec-WebSocket-Protocol", event.subprotocolsRequested.joined(separator: ", ")))
        }
        do {
            let client = try await WebSocketClient.connect(
                host: target.host, port: target.port, path: substituted(event.url ?? "/"), headers: headers,
                group: group, timeout: .seconds(options.eventTimeout.components.seconds),
                onEvent: connection.receive)
            connection.opened(client)
            if client.isOpen, let difference = handshakeDifference(client.handshake, event) {
                output.append([.body(difference)], to: event.conn)
            }
        } catch {
            connection.failedToOpen(error)
        }
    }

    /// How an accepted upgrade differs from the recorded one: the selected subprotocol, and the negotiated
    /// extensions (exactly, or only whether permessage-deflate was agreed with `--semantic`).
    private func handshakeDifference(_ response: HTTPClientResponse, _ event: RecordedSession.Event) -> String? {
        let subprotocol = response.header("Sec-WebSocket-Protocol")
        if subprotocol != event.subprotocol {
            return "subprotocol \(subprotocol ?? "none"), recorded \(event.subprotocol ?? "none")"
        }
        let extensions = response.header("Sec-WebSocket-Extensions")
        let recorded = event.responseHeaders["Sec-WebSocket-Extensions"]
        let same =
            options.byteForByte
            ? extensions == recorded
            : (extensions?.contains("permessage-deflate") ?? false)
                == (recorded?.contains("permessage-deflate") ?? false)
        return same ? nil : "Sec-WebSocket-Extensions \(extensions ?? "none"), recorded \(recorded ?? "none")"
    }

    private func startExchange(_ event: RecordedSession.Event, _ connection: LiveConnection, role: ConnectionRole)
        async
    {
        let isAPI = role == .api
        var body: [UInt8]?
        if let binary = event.binary {
            body = role == .emulation ? liveEmulationRequest(binary) : binary
        } else if let text = event.text {
            body = Array(RelativeTimes.apply(event.relativeTimes, to: substituted(text), now: Self.unixNow).utf8)
        }
        do {
            let client = try await HTTPClient.start(
                host: isAPI ? target.apiHost : target.host, port: isAPI ? target.apiPort : target.port,
                method: event.method ?? "GET", path: substituted(event.path ?? "/"),
                headers: event.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, body: body,
                group: group, connectTimeout: .seconds(options.eventTimeout.components.seconds),
                onEvent: connection.receive)
            connection.started(client)
        } catch {
            connection.receive(HTTPClientEvent.failed("\(error)"))
        }
    }

    /// A Protobuf `/emulation` body with the recorded node and session replaced by the live ones.
    private func liveEmulationRequest(_ bytes: [UInt8]) -> [UInt8] {
        guard var request = try? MessageCodec.protobuf.decode(EmulationRequest.self, from: ByteBuffer(bytes: bytes))
        else { return bytes }
        request.node = bindings.liveValue(of: request.node)
        request.session = bindings.liveValue(of: request.session)
        guard let encoded = try? MessageCodec.protobuf.encode(request) else { return bytes }
        return Array(encoded.readableBytesView)
    }
}
