import Foundation
import NIOCore
import RotorAPI

/// The HTTP API exchanges (conn `api`) of a recording in `Fixtures/recorded/` (format: its README).
struct RecordedExchange {
    var request: APIRequest
    var status: Int
    var contentType: String?
    var body: String

    /// The exchanges of `scenario`, in file order.
    static func load(_ scenario: String) -> [RecordedExchange] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/recorded/\(scenario).jsonl")
        let text = try! String(contentsOf: url, encoding: .utf8)
        var exchanges: [RecordedExchange] = []
        var pending: APIRequest?
        for line in text.split(separator: "\n").dropFirst() {
            let event = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            guard event["conn"] as? String == "api" else { continue }
            let headers = (event["headers"] as? [String: String]) ?? [:]
            if event["kind"] as? String == "http_request" {
                let target = event["path"] as! String
                let parts = target.split(separator: "?", maxSplits: 1)
                pending = APIRequest(
                    method: event["method"] as! String,
                    path: String(parts[0]),
                    query: parts.count > 1 ? String(parts[1]) : "",
                    headers: headers.map { ($0.key, $0.value) },
                    body: ByteBuffer(string: (event["data"] as? String) ?? ""))
            } else if event["kind"] as? String == "http_response", let request = pending {
                exchanges.append(
                    RecordedExchange(
                        request: request, status: event["status"] as! Int, contentType: headers["Content-Type"],
                        body: (event["data"] as? String) ?? ""))
                pending = nil
            }
        }
        return exchanges
    }
}

/// Replaces every `"epoch":"…"` in a response with the harness's fixed epoch (the recordings' epochs are
/// random; each of these scenarios has one stream).
func normalisingEpochs(_ text: String, to epoch: String = "EPCH") -> String {
    text.replacingOccurrences(of: #""epoch":"[^"]*""#, with: "\"epoch\":\"\(epoch)\"", options: .regularExpression)
}

/// Replaces the variable parts of an `info` node (uid, name, counters, uptime, metrics) with placeholders.
func normalisingInfo(_ text: String) -> String {
    var text = text
    for (pattern, replacement) in [
        (#""uid":"[^"]*""#, #""uid":"U""#), (#""name":"[^"]*""#, #""name":"N""#),
        (#""(num_clients|num_users|num_channels|num_subs|uptime)":[0-9]+"#, #""$1":0"#),
        (#""metrics":\{"interval":[0-9.]+(,"items":\{[^}]*\})?\}"#, #""metrics":{}"#),
    ] {
        text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }
    return text
}

/// The values of the `"epoch":"…"` members in `text`.
func recordedEpochs(_ text: String) -> Set<String> {
    let expression = try! NSRegularExpression(pattern: #""epoch":"([^"]*)""#)
    let range = NSRange(text.startIndex..., in: text)
    return Set(expression.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) })
}
