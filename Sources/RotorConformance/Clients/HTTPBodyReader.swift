import NIOCore

/// Reads an HTTP/1.1 response body off a byte buffer: by `Content-Length`, chunked, or up to the end of the
/// connection.
struct HTTPBodyReader {
    private enum Framing {
        case length(Int)
        case chunked
        case untilClose
    }

    private let framing: Framing
    private var body: [UInt8] = []

    init(_ response: HTTPClientResponse) {
        if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            framing = .chunked
        } else if let length = response.header("Content-Length").flatMap(Int.init) {
            framing = .length(length)
        } else if response.status == 204 || response.status == 304 {
            framing = .length(0)
        } else {
            framing = .untilClose
        }
    }

    /// The status line and headers at the front of `buffer`: nil while incomplete, `.some(nil)` if malformed.
    static func readHead(from buffer: inout ByteBuffer) -> HTTPClientResponse?? {
        let bytes = Array(buffer.readableBytesView)
        guard let end = bytes.firstRange(of: [13, 10, 13, 10]) else {
            return bytes.count > 65536 ? .some(nil) : nil
        }
        buffer.moveReaderIndex(forwardBy: end.upperBound)
        return .some(HTTPClientResponse.parseHead(String(decoding: bytes[..<end.lowerBound], as: UTF8.self)))
    }

    /// The complete body, once it is all in `buffer`; nil while more is expected.
    mutating func read(from buffer: inout ByteBuffer) -> [UInt8]? {
        switch framing {
        case .length(let length):
            guard buffer.readableBytes >= length else { return nil }
            return buffer.readBytes(length: length)
        case .untilClose:
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
            return nil
        case .chunked:
            while true {
                let bytes = Array(buffer.readableBytesView)
                guard let lineEnd = bytes.firstRange(of: [13, 10]) else { return nil }
                let sizeText = String(decoding: bytes[..<lineEnd.lowerBound], as: UTF8.self)
                guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else { return body }
                guard bytes.count >= lineEnd.upperBound + size + 2 else { return nil }
                body += bytes[lineEnd.upperBound..<(lineEnd.upperBound + size)]
                buffer.moveReaderIndex(forwardBy: lineEnd.upperBound + size + 2)
                if size == 0 { return body }
            }
        }
    }

    /// What was read when the connection ended.
    mutating func finishAtEOF(_ buffer: inout ByteBuffer) -> [UInt8] {
        body + (buffer.readBytes(length: buffer.readableBytes) ?? [])
    }
}
