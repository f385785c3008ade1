import RotorCore
import Testing

@testable import RotorConfig

@Suite struct ProductsTests {
    @Test func clientConfigurationCarriesTheOptions() throws {
        let json = """
            {"client_channel_limit": 0, "client_user_connection_limit": 3, "client_stale_close_delay": "5s",
             "ping_interval": "10s", "pong_timeout": "4s", "allow_anonymous_connect_without_token": true,
             "history_meta_ttl": "1h", "proxy_refresh_endpoint": "http://r", "proxy_rpc_endpoint": "http://p"}
            """
        let client = try ConfigFixtures.load(json: json).configuration.clientConfiguration
        #expect(client.channelLimit == 128)
        #expect(client.userConnectionLimit == 3)
        #expect(client.staleCloseDelay == .seconds(5))
        #expect(client.pingInterval == .seconds(10))
        #expect(client.pongTimeout == .seconds(4))
        #expect(client.allowAnonymousConnectWithoutToken)
        #expect(client.historyMetaTTL == .seconds(3600))
        #expect(client.refreshProxyConfigured && client.rpcProxyConfigured)
        #expect(RotorConfiguration().clientConfiguration == ClientConfiguration())
    }

    @Test func channelConfigurationAndRules() throws {
        let json = """
            {"channel_private_prefix": "!", "client_insecure": true, "proxy_subscribe_endpoint": "http://s",
             "namespaces": [{"name": "chat", "allow_subscribe_for_client": true}]}
            """
        let loaded = try ConfigFixtures.load(json: json)
        let channels = loaded.configuration.channelConfiguration
        #expect(channels.privatePrefix == "!")
        #expect(channels.clientInsecure)
        #expect(channels.subscribeProxyConfigured && !channels.publishProxyConfigured)
        #expect(loaded.rules.resolve("chat:room")?.options.allowSubscribeForClient == true)
        #expect(RotorConfiguration().channelConfiguration == ChannelConfiguration())
    }

    @Test func granularModeNamesProxies() throws {
        let json = """
            {"granular_proxy_mode": true, "proxy_subscribe_endpoint": "http://ignored",
             "proxies": [{"name": "aa", "endpoint": "http://a"}], "refresh_proxy_name": "aa"}
            """
        let config = try ConfigFixtures.load(json: json).configuration
        #expect(config.channelConfiguration.namedProxies == ["aa"])
        #expect(!config.channelConfiguration.subscribeProxyConfigured)
        #expect(config.clientConfiguration.refreshProxyConfigured)
    }

    @Test func tokenAndNodeConfiguration() throws {
        let loaded = try ConfigFixtures.load(
            json: #"{"token_hmac_secret_key": "s", "token_audience": "a", "port": 9000}"#)
        #expect(loaded.tokens.hmacSecretKey == "s")
        #expect(loaded.tokens.audience == "a")
        #expect(try loaded.configuration.nodeConfiguration(hostname: "box").name == "box_9000")
        let named = try ConfigFixtures.load(json: #"{"name": "node1"}"#).configuration
        #expect(named.nodeName(hostname: "box") == "node1")
    }
}
