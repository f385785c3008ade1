import Logging
import NIOCore
import RotorCore
import RotorNode
import RotorProtocol

/// Debug-level connection lifecycle lines (`server.md` §11): `client connection established` (`client`,
/// `transport`), `client authenticated` (`client`, `user`) and `client connection completed` (`client`,
/// `transport`, `duration` in milliseconds). Installed only at `debug` level or below; confined to the node's
/// loop.
final class ConnectionLog: NodeObserver {
    let logger: Logger
    private var opened: [ObjectIdentifier: NIODeadline] = [:]

    init(logger: Logger) {
        self.logger = logger
    }

    func opened(_ connection: ConnectionHandle) {
        opened[ObjectIdentifier(connection)] = .now()
        logger.debug(
            "client connection established",
            metadata: ["client": "\(connection.clientID)", "transport": "\(connection.transport.name)"])
    }

    func left(_ connection: ConnectionHandle) {
        guard let started = opened.removeValue(forKey: ObjectIdentifier(connection)) else { return }
        let milliseconds = Double((NIODeadline.now() - started).nanoseconds) / 1e6
        logger.debug(
            "client connection completed",
            metadata: [
                "client": "\(connection.clientID)", "transport": "\(connection.transport.name)",
                "duration": .stringConvertible(milliseconds),
            ])
    }

    func sent(_ message: NodeMessage, to connection: ConnectionHandle) {
        let connected: Bool
        switch message {
        case .reply(let reply): connected = reply.connect != nil
        case .push(let push): connected = push.connect != nil
        case .ping: connected = false
        }
        guard connected else { return }
        logger.debug(
            "client authenticated", metadata: ["client": "\(connection.clientID)", "user": "\(connection.user)"])
    }

    func received(_ command: ClientCommand, from connection: ConnectionHandle) {}

    func closed(_ connection: ConnectionHandle, with disconnect: Disconnect) {}

    func recorded(_ event: NodeEvent) {}
}
