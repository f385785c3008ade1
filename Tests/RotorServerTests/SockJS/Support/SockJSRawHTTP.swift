/// Writes HTTP/1.1 requests and reads responses from raw bytes (length-delimited, chunked, or up to close).
enum SockJSRawHTTP {
    /// A response as read so far.
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        /// The body bytes read so far (de-chunked).
        var body: [UInt8]
        /// Whether the whole body has arrived.
        var complete: Bool

        /// The first value of header `name` (case-insensitive).
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// A request with `Host` and, when there is a body, `Content-Length`.
    static func request(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil
    ) -> String {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n"
        return text + (body ?? "")
    }

    /// The response at the start of `bytes`, or nil while its head is incomplete.
    static func parse(_ bytes: [UInt8], closed: Bool = false) -> Response? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let headEnd = firstIndex(of: separator, in: bytes, from: 0) else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.map { line -> (name: String, value: String) in
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? parts[1].drop { $0 == " " } : ""
            return (String(parts[0]), String(value))
        }
        var response = Response(status: status, headers: headers, body: [], complete: false)
        let bodyStart = headEnd + separator.count
        if let length = response.header("Content-Length").flatMap(Int.init) {
            let available = min(length, bytes.count - bodyStart)
            response.body = Array(bytes[bodyStart..<(bodyStart + available)])
            response.complete = available == length
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            var index = bodyStart
            while let lineEnd = firstIndex(of: Array("\r\n".utf8), in: bytes, from: index) {
                let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
                guard let size = Int(sizeText, radix: 16) else { break }
                let dataStart = lineEnd + 2
                if size == 0 {
                    response.complete = true
                    break
                }
                guard dataStart + size + 2 <= bytes.count else {
                    response.body += bytes[dataStart..<min(bytes.count, dataStart + size)]
                    break
                }
                response.body += bytes[dataStart..<(dataStart + size)]
                index = dataStart + size + 2
            }
        } else {
            response.body = Array(bytes[bodyStart...])
            response.complete = closed || response.status == 204 || response.status == 304
        }
        return response
    }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        for index in start...(bytes.count - needle.count)
        where bytes[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
