import Foundation

/// The configs and tokens of the sessions recorded from Centrifugo v4.1.5 (`Fixtures/recorded/*.jsonl`: each
/// header carries the config file the server ran with).
enum RecordedConfig {
    /// `{"sub":"42"}` signed with the recordings' HMAC secret.
    static let token =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.wqHQrC_lc4UR-Fn085upbt9tvt3a8djwAKgvWhL1VfY"
    /// The recordings' HMAC secret (`token_hmac_secret_key`).
    static let secret = "rotor-recording-secret-0123456789abcdef-0123456789abcdef"
    /// The recordings' API key.
    static let apiKey = "rotor-recording-api-key"

    /// The directory of the recordings.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/recorded")

    /// The config of session `scenario`, as the JSON text of a config file.
    static func json(_ scenario: String) throws -> String {
        let text = try String(
            contentsOf: directory.appendingPathComponent("\(scenario).jsonl"), encoding: .utf8)
        let header = text.prefix { $0 != "\n" }
        let object = try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any]
        let config = object?["config"] ?? [String: Any]()
        let data = try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
