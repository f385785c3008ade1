import NIOCore
import NIOPosix

/// A raw HTTP/1.1 client for integration tests: writes a request as given and parses the response by hand
/// (head, then a chunked, sized or read-until-close body), so tests see exactly what the server sent and can
/// wait for body bytes as they arrive. Every wait is bounded by a timeout.
struct HTTPTestClient: Sendable {
    /// A response head as received: status code and headers in wire order.
    struct Head: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]

        /// The first value of `name` (case-insensitive).
        func value(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The header names in wire order.
        var names: [String] { headers.map(\.name) }
    }

    /// A whole response.
    struct Response: Sendable {
        var head: Head
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Raised when an awaited condition did not happen in time.
    struct Timeout: Error, CustomStringConvertible {
        let received: String
        var description: String { "timed out; received so far: \(received)" }
    }

    let channel: any Channel
    private let parser: NIOLoopBound<HTTPResponseParser>

    /// Connects to `127.0.0.1:port`.
    static func connect(port: Int) async throws -> HTTPTestClient {
        let group = MultiThreadedEventLoopGroup.singleton
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(HTTPResponseParser())
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let parser = try await channel.pipeline.handler(type: HTTPResponseParser.self).map {
            NIOLoopBound($0, eventLoop: channel.eventLoop)
        }.get()
        return HTTPTestClient(channel: channel, parser: parser)
    }

    /// Writes one request; `Content-Length` is added for a body, `Host` always.
    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Length: \(body.count)\r\n" }
        text += "\r\n"
        var buffer = channel.allocator.buffer(string: text)
        if let body { buffer.writeBytes(body) }
        try await channel.writeAndFlush(buffer).get()
    }

    /// Writes one request with a UTF-8 body.
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], text: String) async throws {
        try await send(method, target, headers: headers, body: Array(text.utf8))
    }

    /// The response head.
    func head(timeout: TimeAmount = .seconds(10)) async throws -> Head {
        try await wait(timeout: timeout) { $0.head }
    }

    /// Waits until the body received so far satisfies `condition` (or the response ended) and returns it.
    func body(
        timeout: TimeAmount = .seconds(10), until condition: @escaping @Sendable (String) -> Bool
    ) async throws -> String {
        try await wait(timeout: timeout) { parser in
            let text = String(decoding: parser.body, as: UTF8.self)
            return condition(text) || parser.ended ? text : nil
        }
    }

    /// Waits until the raw body bytes received so far satisfy `condition` (or the response ended).
    func bodyBytes(
        timeout: TimeAmount = .seconds(10), until condition: @escaping @Sendable ([UInt8]) -> Bool
    ) async throws -> [UInt8] {
        try await wait(timeout: timeout) { parser in
            condition(parser.body) || parser.ended ? parser.body : nil
        }
    }

    /// Waits for the end of the response body and returns all of it (the raw bytes).
    func bodyToEnd(timeout: TimeAmount = .seconds(10)) async throws -> [UInt8] {
        try await wait(timeout: timeout) { $0.ended ? $0.body : nil }
    }

    /// Head and whole body of a response that ends.
    func response(timeout: TimeAmount = .seconds(10)) async throws -> Response {
        let head = try await head(timeout: timeout)
        return Response(head: head, body: try await bodyToEnd(timeout: timeout))
    }

    /// Forgets the response read so far, for the next request on the same connection.
    func reset() async throws {
        let parser = self.parser
        try await channel.eventLoop.submit { parser.value.reset() }.get()
    }

    /// Waits until the connection is closed by the server.
    func closedByServer(timeout: TimeAmount = .seconds(10)) async throws {
        _ = try await wait(timeout: timeout) { $0.closed ? true : nil }
    }

    /// Stops (or resumes) reading from the socket, so the server's writes pile up.
    func setReading(_ reading: Bool) async throws {
        try await channel.setOption(.autoRead, value: reading).get()
    }

    /// Closes the connection.
    func close() async {
        try? await channel.close().get()
    }

    private func wait<T: Sendable>(
        timeout: TimeAmount, _ check: @escaping @Sendable (HTTPResponseParser) -> T?
    ) async throws -> T {
        let loop = channel.eventLoop
        let parser = self.parser
        let promise = loop.makePromise(of: T.self)
        loop.execute {
            let state = parser.value
            let deadline = loop.assumeIsolated().scheduleTask(in: timeout) {
                state.onChange = nil
                promise.fail(Timeout(received: String(decoding: state.body, as: UTF8.self)))
            }
            func evaluate() {
                if let value = check(state) {
                    state.onChange = nil
                    deadline.cancel()
                    promise.succeed(value)
                } else {
                    state.onChange = evaluate
                }
            }
            evaluate()
        }
        return try await promise.futureResult.get()
    }
}
