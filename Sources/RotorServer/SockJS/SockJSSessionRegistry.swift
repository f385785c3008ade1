import NIOConcurrencyHelpers

/// The open sessions of one protocol version by session id (sockjs-go keeps one table per handler, and
/// Centrifugo has one handler per protocol version). Safe from any loop.
final class SockJSSessionRegistry: Sendable {
    private let sessions = NIOLockedValueBox([String: SockJSSession]())

    /// The session `id`, if open.
    func session(_ id: String) -> SockJSSession? {
        sessions.withLockedValue { $0[id] }
    }

    /// The session `id`, made by `make` (and returned with `created` true) when there is none.
    func session(_ id: String, orMake make: () -> SockJSSession) -> (session: SockJSSession, created: Bool) {
        sessions.withLockedValue { sessions in
            if let existing = sessions[id] { return (existing, false) }
            let session = make()
            sessions[id] = session
            return (session, true)
        }
    }

    /// Forgets `session` (if it is still the one registered under its id).
    func remove(_ session: SockJSSession) {
        sessions.withLockedValue { sessions in
            if sessions[session.id] === session { sessions[session.id] = nil }
        }
    }
}
