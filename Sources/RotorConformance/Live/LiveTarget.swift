/// Where the server under test listens: client transports at `host:port`, the server API at
/// `apiHost:apiPort` (the same place unless the server puts its API elsewhere).
public struct LiveTarget: Sendable, Equatable {
    /// Host of the client endpoints.
    public var host: String
    /// Port of the client endpoints.
    public var port: Int
    /// Host of `/api`.
    public var apiHost: String
    /// Port of `/api`.
    public var apiPort: Int

    /// A target; the API defaults to the client endpoints' host and port.
    public init(host: String, port: Int, apiHost: String? = nil, apiPort: Int? = nil) {
        self.host = host
        self.port = port
        self.apiHost = apiHost ?? host
        self.apiPort = apiPort ?? port
    }
}

/// Bounds of a live replay.
public struct LiveReplayOptions: Sendable {
    /// How long to wait for the server output that must precede a client event (README §5 rule 1), on top
    /// of the recording's own time to that event.
    public var eventTimeout: Duration
    /// How long to keep listening after the last expected output, to see output the recording does not have.
    public var settle: Duration
    /// Also require each JSON message to be byte for byte what the recording has (after substituting the
    /// bound values), where README §4 leaves nothing free in it; false compares parsed JSON only.
    public var byteForByte: Bool

    /// Options with these bounds.
    public init(eventTimeout: Duration = .seconds(5), settle: Duration = .milliseconds(300), byteForByte: Bool = true) {
        self.eventTimeout = eventTimeout
        self.settle = settle
        self.byteForByte = byteForByte
    }
}
