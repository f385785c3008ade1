import RotorCore

/// A channel used by the combination tests, with the facts the spec oracles need written out by hand (so the
/// oracles do not call the code under test).
///
/// The configuration these facts hold for: the top level and namespace `ns` share the option set under test,
/// default boundaries, no regex.
struct ChannelCase: CustomStringConvertible, Sendable {
    let channel: String
    /// The namespace exists (`xx` does not).
    var known = true
    /// The name is valid for client operations (ASCII, as no regex is configured).
    var valid = true
    /// Starts with `$`.
    var isPrivate = false
    /// The users after the last `#`, split on `,`; nil when the channel has no `#`.
    var listed: [String]? = nil

    var description: String { channel }

    static let all: [ChannelCase] = [
        ChannelCase(channel: "news"),
        ChannelCase(channel: "ns:news"),
        ChannelCase(channel: "$news", isPrivate: true),
        ChannelCase(channel: "$ns:news", isPrivate: true),
        ChannelCase(channel: "ns:chat#42", listed: ["42"]),
        ChannelCase(channel: "dialog#7,42", listed: ["7", "42"]),
        ChannelCase(channel: "ns:chat#7", listed: ["7"]),
        ChannelCase(channel: "ns:chat#", listed: [""]),
        ChannelCase(channel: "$ns:chat#42", isPrivate: true, listed: ["42"]),
        ChannelCase(channel: "ns:n\u{00FC}ws", valid: false),
        ChannelCase(channel: "xx:news", known: false),
        ChannelCase(channel: "$xx:news", known: false, isPrivate: true),
    ]
}

/// The users of the combination tests: anonymous, one listed in most user-limited channels, one rarely listed.
let testUsers = ["", "42", "7"]

/// Every assignment of `count` booleans, as arrays.
func booleanCombinations(_ count: Int) -> [[Bool]] {
    (0..<(1 << count)).map { mask in (0..<count).map { mask & (1 << $0) != 0 } }
}

/// A configuration whose top level and namespace `ns` both have `options`.
func configuration(
    _ options: ChannelOptions,
    _ adjust: (inout ChannelConfiguration) -> Void = { _ in }
) -> ChannelConfiguration {
    var configuration = ChannelConfiguration()
    configuration.topLevel = options
    configuration.namespaces = [ChannelNamespace(name: "ns", options: options)]
    adjust(&configuration)
    return configuration
}

/// Rules for a configuration the test knows is valid.
func makeRules(_ configuration: ChannelConfiguration) -> ChannelRules {
    do {
        return try ChannelRules(configuration)
    } catch {
        fatalError("test configuration rejected: \(error)")
    }
}

/// Rules whose top level and namespace `ns` both have `options`.
func makeRules(
    _ options: ChannelOptions,
    _ adjust: (inout ChannelConfiguration) -> Void = { _ in }
) -> ChannelRules {
    makeRules(configuration(options, adjust))
}
