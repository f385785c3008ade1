import RotorCore
import RotorNode
import RotorProtocol

/// Passes the node's events to several observers (metrics and the trace log), in order. Confined to the
/// node's loop.
final class NodeObserverFanout: NodeObserver {
    let observers: [any NodeObserver]

    init(_ observers: [any NodeObserver]) {
        self.observers = observers
    }

    func opened(_ connection: ConnectionHandle) {
        for observer in observers { observer.opened(connection) }
    }

    func left(_ connection: ConnectionHandle) {
        for observer in observers { observer.left(connection) }
    }

    func received(_ command: ClientCommand, from connection: ConnectionHandle) {
        for observer in observers { observer.received(command, from: connection) }
    }

    func sent(_ message: NodeMessage, to connection: ConnectionHandle) {
        for observer in observers { observer.sent(message, to: connection) }
    }

    func closed(_ connection: ConnectionHandle, with disconnect: Disconnect) {
        for observer in observers { observer.closed(connection, with: disconnect) }
    }

    func recorded(_ event: NodeEvent) {
        for observer in observers { observer.recorded(event) }
    }
}
