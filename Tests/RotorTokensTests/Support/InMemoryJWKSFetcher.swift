import Foundation
import RotorTokens

/// Serves JWKS documents from memory and counts requests; can be told to fail.
final class InMemoryJWKSFetcher: JWKSFetcher, @unchecked Sendable {
    struct Unavailable: Error {}

    private let lock = NSLock()
    private var documents: [String: String]
    private var requested: [String] = []
    private var failing = false
    /// While set, fetches wait for `release()` (to hold concurrent callers inside one fetch).
    private var gate: CheckedContinuation<Void, Never>?
    private var gated = false

    init(documents: [String: String] = [:]) {
        self.documents = documents
    }

    /// The URLs fetched so far, in order.
    var requests: [String] { lock.withLock { requested } }

    func serve(_ document: String, at url: String) { lock.withLock { documents[url] = document } }
    func setFailing(_ value: Bool) { lock.withLock { failing = value } }
    func holdFetches() { lock.withLock { gated = true } }

    /// Lets a held fetch finish (returns false if none is waiting yet).
    func release() -> Bool {
        let continuation: CheckedContinuation<Void, Never>? = lock.withLock {
            defer { gate = nil }
            if gate != nil { gated = false }
            return gate
        }
        continuation?.resume()
        return continuation != nil
    }

    func fetch(url: String) async throws -> [UInt8] {
        let mustWait = lock.withLock {
            requested.append(url)
            return gated
        }
        if mustWait {
            await withCheckedContinuation { continuation in lock.withLock { gate = continuation } }
        }
        return try lock.withLock {
            guard !failing, let document = documents[url] else { throw Unavailable() }
            return Array(document.utf8)
        }
    }
}
