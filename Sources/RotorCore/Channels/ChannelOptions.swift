/// The options of one channel namespace (or of the top level), as in `server.md` §2.3.
///
/// Every option defaults to false / 0 / "": a namespace does not inherit top-level values.
public struct ChannelOptions: Sendable, Hashable {
    /// Maintain presence for subscribers.
    public var presence = false
    /// Emit join/leave events.
    public var joinLeave = false
    /// Push join/leave to every subscriber without the client asking.
    public var forcePushJoinLeave = false
    /// Publications kept per channel; history needs both this and `historyTTL`.
    public var historySize = 0
    /// How long history is kept after the last publication.
    public var historyTTL: Duration = .zero
    /// Every subscription is positioned.
    public var forcePositioning = false
    /// A client may ask for positioning without history permission.
    public var allowPositioning = false
    /// Every subscription is recoverable (implies positioning).
    public var forceRecovery = false
    /// A client may ask for recovery without history permission.
    public var allowRecovery = false
    /// Any authenticated connection may subscribe.
    public var allowSubscribeForClient = false
    /// With `allowSubscribeForClient`, anonymous connections may subscribe too.
    public var allowSubscribeForAnonymous = false
    /// A subscriber may publish.
    public var allowPublishForSubscriber = false
    /// Any authenticated connection may publish.
    public var allowPublishForClient = false
    /// Extends the publish options to anonymous connections.
    public var allowPublishForAnonymous = false
    /// Subscribers may ask for presence.
    public var allowPresenceForSubscriber = false
    /// Any authenticated connection may ask for presence.
    public var allowPresenceForClient = false
    /// Extends the presence options to anonymous connections.
    public var allowPresenceForAnonymous = false
    /// Subscribers may read history.
    public var allowHistoryForSubscriber = false
    /// Any authenticated connection may read history.
    public var allowHistoryForClient = false
    /// Extends the history options to anonymous connections.
    public var allowHistoryForAnonymous = false
    /// `#` user-limited channels grant subscription to the listed users.
    public var allowUserLimitedChannels = false
    /// A regular expression the part after the namespace must match (client-side operations only).
    public var channelRegex = ""
    /// Subscriptions go through the subscribe proxy (non-granular mode).
    public var proxySubscribe = false
    /// Publications go through the publish proxy (non-granular mode).
    public var proxyPublish = false
    /// Subscriptions are refreshed server-side through the sub-refresh proxy (non-granular mode).
    public var proxySubRefresh = false
    /// Granular mode: the named subscribe proxy.
    public var subscribeProxyName = ""
    /// Granular mode: the named publish proxy.
    public var publishProxyName = ""
    /// Granular mode: the named sub-refresh proxy.
    public var subRefreshProxyName = ""

    /// All options off.
    public init() {}

    /// History is kept only when both the size and the TTL are positive.
    public var historyEnabled: Bool { historySize > 0 && historyTTL > .zero }
}

/// A named channel namespace.
public struct ChannelNamespace: Sendable, Hashable {
    /// The namespace name: the part of a channel before the namespace boundary.
    public var name: String
    /// Its options.
    public var options: ChannelOptions

    /// A namespace `name` with `options`.
    public init(name: String, options: ChannelOptions = ChannelOptions()) {
        self.name = name
        self.options = options
    }
}

/// Everything that decides how channel names are read and who may do what in them (`server.md` §1.2.4, §2).
public struct ChannelConfiguration: Sendable, Hashable {
    /// Options of channels without a namespace.
    public var topLevel = ChannelOptions()
    /// The configured namespaces.
    public var namespaces: [ChannelNamespace] = []
    /// Channels starting with this need a subscription token (`channel_private_prefix`).
    public var privatePrefix = "$"
    /// Separates the namespace from the rest (`channel_namespace_boundary`).
    public var namespaceBoundary = ":"
    /// Starts the user list of a user-limited channel (`channel_user_boundary`).
    public var userBoundary = "#"
    /// Separates users in that list (`channel_user_separator`).
    public var userSeparator = ","
    /// Longest channel a client may subscribe to (`channel_max_length`).
    public var channelMaxLength = 255
    /// Subscribe every user to their personal channel at connect (`user_subscribe_to_personal`).
    public var userSubscribeToPersonal = false
    /// The namespace of personal channels (`user_personal_channel_namespace`).
    public var userPersonalChannelNamespace = ""
    /// Keep one connection per user (`user_personal_single_connection`).
    public var userPersonalSingleConnection = false
    /// Insecure client mode (`client_insecure`).
    public var clientInsecure = false
    /// A subscribe proxy is configured (non-granular `proxy_subscribe_endpoint`).
    public var subscribeProxyConfigured = false
    /// A publish proxy is configured.
    public var publishProxyConfigured = false
    /// Names of the granular-mode proxies that are configured.
    public var namedProxies: Set<String> = []

    /// The defaults of Centrifugo v4.1.5: no namespaces, nothing allowed.
    public init() {}
}
