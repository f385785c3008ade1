import NIOCore

/// Parses the bytes of one HTTP/1.1 response as they arrive, for `HTTPTestClient`: the head, then the body
/// (chunked, `Content-Length` or until close). Confined to the channel's event loop.
final class HTTPResponseParser: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private enum BodyMode { case chunked, length(Int), untilClose }

    private var raw = ByteBuffer()
    private var mode: BodyMode?
    /// The parsed head, once complete.
    private(set) var head: HTTPTestClient.Head?
    /// The decoded body bytes so far.
    private(set) var body: [UInt8] = []
    /// The body is complete.
    private(set) var ended = false
    /// The server closed the connection.
    private(set) var closed = false
    /// Called after every change; set by a waiter.
    var onChange: (() -> Void)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var part = unwrapInboundIn(data)
        raw.writeBuffer(&part)
        parse()
        onChange?()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        if case .untilClose = mode { ended = true }
        onChange?()
        context.fireChannelInactive()
    }

    /// Forgets the current response.
    func reset() {
        head = nil
        mode = nil
        body = []
        ended = false
    }

    private func parse() {
        if head == nil { parseHead() }
        guard head != nil, !ended else { return }
        switch mode {
        case .chunked: parseChunks()
        case .length(let remaining):
            let count = min(remaining, raw.readableBytes)
            body += raw.readBytes(length: count) ?? []
            mode = .length(remaining - count)
            if remaining - count == 0 { ended = true }
        case .untilClose:
            body += raw.readBytes(length: raw.readableBytes) ?? []
        case nil: break
        }
    }

    private func parseHead() {
        let bytes = raw.readableBytesView
        guard let end = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return }
        let text = String(decoding: bytes[bytes.startIndex..<end.lowerBound], as: UTF8.self)
        raw.moveReaderIndex(to: end.upperBound)
        var lines = text.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        let status = statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            headers.append((String(line[..<colon]), String(value)))
        }
        let parsed = HTTPTestClient.Head(status: status, headers: headers)
        head = parsed
        if parsed.value("Transfer-Encoding")?.lowercased() == "chunked" {
            mode = .chunked
        } else if let length = parsed.value("Content-Length").flatMap({ Int($0) }) {
            mode = .length(length)
            if length == 0 { ended = true }
        } else if status == 204 || status == 304 {
            ended = true
            mode = .length(0)
        } else {
            mode = .untilClose
        }
    }

    private func parseChunks() {
        while true {
            let bytes = raw.readableBytesView
            guard let lineEnd = bytes.firstRange(of: Array("\r\n".utf8)) else { return }
            let sizeText = String(decoding: bytes[bytes.startIndex..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else { return }
            let headerLength = lineEnd.upperBound - bytes.startIndex
            guard raw.readableBytes >= headerLength + size + 2 else { return }
            raw.moveReaderIndex(forwardBy: headerLength)
            body += raw.readBytes(length: size) ?? []
            raw.moveReaderIndex(forwardBy: 2)
            if size == 0 {
                ended = true
                return
            }
        }
    }
}
