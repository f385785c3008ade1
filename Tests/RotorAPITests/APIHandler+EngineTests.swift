import NIOCore
import RotorAPI
import RotorEngine
import Testing

/// Engine completions that arrive later or fail: replies wait, keep their order, and failures are 100.
@Suite struct APIHandlerEngineTests {
    let internalError = #"{"error":{"code":100,"message":"internal server error"}}"#

    @Test func delayedCompletionsAnswerLaterAndInOrder() {
        let harness = APIHarness()
        harness.engine.policy = FaultPolicy { _ in .delay(.milliseconds(50)) }
        var response: APIResponse?
        let body = [
            #"{"id":1,"method":"publish","params":{"channel":"chat:a","data":1}}"#,
            #"{"id":2,"method":"info"}"#,
            #"{"id":3,"method":"presence_stats","params":{"channel":"chat:a"}}"#,
            #"{"id":4,"method":"history","params":{"channel":"chat:a","limit":-1}}"#,
        ].joined(separator: "\n")
        harness.handler.handle(
            APIRequest(headers: [("Authorization", "apikey \(APIHarness.key)")], body: ByteBuffer(string: body))
        ) { response = $0 }
        harness.scheduler.runCurrent()
        #expect(response == nil)
        harness.scheduler.advance(by: .milliseconds(50))
        #expect(response == nil)  // the history call starts only after presence_stats answered
        harness.scheduler.advance(by: .milliseconds(100))
        let lines = String(buffer: response?.body ?? ByteBuffer()).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first == #"{"id":1,"result":{"offset":1,"epoch":"EPCH"}}"#)
        #expect(lines.dropFirst().first?.hasPrefix(#"{"id":2,"result":{"nodes":"#) == true)
        #expect(lines.last == #"{"id":4,"result":{"publications":[{"data":1,"offset":1}],"epoch":"EPCH","offset":1}}"#)
    }

    @Test func delayedBatchAnswersLater() {
        let harness = APIHarness(configuration: APIConfiguration(key: APIHarness.key, v5Routes: true))
        harness.engine.policy = FaultPolicy { _ in .delay(.milliseconds(10)) }
        var response: APIResponse?
        let body =
            #"{"commands":[{"publish":{"channel":"chat:a","data":1}},{"publish":{"channel":"chat:a","data":2}}]}"#
        harness.handler.handle(
            APIRequest(path: "/api/batch", headers: [("X-API-Key", APIHarness.key)], body: ByteBuffer(string: body))
        ) { response = $0 }
        harness.scheduler.runCurrent()
        #expect(response == nil)
        harness.scheduler.advance(by: .milliseconds(20))
        #expect(
            String(buffer: response!.body)
                == #"{"replies":[{"publish":{"offset":1,"epoch":"EPCH"}},{"publish":{"offset":2,"epoch":"EPCH"}}]}"#)
    }

    @Test func engineFailuresAre100() {
        let harness = APIHarness()
        harness.engine.policy = .failing(Set(EngineOperation.allCases), with: EngineError("down"))
        for command in [
            #"{"method":"publish","params":{"channel":"chat:a","data":1}}"#,
            #"{"method":"presence","params":{"channel":"chat:a"}}"#,
            #"{"method":"presence_stats","params":{"channel":"chat:a"}}"#,
            #"{"method":"history","params":{"channel":"chat:a"}}"#,
            #"{"method":"history_remove","params":{"channel":"chat:a"}}"#,
        ] {
            #expect(harness.text(command) == internalError, "\(command)")
        }
        #expect(
            harness.text(#"{"method":"broadcast","params":{"channels":["chat:a","news:a"],"data":1}}"#)
                == #"{"result":{"responses":[{"error":{"code":100,"message":"internal server error"}},{"error":{"code":100,"message":"internal server error"}}]}}"#
        )
    }
}
