import RotorCore
import RotorNode

extension Scenario {
    /// The node configuration of the scenario.
    ///
    /// Namespace `hist`: history (`historySize`, `historyTTL`), presence, recovery and positioning allowed,
    /// subscribe and publish for every client (anonymous included). Namespace `live`: no history, join/leave
    /// when `joinLeave`, presence readable by clients so they may ask for join/leave pushes. Anonymous
    /// connections without token are allowed; token clients come through `SimulatedTokenVerifier`.
    public func nodeConfiguration() throws(ChannelConfigurationError) -> NodeConfiguration {
        var open = ChannelOptions()
        open.allowSubscribeForClient = true
        open.allowSubscribeForAnonymous = true
        open.allowPublishForClient = true
        open.allowPublishForAnonymous = true

        var history = open
        history.presence = true
        history.historySize = historySize
        history.historyTTL = historyTTL
        history.allowRecovery = true
        history.allowPositioning = true

        var live = open
        live.joinLeave = joinLeave
        live.allowPresenceForClient = true
        live.allowPresenceForAnonymous = true

        var channels = ChannelConfiguration()
        channels.namespaces = [
            ChannelNamespace(name: "hist", options: history),
            ChannelNamespace(name: "live", options: live),
        ]

        var client = ClientConfiguration()
        client.allowAnonymousConnectWithoutToken = true
        client.pingInterval = pingInterval
        client.historyMetaTTL = historyMetaTTL
        return NodeConfiguration(client: client, rules: try ChannelRules(channels), name: "rotor-sim")
    }
}
