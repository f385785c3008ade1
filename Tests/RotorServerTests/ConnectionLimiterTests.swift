import NIOConcurrencyHelpers
import RotorCore
import Testing

@testable import RotorServer

@Suite("Connection limiter (server.md §12)")
struct ConnectionLimiterTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        let time = NIOLockedValueBox(Timestamp.unixSeconds(1_700_000_000))
        func advance(_ duration: Duration) { time.withLockedValue { $0 = $0 + duration } }
        var now: Timestamp { time.withLockedValue { $0 } }
    }

    @Test("the rate limit is a bucket of N per endpoint refilled one token per second")
    func rateBucket() {
        let clock = ManualClock()
        let limiter = ConnectionLimiter(
            rateLimit: 3, connectionLimit: 0, openConnections: { 0 }, clock: { clock.now })
        for _ in 0..<3 { #expect(limiter.admit(endpoint: "websocket") == nil) }
        #expect(limiter.admit(endpoint: "websocket") == .rate)
        #expect(limiter.admit(endpoint: "uni_sse") == nil, "each endpoint has its own bucket")
        clock.advance(.milliseconds(999))
        #expect(limiter.admit(endpoint: "websocket") == .rate)
        clock.advance(.milliseconds(1))
        #expect(limiter.admit(endpoint: "websocket") == nil)
        #expect(limiter.admit(endpoint: "websocket") == .rate)
        clock.advance(.seconds(60))
        for _ in 0..<3 { #expect(limiter.admit(endpoint: "websocket") == nil) }
        #expect(limiter.admit(endpoint: "websocket") == .rate, "the bucket never holds more than N")
    }

    @Test("the connection limit refuses at N open connections and reports each refusal")
    func connectionLimit() {
        let open = NIOLockedValueBox(0)
        let refusals = NIOLockedValueBox(0)
        let limiter = ConnectionLimiter(
            rateLimit: 0, connectionLimit: 2, openConnections: { open.withLockedValue { $0 } },
            clock: { .unixSeconds(0) }, onLimitRefusal: { refusals.withLockedValue { $0 += 1 } })
        #expect(limiter.admit(endpoint: "websocket") == nil)
        open.withLockedValue { $0 = 2 }
        #expect(limiter.admit(endpoint: "websocket") == .limit)
        #expect(refusals.withLockedValue { $0 } == 1)
        open.withLockedValue { $0 = 1 }
        #expect(limiter.admit(endpoint: "websocket") == nil)
    }
}

@Suite("Origin check (server.md §7.3)")
struct OriginCheckTests {
    @Test func emptyListAdmitsOnlyRequestsWithoutOrigin() {
        let check = OriginCheck(allowedOrigins: [])
        #expect(check.allows(origin: nil))
        #expect(!check.allows(origin: "http://example.com"))
    }

    @Test func starAdmitsEverything() {
        #expect(OriginCheck(allowedOrigins: ["*"]).allows(origin: "http://evil.example"))
    }

    @Test func globsMatchTheLowerCasedOrigin() {
        let check = OriginCheck(allowedOrigins: ["http://*.example.com", "https://app.test:[0-9]*"])
        #expect(check.allows(origin: "http://WWW.Example.com"))
        #expect(check.allows(origin: "https://app.test:8443"))
        #expect(!check.allows(origin: "http://example.org"))
        #expect(!check.allows(origin: "https://app.test"))
        #expect(OriginCheck(allowedOrigins: ["HTTP://A.COM"]).allows(origin: "http://a.com") == false)
    }
}
