import RotorCore
import RotorNode
import RotorTokens

extension RotorConfiguration {
    /// The channel options, namespaces, boundaries and proxy switches the channel rules are built from.
    public var channelConfiguration: ChannelConfiguration {
        var result = ChannelConfiguration()
        result.topLevel = topLevelChannelOptions
        result.namespaces = namespaces
        result.privatePrefix = channels.channelPrivatePrefix
        result.namespaceBoundary = channels.channelNamespaceBoundary
        result.userBoundary = channels.channelUserBoundary
        result.userSeparator = channels.channelUserSeparator
        result.channelMaxLength = channels.channelMaxLength
        result.userSubscribeToPersonal = channels.userSubscribeToPersonal
        result.userPersonalChannelNamespace = channels.userPersonalChannelNamespace
        result.userPersonalSingleConnection = channels.userPersonalSingleConnection
        result.clientInsecure = token.clientInsecure
        if proxy.granularProxyMode {
            result.namedProxies = Set(proxies.map(\.name))
        } else {
            result.subscribeProxyConfigured = !proxy.proxySubscribeEndpoint.isEmpty
            result.publishProxyConfigured = !proxy.proxyPublishEndpoint.isEmpty
        }
        return result
    }

    /// Validates the channel configuration (`server.md` §1.3) into channel rules; the error names the key.
    public func channelRules() throws(ConfigurationError) -> ChannelRules {
        do {
            return try ChannelRules(channelConfiguration)
        } catch {
            let related: [String] =
                switch error {
                case .singleConnectionWithoutPresence: ["user_personal_single_connection"]
                case .personalNamespaceNotFound: ["user_subscribe_to_personal"]
                case .incompleteHistory: ["history_size"]
                case .recoveryWithoutHistory: ["force_recovery"]
                default: []
                }
            throw ConfigurationError(
                source: source(of: error.key, related: related), key: error.key, problem: .channel(error))
        }
    }

    /// Validates the token options (keys, regexes, JWKS endpoint) into a token configuration.
    public func tokenConfiguration() throws(ConfigurationError) -> TokenConfiguration {
        do {
            return try TokenConfiguration(
                hmacSecretKey: token.tokenHMACSecretKey,
                rsaPublicKeyPEM: token.tokenRSAPublicKey,
                ecdsaPublicKeyPEM: token.tokenECDSAPublicKey,
                jwksPublicEndpoint: token.tokenJWKSPublicEndpoint,
                audience: token.tokenAudience,
                audienceRegex: token.tokenAudienceRegex,
                issuer: token.tokenIssuer,
                issuerRegex: token.tokenIssuerRegex
            )
        } catch {
            throw ConfigurationError(source: source(of: error.configKey), key: error.configKey, problem: .token(error))
        }
    }

    /// The connection-level options of the node.
    public var clientConfiguration: ClientConfiguration {
        var result = ClientConfiguration()
        result.channelLimit = client.clientChannelLimit > 0 ? client.clientChannelLimit : 128
        result.userConnectionLimit = client.clientUserConnectionLimit
        result.staleCloseDelay = client.clientStaleCloseDelay
        result.expiredCloseDelay = client.clientExpiredCloseDelay
        result.expiredSubCloseDelay = client.clientExpiredSubCloseDelay
        result.presenceUpdateInterval = client.clientPresenceUpdateInterval
        result.channelPositionCheckDelay = client.clientChannelPositionCheckDelay
        result.historyMaxPublicationLimit = client.clientHistoryMaxPublicationLimit
        result.recoveryMaxPublicationLimit = client.clientRecoveryMaxPublicationLimit
        result.pingInterval = client.pingInterval
        result.pongTimeout = client.pongTimeout
        result.allowAnonymousConnectWithoutToken = token.allowAnonymousConnectWithoutToken
        result.disallowAnonymousConnectionTokens = token.disallowAnonymousConnectionTokens
        result.skipUserCheckInSubscriptionToken = token.skipUserCheckInSubscriptionToken
        result.historyMetaTTL = engine.historyMetaTTL
        if proxy.granularProxyMode {
            result.refreshProxyConfigured = !proxy.refreshProxyName.isEmpty
            result.rpcProxyConfigured =
                !channels.rpcProxyName.isEmpty || rpcNamespaces.contains { !$0.rpcProxyName.isEmpty }
        } else {
            result.refreshProxyConfigured = !proxy.proxyRefreshEndpoint.isEmpty
            result.rpcProxyConfigured = !proxy.proxyRPCEndpoint.isEmpty
        }
        return result
    }

    /// The node name: `name`, or `<hostname>_<port>` when it is empty (Centrifugo's `applicationName`).
    public func nodeName(hostname: String) -> String {
        general.name.isEmpty ? "\(hostname)_\(http.port)" : general.name
    }

    /// What the node needs: connection options, validated channel rules and its name.
    public func nodeConfiguration(hostname: String) throws(ConfigurationError) -> NodeConfiguration {
        NodeConfiguration(client: clientConfiguration, rules: try channelRules(), name: nodeName(hostname: hostname))
    }
}
