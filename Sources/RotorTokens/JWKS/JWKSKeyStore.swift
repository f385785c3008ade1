import RotorCore

/// The JWKS key cache of `server.md` §3.1: keys by `kid` with a one-hour sliding TTL, filled by coalesced
/// fetches.
///
/// Lookups are synchronous and take the caller's `now`. Fetches have no clock, so a freshly fetched key's
/// hour starts at its first lookup; each later hit restarts it (the reference touches an item on every get)
/// and a key not looked up for more than an hour is dropped, so the next token naming it refetches.
///
/// A failed fetch is remembered for each `prepare(kid:url:token:)` call that shared it, and the next lookup
/// of that token reports it once; so a caller that asks again after preparing always gets an answer, while
/// later tokens fetch again, as the reference fetches on every miss.
final class JWKSKeyStore: Sendable {
    /// How long a key stays cached after its last use.
    static let timeToLive: Duration = .seconds(3600)
    /// Download attempts per fetch.
    static let attempts = 2
    /// Bound on remembered failures of tokens whose callers never asked again.
    static let maxRememberedFailures = 1_024

    /// The outcome of a lookup.
    enum Lookup {
        case key(JWKSKey)
        case failed(reason: String)
        case missing
    }

    private enum FetchOutcome: Sendable {
        case fetched
        case failed(reason: String)
    }

    private struct Entry {
        var key: JWKSKey
        var expiresAt: Timestamp?
    }

    private struct State {
        var keys: [String: Entry] = [:]
        var failures: [String: (reason: String, count: Int)] = [:]
        var inFlight: [String: InFlight] = [:]
    }

    private struct InFlight {
        var task: Task<FetchOutcome, Never>
        /// `prepare` calls waiting for this fetch.
        var callers: Int
    }

    private let fetcher: (any JWKSFetcher)?
    private let state = LockedState(State())

    init(fetcher: (any JWKSFetcher)?) {
        self.fetcher = fetcher
    }

    /// The cached key `kid` at `now` (restarting its TTL), else a failure remembered for `token`, else missing.
    func lookup(kid: String, token: String, now: Timestamp) -> Lookup {
        state.withLock { state in
            if var entry = state.keys[kid] {
                if let expiresAt = entry.expiresAt, expiresAt < now {
                    state.keys[kid] = nil
                } else {
                    entry.expiresAt = now + Self.timeToLive
                    state.keys[kid] = entry
                    return .key(entry.key)
                }
            }
            if let failure = state.failures[token] {
                state.failures[token] = failure.count > 1 ? (failure.reason, failure.count - 1) : nil
                return .failed(reason: failure.reason)
            }
            return .missing
        }
    }

    /// Makes sure `kid` is cached, fetching `url` unless it already is; concurrent calls for one `kid` share
    /// one fetch. A failure is remembered for `token`.
    func prepare(kid: String, url: String, token: String) async {
        let task: Task<FetchOutcome, Never>? = state.withLock { state in
            if state.keys[kid] != nil { return nil }
            if let running = state.inFlight[kid]?.task {
                state.inFlight[kid]?.callers += 1
                return running
            }
            let task = Task { await self.fetch(kid: kid, url: url) }
            state.inFlight[kid] = InFlight(task: task, callers: 1)
            return task
        }
        guard let task, case .failed(let reason) = await task.value else { return }
        state.withLock { state in
            if state.failures.count >= Self.maxRememberedFailures { state.failures = [:] }
            let count = state.failures[token]?.count ?? 0
            state.failures[token] = (reason, count + 1)
        }
    }

    /// How many `prepare` calls wait for a running fetch of `kid` (0 if none runs).
    func waitingCallers(kid: String) -> Int {
        state.withLock { $0.inFlight[kid]?.callers ?? 0 }
    }

    /// Downloads and caches the document's signing keys; reports whether `kid` was among them.
    private func fetch(kid: String, url: String) async -> FetchOutcome {
        let result = await download(url)
        return state.withLock { state in
            state.inFlight[kid] = nil
            switch result {
            case .failure(let failure):
                return .failed(reason: failure.reason)
            case .success(let keys):
                for (keyID, key) in keys { state.keys[keyID] = Entry(key: key, expiresAt: nil) }
                return keys.contains { $0.kid == kid } ? .fetched : .failed(reason: "jwks: public key not found")
            }
        }
    }

    private struct DownloadFailure: Error {
        var reason: String
    }

    private func download(_ url: String) async -> Result<[(kid: String, key: JWKSKey)], DownloadFailure> {
        guard let fetcher else { return .failure(DownloadFailure(reason: "jwks: no fetcher configured")) }
        var lastError = ""
        for _ in 0..<Self.attempts {
            let body: [UInt8]
            do {
                body = try await fetcher.fetch(url: url)
            } catch {
                lastError = "\(error)"
                continue
            }
            do {
                return .success(try JWKSDocument.signingKeys(in: body))
            } catch .noKeys {
                return .failure(DownloadFailure(reason: "jwks: public key not found"))
            } catch .badKey(let kid) {
                return .failure(DownloadFailure(reason: "jwks: convert error for key \(kid)"))
            } catch {
                return .failure(DownloadFailure(reason: "jwks: unmarshal error"))
            }
        }
        return .failure(DownloadFailure(reason: "jwks: fetch failed: \(lastError)"))
    }
}
