import Foundation
import Testing

@testable import RotorConfig

/// Helpers to load configurations from text, temp files and the recorded fixtures.
enum ConfigFixtures {
    /// Loads `json` as if read from `config.json`.
    static func load(
        json: String,
        environment: [String: String] = [:],
        overrides: ConfigOverrides = ConfigOverrides()
    ) throws(ConfigurationError) -> LoadedConfiguration {
        try ConfigLoader.load(
            contents: json, format: .json, path: "config.json", environment: environment, overrides: overrides)
    }

    /// The error loading `json` as `config.json` throws, or nil.
    static func error(
        json: String,
        environment: [String: String] = [:],
        overrides: ConfigOverrides = ConfigOverrides()
    ) -> ConfigurationError? {
        do {
            _ = try load(json: json, environment: environment, overrides: overrides)
            return nil
        } catch {
            return error
        }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The recordings directory.
    static let recordedDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/recorded")

    /// A deterministic random source.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }
}
