import RotorCore

/// Everything a node needs to decide: connection options, channel rules and its identity.
public struct NodeConfiguration: Sendable {
    /// Connection limits, timers and authentication switches.
    public var client: ClientConfiguration
    /// Channel namespaces and permissions.
    public var rules: ChannelRules
    /// The node's name in `info` (Centrifugo: `name`, default hostname_port).
    public var name: String

    /// A configuration.
    public init(client: ClientConfiguration = ClientConfiguration(), rules: ChannelRules, name: String = "rotor") {
        self.client = client
        self.rules = rules
        self.name = name
    }
}
