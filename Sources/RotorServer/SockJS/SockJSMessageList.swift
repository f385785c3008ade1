import NIOCore
import RotorProtocol

/// A client's batch of SockJS messages (a JSON array of strings), read as Go's `json.Decoder` reads it into a
/// `[]string`: the first JSON value counts and anything after it is ignored.
enum SockJSMessageList: Equatable, Sendable {
    /// The messages.
    case messages([String])
    /// No JSON value at all (`Payload expected.`).
    case empty
    /// Malformed or truncated JSON (`Broken JSON encoding.`).
    case broken
    /// Valid JSON of the wrong shape: what Go keeps of it (non-string elements become empty strings, a
    /// non-array keeps nothing).
    case mistyped([String])

    /// Reads `body`.
    static func read(_ body: ByteBuffer) -> SockJSMessageList {
        var stream = JSONValueStream(body)
        let value: JSONRawValue
        do throws(ProtocolDecodingError) {
            guard let first = try stream.next() else { return .empty }
            value = first
        } catch {
            return .broken
        }
        switch value.kind {
        case .null:
            return .messages([])
        case .array:
            guard let elements = try? value.elements() else { return .broken }
            var messages: [String] = []
            var mistyped = false
            for element in elements {
                if element.kind == .string, let text = try? element.string() {
                    messages.append(text)
                } else {
                    if element.kind != .null { mistyped = true }
                    messages.append("")
                }
            }
            return mistyped ? .mistyped(messages) : .messages(messages)
        default:
            return .mistyped([])
        }
    }
}
