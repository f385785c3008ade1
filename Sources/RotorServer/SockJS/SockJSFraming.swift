/// How one HTTP receiving transport wraps each SockJS frame in its response body.
enum SockJSFraming: Sendable, Equatable {
    /// `xhr`, `xhr_streaming`: the frame and a line feed.
    case lines
    /// `eventsource`: `data: <frame>\r\n\r\n` with `%`, CR, LF and NUL percent-escaped.
    case eventSource
    /// `htmlfile`: a script tag calling `p("<frame>")`.
    case htmlFile
    /// `jsonp`: `<callback>("<frame>");\r\n`.
    case jsonp(callback: String)

    /// The body bytes carrying `frame`.
    func wrap(_ frame: String) -> String {
        switch self {
        case .lines:
            frame + "\n"
        case .eventSource:
            "data: " + Self.eventSourceEscaped(frame) + "\r\n\r\n"
        case .htmlFile:
            "<script>\np(" + SockJSFrame.quoted(frame) + ");\n</script>\r\n"
        case .jsonp(let callback):
            callback + "(" + SockJSFrame.quoted(frame) + ");\r\n"
        }
    }

    /// Percent-escapes the characters an event stream line cannot carry.
    static func eventSourceEscaped(_ frame: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(frame.utf8.count)
        for scalar in frame.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "\n": escaped += "%0A"
            case "\r": escaped += "%0D"
            case "\0": escaped += "%00"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Whether `callback` is a usable JSONP/htmlfile callback name (letters, digits, `_` and `.` only).
    static func isValidCallback(_ callback: String) -> Bool {
        callback.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".")
        }
    }
}
