import NIOCore

/// The test-only echo route (for the Autobahn|Testsuite fuzzing client): every message goes back as it came.
final class EchoWebSocketSession: WebSocketSession {
    private var socket: WebSocketConnectionHandler?

    func opened(_ connection: WebSocketConnectionHandler) {
        socket = connection
    }

    func received(_ message: ByteBuffer, binary: Bool) {
        socket?.send(message, binary: binary)
        socket?.flush()
    }

    func becameUnwritable() {}

    func closed() {
        socket = nil
    }
}
