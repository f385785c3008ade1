import Foundation
import NIOCore
import RotorProtocol

/// A session recorded from Centrifugo v4.1.5 (`Fixtures/recorded/*.jsonl`, format `rotor-session/1`).
public struct RecordedSession: Sendable {
    /// Which way an event went.
    public enum Direction: String, Sendable {
        /// Client to server.
        case clientToServer = "c2s"
        /// Server to client.
        case serverToClient = "s2c"
    }

    /// The scenario name (the file name without `.jsonl`).
    public let name: String
    /// What the scenario exercises.
    public let description: String
    /// Main transport of the scenario (`websocket`, `uni_sse`, `http_api`, …).
    public let transport: String
    /// The header's `config` object as its JSON text: the exact config file the reference started with.
    public let configText: String
    /// Unix seconds when the recording started.
    public let recordedAt: Int64
    /// Token name → the literal JWT used in the recording.
    public let tokens: [String: String]
    /// Token name → how to re-create it (`alg`, `key`, `claims`; README §3).
    public let tokenSpecs: [String: JSONValue]
    /// Secret name → value (HMAC secrets, API key, PEM private keys).
    public let secrets: [String: String]
    /// The events, in file order.
    public var events: [Event]

    /// Reads and parses a `rotor-session/1` file; its scenario name is the file name without `.jsonl`.
    public static func load(contentsOf url: URL) throws(ReplaySkip) -> RecordedSession {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ReplaySkip("cannot read \(url.path)")
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent)
    }

    /// Parses the text of a `rotor-session/1` file.
    public static func parse(_ text: String, name: String) throws(ReplaySkip) -> RecordedSession {
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
            tokens: (header["tokens"]?.objectValue ?? [:]).compactMapValues(\.stringValue),
            tokenSpecs: header["token_specs"]?.objectValue ?? [:],
            secrets: (header["secrets"]?.objectValue ?? [:]).compactMapValues(\.stringValue),
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

    /// The recorded status of the response that answers `request` on its connection.
    public func responseStatus(after request: Event) -> Int? {
        events.first { $0.seq > request.seq && $0.conn == request.conn && $0.kind == "http_response" }?.status
    }
}

/// Why a scenario (or part of one) is not replayed.
public struct ReplaySkip: Error, CustomStringConvertible, Sendable {
    /// Readable reason.
    public let reason: String
    /// A skip with `reason`.
    public init(_ reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}
