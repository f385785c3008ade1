import RotorConformance
import Foundation
import Testing

/// The replayer must notice differences: recordings altered on purpose have to produce mismatches.
@Suite struct ReplayerSelfTests {
    func outcome(_ name: String, altering seq: Int, _ change: (inout RecordedSession.Event) -> Void) -> ReplayOutcome {
        do {
            var session = try RecordedSession.load(name)
            let index = session.events.firstIndex { $0.seq == seq }!
            change(&session.events[index])
            return try SessionReplayer(session).run()
        } catch {
            return .skipped(error.reason)
        }
    }

    func expectMismatch(_ outcome: ReplayOutcome, mentioning text: String) {
        guard case .mismatch(let difference) = outcome else {
            Issue.record("expected a mismatch, got \(outcome)")
            return
        }
        #expect(difference.contains(text), "\(difference)")
    }

    @Test func unalteredRecordingPasses() throws {
        #expect(try SessionReplayer(RecordedSession.load("publish_denied")).run() == .passed(uncompared: 0))
    }

    @Test func detectsAWrongErrorCode() {
        let result = outcome("publish_denied", altering: 9) {
            $0.text = #"{"id":4,"error":{"code":103,"message":"unknown channel"}}"#
        }
        expectMismatch(result, mentioning: "seq 9")
    }

    @Test func detectsExtraOutput() {
        let result = outcome("subscribe_plain", altering: 9) { $0.text = "" }
        expectMismatch(result, mentioning: #"got {"id":4,"unsubscribe":{}}"#)
    }

    @Test func detectsAWrongCloseCode() {
        let result = outcome("api_disconnect", altering: 5) { $0.closeCode = 3504 }
        expectMismatch(result, mentioning: "close 3504")
    }

    @Test func detectsAUUIDThatShouldDiffer() {
        // Both connections claim the same client id: distinct live ids must not bind to one recorded id.
        let result = outcome("api_disconnect_custom", altering: 6) {
            $0.text = $0.text?.replacingOccurrences(
                of: "59b143f8-c77a-468a-9286-bc0e24766095", with: "ed41b206-9baa-49c2-8594-d64e582b17e4")
        }
        expectMismatch(result, mentioning: "is bound to")
    }

    @Test func detectsAnEpochThatShouldDiffer() {
        let result = outcome("recovery_success", altering: 19) {
            $0.text = $0.text?.replacingOccurrences(of: "vDoc", with: "Zzzz")
        }
        expectMismatch(result, mentioning: "epoch")
    }

    @Test func detectsATTLOutsideTheTolerance() {
        let result = outcome("connect_hs256_with_exp", altering: 3) {
            $0.text = $0.text?.replacingOccurrences(of: "\"ttl\":3600", with: "\"ttl\":3500")
        }
        expectMismatch(result, mentioning: "ttl")
    }

    @Test func detectsAMissingJoin() {
        let result = outcome("presence_after_disconnect", altering: 13) { $0.text = "" }
        expectMismatch(result, mentioning: "unexpected join/leave")
    }

    @Test func detectsTimerDrift() {
        // The pong timeout is 1 s; a close recorded 6 s after the unanswered ping must not match.
        let result = outcome("ping_pong", altering: 7) { $0.ms = 8095 }
        expectMismatch(result, mentioning: "recorded")
    }

    /// Outcomes must not depend on the node's random choices (client ids, epochs, when the first ping comes).
    @Test(arguments: [1, 2, 3, 0xDEAD_BEEF] as [UInt64])
    func outcomesDoNotDependOnTheSeed(_ seed: UInt64) {
        for name in RecordedSession.allNames {
            #expect(SessionReplayer.replay(name, seed: seed) == SessionReplayer.replay(name), "\(name)")
        }
    }
}
