/// Where a set of channel options sits in the configuration.
public enum ChannelOptionsLocation: Sendable, Hashable {
    /// The options of channels without a namespace, at the top level of the configuration.
    case topLevel
    /// The options of `namespaces[index]`, named `name`.
    case namespace(index: Int, name: String)

    /// The configuration key of `option` at this location, e.g. `namespaces[2].channel_regex`.
    public func key(_ option: String) -> String {
        switch self {
        case .topLevel: option
        case .namespace(let index, _): "namespaces[\(index)].\(option)"
        }
    }

    /// The prefix Centrifugo puts before a namespace's option errors: `namespace chat: `, or nothing.
    var messagePrefix: String {
        switch self {
        case .topLevel: ""
        case .namespace(_, let name): "namespace \(name): "
        }
    }
}

/// A channel configuration that Centrifugo v4.1.5 refuses to start with (`server.md` §1.3).
///
/// `description` is the reference's message where it is known (the server prints it and exits); `key` names
/// the offending configuration key.
public enum ChannelConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `namespaces[index]` has the same name as an earlier namespace.
    case duplicateNamespaceName(index: Int, name: String)
    /// `namespaces[index].name` does not match `^[-a-zA-Z0-9_.]{2,}$`.
    case invalidNamespaceName(index: Int, name: String)
    /// Only one of `history_size` and `history_ttl` is set.
    case incompleteHistory(ChannelOptionsLocation)
    /// `force_recovery` without both `history_size` and `history_ttl`.
    case recoveryWithoutHistory(ChannelOptionsLocation)
    /// `channel_regex` does not compile; `reason` is the parser's message.
    case invalidChannelRegex(ChannelOptionsLocation, pattern: String, reason: String)
    /// `user_subscribe_to_personal` with a `user_personal_channel_namespace` that names no namespace.
    case personalNamespaceNotFound(String)
    /// `user_personal_single_connection` without `presence` where the reference looks for it.
    case singleConnectionWithoutPresence(ChannelOptionsLocation)

    /// The configuration key at fault, e.g. `namespaces[2].channel_regex` or `user_personal_channel_namespace`.
    public var key: String {
        switch self {
        case .duplicateNamespaceName(let index, _), .invalidNamespaceName(let index, _):
            "namespaces[\(index)].name"
        case .incompleteHistory(let location): location.key("history_ttl")
        case .recoveryWithoutHistory(let location): location.key("force_recovery")
        case .invalidChannelRegex(let location, _, _): location.key("channel_regex")
        case .personalNamespaceNotFound: "user_personal_channel_namespace"
        case .singleConnectionWithoutPresence(let location): location.key("presence")
        }
    }

    /// The message Centrifugo v4.1.5 reports for the same problem (the regex reason is Swift's own).
    public var description: String {
        switch self {
        case .duplicateNamespaceName(_, let name):
            "namespace name must be unique: \(name)"
        case .invalidNamespaceName(_, let name):
            "namespace \(name): invalid namespace name \u{2013} \(name) (must match \(namespaceNamePattern) regular expression)"
        case .incompleteHistory(let location):
            location.messagePrefix + "both history size and history ttl required for history"
        case .recoveryWithoutHistory(let location):
            location.messagePrefix + "both history size and history ttl required for recovery"
        case .invalidChannelRegex(let location, let pattern, let reason):
            location.messagePrefix + "invalid channel regex \(pattern): \(reason)"
        case .personalNamespaceNotFound(let name):
            "namespace for user personal channel not found: \(name)"
        case .singleConnectionWithoutPresence(.topLevel):
            "presence must be enabled on top level to maintain single connection"
        case .singleConnectionWithoutPresence(.namespace(_, let name)):
            "presence must be enabled for namespace \(name) to maintain single connection"
        }
    }
}

/// The rule namespace names must follow, as Centrifugo prints it.
let namespaceNamePattern = "^[-a-zA-Z0-9_.]{2,}$"

/// Whether `name` matches `^[-a-zA-Z0-9_.]{2,}$` (checked byte-wise; `$` in Go matches only at the very end).
func isValidNamespaceName(_ name: String) -> Bool {
    var count = 0
    for byte in name.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            count += 1
        default:
            return false
        }
    }
    return count >= 2
}
