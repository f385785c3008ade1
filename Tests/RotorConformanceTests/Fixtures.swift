import Foundation
import RotorConformance

/// The repository's recordings, for tests that read them.
enum Fixtures {
    static let recorded: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/recorded")

    static func session(_ name: String) throws -> RecordedSession {
        try RecordedSession.load(contentsOf: recorded.appendingPathComponent(name + ".jsonl"))
    }

    /// A session file text: a header with `config`, then `events` (one JSON object each, seq/ms filled in).
    static func sessionText(config: String = "{}", events: [String]) -> String {
        var lines = [#"{"format":"rotor-session/1","scenario":"t","transport":"http_api","config":\#(config)}"#]
        for (index, event) in events.enumerated() {
            lines.append("{\"seq\":\(index + 1),\"ms\":0," + event.dropFirst())
        }
        return lines.joined(separator: "\n")
    }
}
