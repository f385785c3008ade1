import Foundation
import Testing

@testable import RotorConfig

/// Every configuration the recorded Centrifugo v4.1.5 sessions ran with (`Fixtures/recorded/*.jsonl`, line 1,
/// key `config`) loads from a real `.json` file without error.
@Suite struct RecordedConfigTests {
    static let names: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: ConfigFixtures.recordedDirectory.path)) ?? [])
        .filter { $0.hasSuffix(".jsonl") }
        .sorted()

    @Test func thereAreRecordings() {
        #expect(Self.names.count >= 81)
    }

    @Test(arguments: names)
    func loads(name: String) throws {
        let text = try String(
            contentsOf: ConfigFixtures.recordedDirectory.appendingPathComponent(name), encoding: .utf8)
        let header = String(text.prefix { $0 != "\n" })
        guard case .object(let object) = try JSONConfigParser.parse(header), let config = object["config"] else {
            Issue.record("no config header in \(name)")
            return
        }
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.json").path
        try ConfigRendering.json(config).write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ConfigLoader.load(path: path)
        #expect(loaded.filePath == path)
        #expect(!loaded.configuration.namespaces.isEmpty)
        #expect(loaded.warnings.allSatisfy { $0.kind == .unsupportedOption })
        _ = try loaded.configuration.nodeConfiguration(hostname: "host")
    }
}

/// Renders a tree back to JSON text (for writing fixtures to files).
enum ConfigRendering {
    static func json(_ value: ConfigValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return "\(number)"
        case .string(let text): return quote(text)
        case .array(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.map { quote($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
