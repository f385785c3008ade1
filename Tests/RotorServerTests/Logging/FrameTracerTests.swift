import Foundation
import Logging
import RotorConfig
import RotorCore
import RotorProtocol
import Testing

@testable import RotorServer

@Suite("Trace and debug logging on a running server")
struct FrameTracerTests {
    /// A logger writing JSON lines to a temporary file, and the lines written so far.
    struct CapturedLog {
        let path = NSTemporaryDirectory() + "rotor-trace-\(UUID().uuidString).log"
        let logger: Logger

        init(level: Logger.Level) throws {
            let sink = try LogSink.appending(to: path).get()
            var logger = Logger(label: "trace-test") { _ in RotorLogHandler(sink: sink, format: .json, level: level) }
            logger.logLevel = level
            self.logger = logger
        }

        func objects() throws -> [[String: Any]] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    @Test("trace logs every frame: <-- with the command as JSON, --> with the reply")
    func frames() async throws {
        let log = try CapturedLog(level: .trace)
        defer { try? FileManager.default.removeItem(atPath: log.path) }
        let loaded = try ConfigLoader.load(
            contents: #"{"port": "0", "client_insecure": true}"#, format: .json, path: "trace.json")
        let server = try await Server.start(loaded: loaded, logger: log.logger)
        let client = FakeClient(server: server, transport: "websocket")
        client.send(.request(id: 1, .connect(ConnectRequest())))
        try await client.waitForMessages(1)
        await server.shutdown(grace: .zero)
        let lines = try log.objects()
        let incoming = try #require(lines.first { $0["message"] as? String == "<--" })
        #expect(incoming["level"] as? String == "trace")
        #expect((incoming["client"] as? String)?.isEmpty == false)
        #expect(incoming["user"] as? String == "")
        #expect(incoming["command"] as? String == #"{"id":1,"connect":{}}"#)
        let outgoing = try #require(lines.first { $0["message"] as? String == "-->" })
        #expect((outgoing["reply"] as? String)?.hasPrefix(#"{"id":1,"connect":{"client":""#) == true)
    }

    @Test("debug logs the connection lifecycle: established, authenticated, completed with a duration")
    func lifecycle() async throws {
        let log = try CapturedLog(level: .debug)
        defer { try? FileManager.default.removeItem(atPath: log.path) }
        let loaded = try ConfigLoader.load(
            contents: #"{"port": "0", "client_insecure": true}"#, format: .json, path: "lifecycle.json")
        let server = try await Server.start(loaded: loaded, logger: log.logger)
        let client = FakeClient(server: server, transport: "websocket")
        client.send(.request(id: 1, .connect(ConnectRequest())))
        try await client.waitForMessages(1)
        client.connection.transportClosed()
        await server.shutdown(grace: .zero)
        let lines = try log.objects()
        let messages = lines.compactMap { $0["message"] as? String }
        #expect(
            messages.filter { $0.hasPrefix("client ") } == [
                "client connection established", "client authenticated", "client connection completed",
            ])
        let established = try #require(lines.first { $0["message"] as? String == "client connection established" })
        #expect(established["transport"] as? String == "websocket")
        let completed = try #require(lines.first { $0["message"] as? String == "client connection completed" })
        #expect(completed["client"] as? String == established["client"] as? String)
        #expect(completed["duration"] is Double)
        #expect(!messages.contains("<--"))
    }

    @Test("debug logs each HTTP request with method, status, path, addr and duration")
    func httpRequests() async throws {
        let log = try CapturedLog(level: .debug)
        defer { try? FileManager.default.removeItem(atPath: log.path) }
        let loaded = try ConfigLoader.load(contents: #"{"port": "0", "health": true}"#, format: .json, path: "d.json")
        let server = try await Server.start(loaded: loaded, logger: log.logger)
        let port = server.listeners[0].port
        _ = try RawHTTP.request(port: port, path: "/health?x=1")
        _ = try RawHTTP.request(port: port, path: "/missing")
        await server.shutdown(grace: .zero)
        let requests = try log.objects().filter { $0["message"] as? String == "http request" }
        #expect(requests.count == 2)
        #expect(requests.first?["method"] as? String == "GET")
        #expect(requests.first?["status"] as? Int == 200)
        #expect(requests.first?["path"] as? String == "/health")
        #expect((requests.first?["addr"] as? String)?.hasPrefix("127.0.0.1:") == true)
        #expect(requests.first?["duration"] is String)
        #expect(requests.last?["status"] as? Int == 404)
        #expect(try log.objects().allSatisfy { $0["message"] as? String != "<--" })
    }
}
