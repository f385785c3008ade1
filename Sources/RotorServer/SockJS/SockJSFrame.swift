import NIOCore
import RotorProtocol

/// The frames of sockjs-protocol as text: open, heartbeat, message array and close.
enum SockJSFrame {
    /// `o`: the session is open.
    static let open = "o"
    /// `h`: heartbeat.
    static let heartbeat = "h"
    /// The close frame a second receiver gets while one is attached.
    static let anotherConnectionStillOpen = close(code: 2010, reason: "Another connection still open")

    /// `a[…]`: each message as one JSON string, escaped as Go's `encoding/json` does.
    static func messages(_ messages: [String]) -> String {
        var builder = JSONBuilder()
        builder.beginArray()
        for message in messages { builder.string(message) }
        builder.endArray()
        return "a" + String(buffer: builder.buffer)
    }

    /// `c[code,"reason"]`.
    static func close(code: UInt32, reason: String) -> String {
        var builder = JSONBuilder()
        builder.beginArray()
        builder.integer(code)
        builder.string(reason)
        builder.endArray()
        return "c" + String(buffer: builder.buffer)
    }

    /// The close frame for a node disconnect: v2 carries the reason text, v1 the `{"reason","reconnect"}` JSON.
    static func close(_ disconnect: Disconnect, version: ProtocolVersion) -> String {
        close(code: disconnect.code, reason: version == .v1 ? disconnect.v1CloseReason : disconnect.reason)
    }

    /// A JSON string literal of `text`, escaped as Go's `encoding/json` does.
    static func quoted(_ text: String) -> String {
        var builder = JSONBuilder()
        builder.string(text)
        return String(buffer: builder.buffer)
    }
}
