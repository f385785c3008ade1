import RotorProtocol
import NIOCore
import Foundation

/// A session recorded from Centrifugo v4.1.5 (`Fixtures/recorded/*.jsonl`, format `rotor-session/1`).
struct RecordedSession: Sendable {
    /// Which way an event went.
    enum Direction: String, Sendable {
        case clientToServer = "c2s"
        case serverToClient = "s2c"
    }

    /// One recorded event (see `Fixtures/recorded/README.md` §1.2).
    struct Event: Sendable {
        var seq: Int
        var direction: Direction
        var conn: String
        /// `open`, `text`, `binary`, `close`, `http_request` or `http_response`.
        var kind: String
        var text: String?
        var binary: [UInt8]?
        var closeCode: Int?
        var closeReason: String?
        var closeFrame: Bool
        /// Milliseconds since the recorder started the scenario.
        var ms: Int
        var url: String?
        var subprotocol: String?
        var method: String?
        var path: String?
        var status: Int?
        var headers: [String: String]

        /// The payload: text as UTF-8, or the decoded base64.
        var payload: [UInt8] { binary ?? Array((text ?? "").utf8) }
    }

    let name: String
    let description: String
    /// Main transport of the scenario (`websocket`, `uni_sse`, `http_api`, …).
    let transport: String
    /// The header's `config` object as its JSON text: the exact config file the reference started with.
    let configText: String
    /// Unix seconds when the recording started; the simulated clock starts here, so recorded tokens keep
    /// their validity.
    let recordedAt: Int64
    var events: [Event]

    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/recorded")

    static let allNames: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".jsonl") }
        .map { String($0.dropLast(".jsonl".count)) }
        .sorted()

    /// Reads `Fixtures/recorded/<name>.jsonl`.
    static func load(_ name: String) throws(ReplaySkip) -> RecordedSession {
        let url = directory.appendingPathComponent(name + ".jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ReplaySkip("cannot read \(url.path)")
        }
        let lines = text.split(separator: "\n").map(String.init)
        guard let header = lines.first.flatMap({ JSONValue(parsing: $0) }),
            header["format"] == .string("rotor-session/1")
        else { throw ReplaySkip("not a rotor-session/1 file") }
        var events: [Event] = []
        for line in lines.dropFirst() {
            guard let object = JSONValue(parsing: line), let event = Event(object) else {
                throw ReplaySkip("unreadable event line: \(line.prefix(80))")
            }
            events.append(event)
        }
        return RecordedSession(
            name: name,
            description: header["description"]?.stringValue ?? "",
            transport: header["transport"]?.stringValue ?? "",
            configText: try Self.configJSON(ofHeader: lines[0]),
            recordedAt: Int64(header["recorded_at"]?.intValue ?? 0),
            events: events
        )
    }

    /// The raw JSON of the header's `config` member.
    static func configJSON(ofHeader line: String) throws(ReplaySkip) -> String {
        let members = try? JSONRawValue.parse(ByteBuffer(string: line)).members()
        guard let config = members?.first(where: { $0.key == "config" })?.value else {
            throw ReplaySkip("header has no config")
        }
        return String(buffer: config.raw)
    }
}

extension RecordedSession.Event {
    init?(_ object: JSONValue) {
        guard let seq = object["seq"]?.intValue, let dir = object["dir"]?.stringValue,
            let direction = RecordedSession.Direction(rawValue: dir), let conn = object["conn"]?.stringValue,
            let kind = object["kind"]?.stringValue
        else { return nil }
        self.seq = seq
        self.direction = direction
        self.conn = conn
        self.kind = kind
        self.text = object["data"]?.stringValue
        self.binary = object["b64"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { Array($0) }
        self.closeCode = object["close_code"]?.intValue
        self.closeReason = object["close_reason"]?.stringValue
        self.closeFrame = object["close_frame"]?.boolValue ?? false
        self.ms = object["ms"]?.intValue ?? 0
        self.url = object["url"]?.stringValue
        self.subprotocol = object["subprotocol"]?.stringValue
        self.method = object["method"]?.stringValue
        self.path = object["path"]?.stringValue
        self.status = object["status"]?.intValue
        var headers: [String: String] = [:]
        for (key, value) in object["headers"]?.objectValue ?? [:] { headers[key] = value.stringValue }
        self.headers = headers
    }
}

/// Why a scenario (or part of one) is not replayed.
struct ReplaySkip: Error, CustomStringConvertible {
    let reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { reason }
}
