import NIOConcurrencyHelpers

/// One recorded connection label in a live replay: turns what its WebSocket or HTTP exchanges report into
/// `SessionItem`s the comparison reads, and answers server pings so the connection stays up.
final class LiveConnection: Sendable {
    let label: String
    let role: ConnectionRole
    /// Answer `{}` pings (false where the recording has pings on purpose and plays the pongs itself).
    let answersPings: Bool
    private let output: LiveOutput
    private let state = NIOLockedValueBox<State>(State())

    private struct State {
        var webSocket: WebSocketClient?
        var http: [HTTPClient] = []
        var splitter: StreamMessageSplitter?
        var exchange: HTTPClientResponse?
        var lastWasClose = false
        /// The client dropped its HTTP stream: the end of the response is its own doing, not output.
        var droppedByClient = false
    }

    init(label: String, role: ConnectionRole, answersPings: Bool, output: LiveOutput) {
        self.label = label
        self.role = role
        self.answersPings = answersPings
        self.output = output
    }

    private var transport: ReplayTransport? {
        if case .client(let transport) = role { return transport }
        return nil
    }

    private func append(_ items: [SessionItem]) {
        append(items.map { PayloadMessage($0, raw: nil) })
    }

    private func append(_ messages: [PayloadMessage]) {
        guard let last = messages.last else { return }
        state.withLockedValue { $0.lastWasClose = { if case .close = last.item { true } else { false } }() }
        output.append(messages, to: label)
    }

    // MARK: WebSocket

    /// The upgrade's answer: an accepted one is silent, a refused one is its status and body.
    func opened(_ client: WebSocketClient) {
        state.withLockedValue { $0.webSocket = client }
        if !client.isOpen || role == .refused { append(Self.httpItems(client.handshake, role: role)) }
    }

    /// The upgrade could not be made at all.
    func failedToOpen(_ error: any Error) {
        append([.body("connection failed: \(error)")])
    }

    /// Server messages, closes and the end of the connection.
    @Sendable func receive(_ event: WebSocketClientEvent) {
        switch event {
        case .text(let bytes), .binary(let bytes):
            guard let transport else { return }
            let messages =
                transport.messages(inPayload: bytes)
                ?? [PayloadMessage(.body("unreadable frame: \(Self.describe(bytes))"), raw: nil)]
            append(messages)
            if answersPings, messages.contains(where: \.item.isPing) { sendPong(transport) }
        case .close(let code, let reason):
            append([.close(code: code ?? 1005, reason: reason)])
        case .protocolError(let reason):
            append([.body("WebSocket protocol error: \(reason)")])
        case .ended:
            let afterClose = state.withLockedValue { $0.lastWasClose }
            if !afterClose { append([.dropped]) }
        }
    }

    private func sendPong(_ transport: ReplayTransport) {
        guard let client = state.withLockedValue({ $0.webSocket }) else { return }
        switch transport {
        case .webSocket(.v2, .json): client.send(text: Array("{}".utf8))
        case .webSocket(.v2, .protobuf): client.send(binary: [0])
        case .sockJS: client.send(text: Array(#"["{}"]"#.utf8))
        default: break
        }
    }

    /// Sends a client frame on the WebSocket (dropped if the connection is not open).
    func send(text: [UInt8]?, binary: [UInt8]?) {
        guard let client = state.withLockedValue({ $0.webSocket }), client.isOpen else { return }
        if let binary { client.send(binary: binary) } else { client.send(text: text ?? []) }
    }

    /// The client closes: a Close frame on a WebSocket, dropping the response of an HTTP stream.
    func clientClose(code: Int?) {
        let (client, streams) = state.withLockedValue { state in
            state.droppedByClient = !state.http.isEmpty
            return (state.webSocket, state.http)
        }
        if let client, client.isOpen {
            client.sendClose(code: code ?? 1000)
        }
        for stream in streams { stream.close() }
    }

    /// Ends everything this connection still holds open.
    func shutDown() {
        let (client, streams) = state.withLockedValue { ($0.webSocket, $0.http) }
        client?.drop()
        for stream in streams { stream.close() }
    }

    // MARK: HTTP

    /// Keeps the exchange so that it can be closed.
    func started(_ client: HTTPClient) {
        state.withLockedValue { $0.http.append(client) }
    }

    /// A streamed response (client transports) or a whole exchange (API, emulation, plain requests).
    @Sendable func receive(_ event: HTTPClientEvent) {
        guard let transport else { return receiveExchange(event) }
        switch event {
        case .head(let head):
            state.withLockedValue { $0.splitter = StreamMessageSplitter(transport: transport) }
            append([.status(head.status)])
        case .body(let bytes):
            let messages: [PayloadMessage]? = state.withLockedValue { state in
                guard state.splitter != nil else { return [] }
                return state.splitter!.feed(bytes)
            }
            append(messages ?? [PayloadMessage(.body("unreadable stream data"), raw: nil)])
        case .end, .failed:
            guard !state.withLockedValue({ $0.droppedByClient }) else { return }
            let leftover = state.withLockedValue { $0.splitter?.leftover ?? [] }
            if !leftover.isEmpty { append([.body("incomplete stream data: \(Self.describe(leftover))")]) }
            append([.dropped])
        }
    }

    private func receiveExchange(_ event: HTTPClientEvent) {
        switch event {
        case .head(let head):
            state.withLockedValue { $0.exchange = head }
        case .body(let bytes):
            state.withLockedValue { $0.exchange?.body += bytes }
        case .end:
            guard let response = state.withLockedValue({ $0.exchange }) else { return }
            append(Self.httpItems(response, role: role))
        case .failed(let reason):
            append([.body("HTTP exchange failed: \(reason)")])
        }
    }

    /// A whole response as the recording's items (see `ConnectionRole.expectedItems(…includingHTTP:)`).
    static func httpItems(_ response: HTTPClientResponse, role: ConnectionRole) -> [PayloadMessage] {
        var messages = [PayloadMessage(.status(response.status), raw: nil)]
        let body = response.text
        if role == .api && response.status == 200 {
            messages += ReplayTransport.jsonLines(body) ?? [PayloadMessage(.body(body), raw: nil)]
        } else if !body.isEmpty && (response.status != 200 || role == .refused || role == .plainHTTP) {
            messages.append(PayloadMessage(JSONValue(parsing: body).map(SessionItem.message) ?? .body(body), raw: nil))
        }
        return messages
    }

    private static func describe(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(200), as: UTF8.self)
    }
}
