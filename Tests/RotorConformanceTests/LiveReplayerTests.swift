import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Testing

@testable import RotorConformance

/// The live replayer against a fake server: it passes when the server answers as recorded and reports the
/// first difference when it does not.
@Suite struct LiveReplayerTests {
    static let session = Fixtures.sessionText(events: [
        #"{"dir":"c2s","conn":"api","kind":"http_request","method":"POST","path":"/api","data":"{\"id\":1,\"method\":\"publish\",\"params\":{\"channel\":\"a\",\"data\":{}}}"}"#,
        #"{"dir":"s2c","conn":"api","kind":"http_response","status":200,"data":"{\"id\":1,\"result\":{}}"}"#,
    ])

    static let webSocketSession = Fixtures.sessionText(events: [
        #"{"dir":"c2s","conn":"c1","kind":"open","url":"/connection/websocket","subprotocol":null}"#,
        #"{"dir":"c2s","conn":"c1","kind":"text","data":"{\"id\":1,\"connect\":{}}"}"#,
        #"{"dir":"s2c","conn":"c1","kind":"text","data":"{\"id\":1,\"connect\":{\"client\":\"59b143f8-c77a-468a-9286-bc0e24766095\"}}"}"#,
        #"{"dir":"c2s","conn":"c1","kind":"text","data":"{\"id\":2}"}"#,
        #"{"dir":"s2c","conn":"c1","kind":"close","close_frame":true,"close_code":3501,"close_reason":"bad request"}"#,
        #"{"dir":"c2s","conn":"v1","kind":"open","url":"/connection/refused","headers":{}}"#,
        #"{"dir":"s2c","conn":"v1","kind":"http_response","status":400,"data":"Bad Request\n"}"#,
    ])

    /// The fake server's answers to the WebSocket session: the recorded ones, or with another close code.
    static func script(closeCode: Int) -> [String: [WebSocketFrame]] {
        [
            #"{"id":1,"connect":{}}"#: [
                FakeHTTPServer.text(#"{"id":1,"connect":{"client":"ed41b206-9baa-49c2-8594-d64e582b17e4"}}"#)
            ],
            #"{"id":2}"#: [FakeHTTPServer.close(closeCode, "bad request")],
        ]
    }

    func replay(
        _ text: String = Self.session, against status: HTTPResponseStatus, body: String,
        script: [String: [WebSocketFrame]] = [:], byteForByte: Bool = true
    ) async throws -> ReplayOutcome {
        let group = MultiThreadedEventLoopGroup.singleton
        let server = try await FakeHTTPServer(status: status, body: body, script: script, group: group)
        let replayer = try LiveReplayer(
            session: RecordedSession.parse(text, name: "fake"),
            target: LiveTarget(host: "127.0.0.1", port: server.port), group: group,
            options: LiveReplayOptions(eventTimeout: .seconds(5), settle: .milliseconds(50), byteForByte: byteForByte))
        let outcome = await replayer.run()
        try await server.stop()
        return outcome
    }

    @Test func passesWhenTheServerAnswersAsRecorded() async throws {
        #expect(try await replay(against: .ok, body: #"{"id":1,"result":{}}"#) == .passed(uncompared: 0))
    }

    @Test func keyOrderCountsUnlessSemantic() async throws {
        let reordered = #"{"result":{},"id":1}"#
        let strict = try await replay(against: .ok, body: reordered)
        #expect(
            strict
                == .mismatch(
                    "api seq 2: same JSON, different bytes\n    expected: {\"id\":1,\"result\":{}}\n    actual:   \(reordered)"
                ))
        #expect(try await replay(against: .ok, body: reordered, byteForByte: false) == .passed(uncompared: 0))
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

    @Test func webSocketSessionPasses() async throws {
        let outcome = try await replay(
            Self.webSocketSession, against: .badRequest, body: "Bad Request\n", script: Self.script(closeCode: 3501))
        #expect(outcome == .passed(uncompared: 0))
    }

    @Test func reportsAWrongCloseCode() async throws {
        let outcome = try await replay(
            Self.webSocketSession, against: .badRequest, body: "Bad Request\n", script: Self.script(closeCode: 3000))
        guard case .mismatch(let difference) = outcome else {
            Issue.record("expected a mismatch, got \(outcome)")
            return
        }
        #expect(difference.contains(#"expected close 3501 "bad request", got close 3000 "bad request""#))
    }

    @Test func reportsARefusalWithAnotherBody() async throws {
        let outcome = try await replay(
            Self.webSocketSession, against: .badRequest, body: "nope", script: Self.script(closeCode: 3501))
        #expect(outcome != .passed(uncompared: 0))
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
