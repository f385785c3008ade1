import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

@testable import RotorConformance

/// The live replayer against a fake server: it passes when the server answers as recorded and reports the
/// first difference when it does not.
@Suite struct LiveReplayerTests {
    static let session = Fixtures.sessionText(events: [
        #"{"dir":"c2s","conn":"api","kind":"http_request","method":"POST","path":"/api","data":"{\"id\":1,\"method\":\"publish\",\"params\":{\"channel\":\"a\",\"data\":{}}}"}"#,
        #"{"dir":"s2c","conn":"api","kind":"http_response","status":200,"data":"{\"id\":1,\"result\":{}}"}"#,
    ])

    func replay(against status: HTTPResponseStatus, body: String) async throws -> ReplayOutcome {
        let group = MultiThreadedEventLoopGroup.singleton
        let server = try await FakeHTTPServer(status: status, body: body, group: group)
        let replayer = try LiveReplayer(
            session: RecordedSession.parse(Self.session, name: "fake"),
            target: LiveTarget(host: "127.0.0.1", port: server.port), group: group,
            options: LiveReplayOptions(eventTimeout: .seconds(5), settle: .milliseconds(50)))
        let outcome = await replayer.run()
        try await server.stop()
        return outcome
    }

    @Test func passesWhenTheServerAnswersAsRecorded() async throws {
        #expect(try await replay(against: .ok, body: #"{"result":{},"id":1}"#) == .passed(uncompared: 0))
    }

    @Test func reportsADifferentReply() async throws {
        let outcome = try await replay(
            against: .ok, body: #"{"id":1,"error":{"code":102,"message":"unknown channel"}}"#)
        guard case .mismatch(let difference) = outcome else {
            Issue.record("expected a mismatch, got \(outcome)")
            return
        }
        #expect(difference.contains("api seq 2"))
    }

    @Test func reportsADifferentStatus() async throws {
        let outcome = try await replay(against: .unauthorized, body: "")
        #expect(
            outcome
                == .mismatch(
                    "api seq 2: expected HTTP 200, got HTTP 401\n    expected: HTTP 200\n    actual:   HTTP 401"))
    }

    @Test func reportsNoServer() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let port = try await ServerProcess.freePort(group: group)
        let outcome = await ReplayRunner(
            server: .running(LiveTarget(host: "127.0.0.1", port: port)),
            options: LiveReplayOptions(eventTimeout: .seconds(2))
        ).replay(try Self.fileURL(), group: group)
        guard case .mismatch(let difference) = outcome else {
            Issue.record("expected a mismatch, got \(outcome)")
            return
        }
        #expect(difference.contains("HTTP exchange failed"))
    }

    @Test func spawnFailureIsAFailure() async throws {
        let outcome = await ReplayRunner(server: .spawn("exit 3 {config} {port}"))
            .replay(try Self.fileURL(), group: MultiThreadedEventLoopGroup.singleton)
        guard case .mismatch(let difference) = outcome else {
            Issue.record("expected a mismatch, got \(outcome)")
            return
        }
        #expect(difference.contains("server did not start"))
    }

    static func fileURL() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fake-\(UUID().uuidString).jsonl")
        try Data(session.utf8).write(to: url)
        return url
    }
}
