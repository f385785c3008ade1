import Foundation
import RotorConformance
import RotorCore

extension RecordedSession {
    /// `Fixtures/recorded` of this checkout.
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
        try load(contentsOf: directory.appendingPathComponent(name + ".jsonl"))
    }
}

extension ReplayTransport {
    /// The node's view of the transport.
    var transportDescription: TransportDescription {
        switch self {
        case .webSocket(let version, let encoding):
            TransportDescription(name: "websocket", version: version, isProtobuf: encoding == .protobuf)
        case .sockJS: TransportDescription(name: "sockjs")
        case .uniWebSocket: TransportDescription(name: "uni_websocket", isUnidirectional: true)
        case .uniSSE: TransportDescription(name: "uni_sse", isUnidirectional: true)
        case .uniHTTPStream: TransportDescription(name: "uni_http_stream", isUnidirectional: true)
        case .httpStream(let encoding):
            TransportDescription(name: "http_stream", isProtobuf: encoding == .protobuf, isEmulation: true)
        case .sse: TransportDescription(name: "sse", isEmulation: true)
        }
    }
}
