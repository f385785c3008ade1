import Foundation

extension RecordedSession {
    /// One recorded event (see `Fixtures/recorded/README.md` §1.2).
    public struct Event: Sendable {
        /// 1-based position in the file.
        public var seq: Int
        /// Client to server or server to client.
        public var direction: Direction
        /// Connection label (`c1`, `api`, `emulation`, …).
        public var conn: String
        /// `open`, `text`, `binary`, `close`, `http_request` or `http_response`.
        public var kind: String
        /// Text payload (`data`).
        public var text: String?
        /// Binary payload (decoded `b64`).
        public var binary: [UInt8]?
        /// Close code, for `close`.
        public var closeCode: Int?
        /// Close reason, for `close`.
        public var closeReason: String?
        /// Whether a `close` carried a WebSocket Close frame.
        public var closeFrame: Bool
        /// Milliseconds since the recorder started the scenario.
        public var ms: Int
        /// WebSocket `open`: path and query.
        public var url: String?
        /// WebSocket `open`: the subprotocol the server selected.
        public var subprotocol: String?
        /// WebSocket `open`: the subprotocols the client offered.
        public var subprotocolsRequested: [String]
        /// HTTP request method.
        public var method: String?
        /// HTTP request path with query.
        public var path: String?
        /// HTTP response status.
        public var status: Int?
        /// Request headers (`open`, `http_request`) or response headers (`http_response`) that matter.
        public var headers: [String: String]
        /// WebSocket `open`: handshake response headers that matter.
        public var responseHeaders: [String: String]
        /// `http_request`: dotted path in the JSON body → seconds relative to the recording time.
        public var relativeTimes: [String: Int]

        /// The payload: text as UTF-8, or the decoded base64.
        public var payload: [UInt8] { binary ?? Array((text ?? "").utf8) }
    }
}

extension RecordedSession.Event {
    /// The event in one parsed JSON line; nil if a required key is missing.
    public init?(_ object: JSONValue) {
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
        self.subprotocolsRequested = (object["subprotocols_requested"]?.arrayValue ?? []).compactMap(\.stringValue)
        self.method = object["method"]?.stringValue
        self.path = object["path"]?.stringValue
        self.status = object["status"]?.intValue
        self.headers = (object["headers"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        self.responseHeaders = (object["response_headers"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        self.relativeTimes = (object["relative_times"]?.objectValue ?? [:]).compactMapValues(\.intValue)
    }
}
