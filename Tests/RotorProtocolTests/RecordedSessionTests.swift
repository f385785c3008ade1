import NIOCore
import RotorProtocol
import Testing

/// Golden tests: every client-protocol frame recorded from Centrifugo v4.1.5 (`Fixtures/recorded`).
@Suite struct RecordedSessionTests {
    /// Client frames the reference answered with a close because they are malformed; each must fail to
    /// decode with the error that maps to that close (checked against the recording by the walker).
    static let malformedClientFrames: [String: [Int: ProtocolDecodingError]] = [
        "bad_empty_frame_before_connect": [2: .emptyFrame],
        "bad_invalid_json": [4: .invalidJSON(offset: 0)],  // `this is not json`
        "bad_oversized_frame": [4: .frameTooLarge(size: 70_058, limit: 65_536)],
        "protobuf_garbage": [4: .truncated],  // 05 ff ff ff ff ff: a tag varint that never ends
    ]

    @Test(arguments: Recording.allNames)
    func everyFrameRoundTrips(_ name: String) {
        var walker = SessionRoundTrip(recording: Recording.load(name))
        walker.run()
        #expect(walker.failures.isEmpty, "\(walker.failures.joined(separator: "\n"))")
        #expect(walker.decodeErrors == Self.malformedClientFrames[name] ?? [:], "\(walker.decodeErrors)")
    }

    @Test func recordingsCoverEveryTransport() {
        var server = 0
        var client = 0
        for name in Recording.allNames {
            var walker = SessionRoundTrip(recording: Recording.load(name))
            walker.run()
            server += walker.serverMessagesChecked
            client += walker.clientMessagesDecoded
        }
        // Guards against a walker that silently skips frames: these are the message counts of the fixtures.
        #expect(server >= 236, "\(server)")
        #expect(client >= 204, "\(client)")
    }
}
