extension ChannelOptions {
    /// Client-side subscribes in this namespace go to the subscribe proxy (`proxy_subscribe` or
    /// `subscribe_proxy_name`; both are honoured in either proxy mode, `server.md` §2.3).
    public var usesSubscribeProxy: Bool { proxySubscribe || !subscribeProxyName.isEmpty }

    /// Client publications in this namespace go to the publish proxy (`proxy_publish` or `publish_proxy_name`).
    public var usesPublishProxy: Bool { proxyPublish || !publishProxyName.isEmpty }

    /// Subscriptions with an expiry are refreshed by the client (`sub_refresh` command); false when the
    /// namespace refreshes them through the sub-refresh proxy (`proxy_sub_refresh` or `sub_refresh_proxy_name`).
    public var clientSideSubRefresh: Bool { !proxySubRefresh && subRefreshProxyName.isEmpty }
}

/// Which configured proxy answers a proxied subscribe or publish.
enum ProxyChoice {
    /// The one proxy of non-granular mode (`proxy: nil`), or the named granular proxy.
    case proxy(name: String?)
    /// No usable proxy: error 108.
    case notAvailable

    /// Non-granular mode wins when its proxy is configured (the name options are then ignored); otherwise the
    /// namespace's proxy name must be one of the configured granular proxies.
    init(configured: Bool, name: String, named: Set<String>) {
        if configured {
            self = .proxy(name: nil)
        } else if !name.isEmpty, named.contains(where: { $0.utf8.elementsEqual(name.utf8) }) {
            self = .proxy(name: name)
        } else {
            self = .notAvailable
        }
    }
}
