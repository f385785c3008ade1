import RotorCore
import RotorTokens

extension RotorConfiguration {
    /// The startup checks of `server.md` §1.3 that are not part of building the channel rules or the token
    /// configuration: rpc namespaces, ping/pong, granular proxies, engine and broker, HTTP/3.
    func validateOptions() throws(ConfigurationError) {
        try validateRPCNamespaces()
        if client.pingInterval <= client.pongTimeout {
            throw error(
                "ping_interval",
                .pingIntervalNotAbovePongTimeout(
                    ping: GoDuration(client.pingInterval), pong: GoDuration(client.pongTimeout)),
                related: ["pong_timeout"]
            )
        }
        try validateProxies()
        try validateEngine()
        if tls.webtransport && !tls.http3 { throw error("webtransport", .webtransportWithoutHTTP3) }
        if tls.http3 {
            if tls.tlsAutocert { throw error("http3", .http3WithAutocert) }
            if !tls.tls { throw error("http3", .http3WithoutTLS) }
        }
    }

    /// An error about `key`, attributed to where that key was set.
    func error(_ key: String, _ problem: ConfigProblem, related: [String] = []) -> ConfigurationError {
        ConfigurationError(source: source(of: key, related: related), key: key, problem: problem)
    }

    private func validateRPCNamespaces() throws(ConfigurationError) {
        var seen: Set<String> = []
        for (index, namespace) in rpcNamespaces.enumerated() {
            let key = "rpc_namespaces[\(index)].name"
            if seen.contains(namespace.name) { throw error(key, .duplicateRPCNamespaceName(namespace.name)) }
            guard Self.isValidName(namespace.name) else { throw error(key, .invalidRPCNamespaceName(namespace.name)) }
            seen.insert(namespace.name)
        }
    }

    /// Granular proxies: valid unique names, an endpoint each, and every referenced name defined.
    private func validateProxies() throws(ConfigurationError) {
        guard proxy.granularProxyMode else { return }
        var names: Set<String> = []
        for (index, definition) in proxies.enumerated() {
            if !Self.isValidName(definition.name) {
                throw error("proxies[\(index)].name", .invalidProxyName(definition.name))
            }
            if names.contains(definition.name) {
                throw error("proxies[\(index)].name", .duplicateProxyName(definition.name))
            }
            if definition.endpoint.isEmpty {
                throw error("proxies[\(index)].endpoint", .missingProxyEndpoint(definition.name))
            }
            names.insert(definition.name)
        }
        func check(_ key: String, _ kind: String, _ name: String) throws(ConfigurationError) {
            if !name.isEmpty, !names.contains(name) { throw error(key, .proxyNotFound(kind: kind, name: name)) }
        }
        try check("connect_proxy_name", "connect", proxy.connectProxyName)
        try check("refresh_proxy_name", "refresh", proxy.refreshProxyName)
        try check("subscribe_proxy_name", "subscribe", topLevelChannelOptions.subscribeProxyName)
        try check("publish_proxy_name", "publish", topLevelChannelOptions.publishProxyName)
        try check("sub_refresh_proxy_name", "sub refresh", topLevelChannelOptions.subRefreshProxyName)
        for (index, namespace) in namespaces.enumerated() {
            let prefix = "namespaces[\(index)]."
            try check(prefix + "subscribe_proxy_name", "subscribe", namespace.options.subscribeProxyName)
            try check(prefix + "publish_proxy_name", "publish", namespace.options.publishProxyName)
            try check(prefix + "sub_refresh_proxy_name", "sub refresh", namespace.options.subRefreshProxyName)
        }
        try check("rpc_proxy_name", "rpc", channels.rpcProxyName)
        for (index, namespace) in rpcNamespaces.enumerated() {
            try check("rpc_namespaces[\(index)].rpc_proxy_name", "rpc", namespace.rpcProxyName)
        }
    }

    /// Engine, broker, Tarantool mode and Redis address forms.
    private func validateEngine() throws(ConfigurationError) {
        switch general.broker {
        case "", "nats": break
        default: throw error("broker", .unknownBroker(general.broker))
        }
        switch general.engine {
        case "memory": break
        case "redis": try validateRedis()
        case "tarantool":
            switch engine.tarantoolMode {
            case "standalone", "leader-follower", "leader-follower-raft": break
            default: throw error("tarantool_mode", .unknownTarantoolMode(engine.tarantoolMode), related: ["engine"])
            }
        default: throw error("engine", .unknownEngine(general.engine))
        }
    }

    private func validateRedis() throws(ConfigurationError) {
        if !engine.redisClusterAddress.isEmpty {
            for shard in engine.redisClusterAddress {
                for address in shard.split(separator: ",", omittingEmptySubsequences: false)
                where !Self.isHostPort(address) {
                    throw error("redis_cluster_address", .malformedRedisClusterAddress(String(address)))
                }
            }
        } else if !engine.redisSentinelAddress.isEmpty {
            for shard in engine.redisSentinelAddress {
                for address in shard.split(separator: ",", omittingEmptySubsequences: false)
                where !Self.isHostPort(address) {
                    throw error("redis_sentinel_address", .malformedRedisSentinelAddress(String(address)))
                }
            }
            if engine.redisSentinelMasterName.isEmpty {
                throw error(
                    "redis_sentinel_master_name", .sentinelMasterNameMissing, related: ["redis_sentinel_address"])
            }
        }
    }

    /// `^[-a-zA-Z0-9_.]{2,}$`.
    static func isValidName(_ name: String) -> Bool {
        name.utf8.count >= 2
            && name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
    }

    /// Whether `address` splits like Go's `net.SplitHostPort`: `host:port` or `[v6]:port`, one colon outside
    /// brackets.
    static func isHostPort(_ address: Substring) -> Bool {
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else { return false }
            let rest = address[address.index(after: close)...]
            return rest.hasPrefix(":") && !rest.dropFirst().contains(":")
        }
        return address.filter { $0 == ":" }.count == 1 && !address.contains("[") && !address.contains("]")
    }
}
