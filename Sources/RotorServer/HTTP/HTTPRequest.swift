import NIOCore
import NIOHTTP1

/// One HTTP request as an endpoint receives it: the head, the split target and the whole body (bounded by the
/// endpoint's limit before it gets here).
public struct HTTPRequest: Sendable {
    /// Method, target and headers.
    public var head: HTTPRequestHead
    /// The path part of the target (not decoded).
    public var path: String
    /// The query string without `?` (empty when none).
    public var query: String
    /// The body.
    public var body: ByteBuffer
    /// The peer's address, for logs.
    public var remoteAddress: String

    /// A request from `head` and `body`.
    public init(head: HTTPRequestHead, body: ByteBuffer = ByteBuffer(), remoteAddress: String = "") {
        self.head = head
        let (path, query) = Self.split(head.uri)
        self.path = path
        self.query = query
        self.body = body
        self.remoteAddress = remoteAddress
    }

    /// The HTTP method name (`GET`, `POST`, …).
    public var method: String { head.method.rawValue }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? { head.headers.first(name: name) }

    /// The first value of query parameter `name`, decoded as Go's `url.ParseQuery` does; nil when absent.
    public func queryValue(_ name: String) -> String? { Self.queryValue(name, in: query) }

    /// Splits a request target into path and query.
    public static func split(_ uri: String) -> (path: String, query: String) {
        guard let mark = uri.firstIndex(of: "?") else { return (uri, "") }
        return (String(uri[..<mark]), String(uri[uri.index(after: mark)...]))
    }

    /// The first value of `name` in `query` (`+` is a space, `%XX` an escaped byte); nil when absent or when
    /// its escapes are malformed.
    public static func queryValue(_ name: String, in query: String) -> String? {
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = percentDecoded(parts[0]), key == name else { continue }
            return parts.count > 1 ? percentDecoded(parts[1]) : ""
        }
        return nil
    }

    /// Decodes `+` and `%XX` escapes; nil on a malformed escape or invalid UTF-8.
    public static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
