import Logging
import NIOCore
import RotorCore
import RotorNode
import RotorProtocol

/// Trace-level logging of every client protocol frame (`server.md` §11): `<--` with `client`, `user` and the
/// command as JSON (also for Protobuf clients), `-->` with `client`, `user` and the `reply` or `push` as JSON.
/// Installed only when the log level is `trace`; confined to the node's loop.
final class FrameTracer: NodeObserver {
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }

    func opened(_ connection: ConnectionHandle) {}

    func left(_ connection: ConnectionHandle) {}

    func received(_ command: ClientCommand, from connection: ConnectionHandle) {
        logger.trace(
            "<--",
            metadata: [
                "client": "\(connection.clientID)", "user": "\(connection.user)",
                "command": "\(Self.json(command))",
            ])
    }

    func sent(_ message: NodeMessage, to connection: ConnectionHandle) {
        let key: String
        let json: String
        switch message {
        case .reply(let reply):
            key = "reply"
            json = Self.json(reply)
        case .push(let push):
            key = "push"
            json = Self.json(push)
        case .ping:
            key = "reply"
            json = "{}"
        }
        logger.trace(
            "-->", metadata: ["client": "\(connection.clientID)", "user": "\(connection.user)", key: "\(json)"])
    }

    func closed(_ connection: ConnectionHandle, with disconnect: Disconnect) {}

    func recorded(_ event: NodeEvent) {}

    /// The JSON rendering of a client command.
    static func json(_ command: ClientCommand) -> String {
        switch command {
        case .request(let id, let request): json(Command(id: id, request))
        case .pong: "{}"
        case .malformed: "(malformed command)"
        case .unknownV1Method(let id): "{\"id\":\(id),\"method\":\"unknown\"}"
        }
    }

    /// The JSON encoding of `message`, or a note when it cannot be rendered as JSON.
    static func json<Message: ProtocolMessage>(_ message: Message) -> String {
        guard let buffer = try? MessageCodec.json.encode(message) else { return "(not representable as JSON)" }
        return String(buffer: buffer)
    }
}
