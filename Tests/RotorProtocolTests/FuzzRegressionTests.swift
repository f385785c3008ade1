import Foundation
import NIOCore
import RotorProtocol
import RotorProtocolFuzzing
import Testing

/// The fuzz harness properties (Sources/RotorProtocolFuzzing, Fuzz/README.md) in plain `swift test`:
/// every saved regression input and every seed cut from the recordings must satisfy them.
/// A violation traps inside the harness, with the property and the input in hex in the message.
@Suite struct FuzzRegressionTests {
    static let harnessNames = FuzzHarness.all.map(\.name)

    @Test(arguments: harnessNames)
    func savedRegressionsHold(_ name: String) throws {
        let harness = try #require(FuzzHarness.named(name))
        for file in FuzzFiles.regressions(of: name) {
            harness(file.bytes)
        }
    }

    @Test(arguments: harnessNames)
    func recordedSeedsHold(_ name: String) throws {
        let harness = try #require(FuzzHarness.named(name))
        let seeds = RecordedSeeds.all[name] ?? []
        // Lower bounds, so a seed extractor that silently finds nothing fails here.
        let minimum = ["protobufCommand": 8, "protobufFrame": 10][name] ?? 150
        #expect(seeds.count >= minimum, "\(name): only \(seeds.count) seeds")
        for seed in seeds {
            harness(seed)
        }
    }

    /// The one difference the JSON round trip may introduce: LF bytes inside raw payloads, nothing else.
    @Test func payloadLineFeedEquivalenceIsNarrow() throws {
        func command(_ json: String) throws -> Command {
            try MessageCodec.json.decode(Command.self, from: ByteBuffer(string: json))
        }
        let compact = try command(#"{"id":1,"connect":{"subs":{"a":{"recover":true}},"data":{"x":1}}}"#)
        let spread = try command("{\"id\":1,\"connect\":{\"subs\":{\"a\":{\"recover\":true}},\"data\":{\"x\":\n1}}}")
        let otherKey = try command(#"{"id":1,"connect":{"subs":{"b":{"recover":true}},"data":{"x":1}}}"#)
        let otherData = try command(#"{"id":1,"connect":{"subs":{"a":{"recover":true}},"data":{"x":2}}}"#)
        let otherID = try command(#"{"id":2,"connect":{"subs":{"a":{"recover":true}},"data":{"x":1}}}"#)
        #expect(compact != spread)
        #expect(equalIgnoringPayloadLineFeeds(compact, spread))
        #expect(!equalIgnoringPayloadLineFeeds(compact, otherKey))
        #expect(!equalIgnoringPayloadLineFeeds(compact, otherData))
        #expect(!equalIgnoringPayloadLineFeeds(compact, otherID))
        #expect(!equalIgnoringPayloadLineFeeds(V1Request.unknownMethod(1), V1Request.unknownMethod(2)))
        #expect(!equalIgnoringPayloadLineFeeds(V1Request.request(.ping(PingRequest())), V1Request.unknownMethod(7)))
    }

    /// Every folder under Fuzz/regressions names a harness, so no saved input is silently skipped.
    @Test func regressionFoldersNameHarnesses() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: FuzzFiles.regressionsDirectory.path)
            .filter { !$0.hasPrefix(".") }
        for folder in folders {
            #expect(Self.harnessNames.contains(folder), "Fuzz/regressions/\(folder) is not a harness")
        }
    }
}

/// Files of the Fuzz folder, located from this source file.
enum FuzzFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let regressionsDirectory = root.appendingPathComponent("Fuzz/regressions")

    /// The saved inputs of a harness (hidden files such as `.gitkeep` excluded), sorted by name.
    static func regressions(of harness: String) -> [(name: String, bytes: [UInt8])] {
        let directory = regressionsDirectory.appendingPathComponent(harness)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            (name, Array(try! Data(contentsOf: directory.appendingPathComponent(name))))
        }
    }
}

/// The seed corpora of Fuzz/seeds.py, cut from Fixtures/recorded by the same rules (see that script).
enum RecordedSeeds {
    static let all: [String: [[UInt8]]] = {
        var seeds = Seeds()
        let directory = FuzzFiles.root.appendingPathComponent("Fixtures/recorded")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files.filter({ $0.hasSuffix(".jsonl") }).sorted() {
            let text = try! String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst() {
                let event = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                seeds.add(event: event)
            }
        }
        return seeds.byHarness
    }()

    private struct Seeds {
        var byHarness: [String: [[UInt8]]] = [:]
        var seen: [String: Set<[UInt8]>] = [:]

        mutating func add(_ harnesses: [String], _ bytes: [UInt8]) {
            for harness in harnesses where !bytes.isEmpty {
                if seen[harness, default: []].insert(bytes).inserted {
                    byHarness[harness, default: []].append(bytes)
                }
            }
        }

        mutating func add(event: [String: Any]) {
            let kind = event["kind"] as? String
            let text = event["data"] as? String
            if event["dir"] as? String == "c2s" {
                var texts: [String] = []
                if let text, kind == "text" || kind == "http_request" { texts.append(text) }
                let location = (event["path"] as? String) ?? (event["url"] as? String) ?? ""
                for item in URLComponents(string: location)?.queryItems ?? [] where item.name == "cf_connect" {
                    if let value = item.value { texts.append(value) }
                }
                for chunk in texts {
                    for frame in clientTextFrames(chunk) {
                        add(["jsonFrame"], frame)
                        for line in lines(frame) { add(["jsonCommand", "v1Command"], line) }
                    }
                }
                if let b64 = event["b64"] as? String, let data = Data(base64Encoded: b64) {
                    let blob = Array(data)
                    var frames = [blob]
                    if let inner = protobufField3(blob) { frames.append(inner) }
                    for frame in frames {
                        add(["protobufFrame"], frame)
                        for message in splitDelimited(frame) { add(["protobufCommand", "v1Command"], message) }
                    }
                }
            } else if let text, kind == "text" || kind == "http_response" {
                for line in serverTextLines(text) { add(["jsonReply", "jsonPush"], line) }
            }
        }
    }

    private static func jsonValue(_ text: some StringProtocol) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
    }

    private static func clientTextFrames(_ text: String) -> [[UInt8]] {
        var frames = [text]
        frames += jsonValue(text) as? [String] ?? []
        if let data = (jsonValue(text) as? [String: Any])?["data"] as? String { frames.append(data) }
        return frames.map { Array($0.utf8) }
    }

    private static func serverTextLines(_ text: String) -> [[UInt8]] {
        var texts = [text]
        if text.hasPrefix("a[") { texts += jsonValue(text.dropFirst()) as? [String] ?? [] }
        let prefix = Array("data: ".utf8)
        return texts.flatMap { lines(Array($0.utf8)) }.map { line in
            line.starts(with: prefix) ? Array(line.dropFirst(prefix.count)) : line
        }
    }

    private static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map(Array.init)
    }

    private static func readVarint(_ data: [UInt8], _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 70, by: 7) {
            guard index < data.count else { return nil }
            let byte = data[index]
            index += 1
            if shift < 64 { value |= UInt64(byte & 0x7F) << UInt64(shift) }
            if byte < 0x80 { return value }
        }
        return nil
    }

    /// The messages of a varint-length-prefixed frame, or [] if it does not split exactly.
    private static func splitDelimited(_ data: [UInt8]) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        var index = 0
        while index < data.count {
            guard let length = readVarint(data, &index), length <= UInt64(data.count - index) else { return [] }
            messages.append(Array(data[index..<index + Int(length)]))
            index += Int(length)
        }
        return messages
    }

    /// The last length-delimited field 3 of a Protobuf message (EmulationRequest.data), or nil.
    private static func protobufField3(_ data: [UInt8]) -> [UInt8]? {
        var found: [UInt8]?
        var index = 0
        while index < data.count {
            guard let key = readVarint(data, &index) else { return nil }
            switch key & 7 {
            case 0:
                guard readVarint(data, &index) != nil else { return nil }
            case 2:
                guard let length = readVarint(data, &index), length <= UInt64(data.count - index) else { return nil }
                if key >> 3 == 3 { found = Array(data[index..<index + Int(length)]) }
                index += Int(length)
            default:
                return nil
            }
        }
        return found
    }
}
