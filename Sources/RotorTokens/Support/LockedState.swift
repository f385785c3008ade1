import Foundation

/// Mutable state shared between threads, reachable only while holding its lock.
///
/// Verification runs synchronously on whichever event loop asks, so the JWKS key cache needs a plain lock
/// rather than an actor.
final class LockedState<State>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    init(_ state: State) {
        self.state = state
    }

    /// Runs `body` with exclusive access to the state.
    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
