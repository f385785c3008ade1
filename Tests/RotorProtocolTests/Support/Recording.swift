import Foundation
import NIOCore

/// A recorded session of `Fixtures/recorded` (format `rotor-session/1`), read for codec tests.
struct Recording: CustomStringConvertible, Sendable {
    struct Event: Sendable {
        let seq: Int
        let dir: String
        let conn: String
        let kind: String
        let text: String?
        let binary: [UInt8]?
        let closeCode: Int?
        let url: String?
        let subprotocol: String?
        let method: String?
        let path: String?
        let headers: [String: String]

        /// The payload as bytes: text as UTF-8, or the decoded base64.
        var bytes: [UInt8]? { binary ?? text.map { Array($0.utf8) } }
    }

    let name: String
    let transport: String
    let protocolVersion: String
    let encoding: String
    let events: [Event]

    var description: String { name }

    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/recorded")

    static func load(_ name: String) -> Recording {
        let url = directory.appendingPathComponent(name + ".jsonl")
        let lines = try! String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let header = try! JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        let events = lines.dropFirst().map { line -> Event in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return Event(
                seq: object["seq"] as! Int,
                dir: object["dir"] as! String,
                conn: object["conn"] as! String,
                kind: object["kind"] as! String,
                text: object["data"] as? String,
                binary: (object["b64"] as? String).map { Array(Data(base64Encoded: $0)!) },
                closeCode: object["close_code"] as? Int,
                url: object["url"] as? String,
                subprotocol: object["subprotocol"] as? String,
                method: object["method"] as? String,
                path: object["path"] as? String,
                headers: object["headers"] as? [String: String] ?? [:]
            )
        }
        return Recording(
            name: name,
            transport: header["transport"] as! String,
            protocolVersion: header["protocol"] as! String,
            encoding: header["encoding"] as! String,
            events: events
        )
    }

    static let allNames: [String] = try! FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".jsonl") }
        .map { String($0.dropLast(".jsonl".count)) }
        .sorted()
}

extension ByteBuffer {
    init(_ bytes: [UInt8]) {
        self.init(bytes: bytes)
    }

    var bytes: [UInt8] { Array(readableBytesView) }
}
