import Testing

@testable import RotorConfig

/// Every startup check of `server.md` §1.3 (and the duration and type checks of §1.1), each with the key and
/// file its message names.
@Suite struct StartupValidationTests {
    static let rsaKeyWithoutBody = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"

    @Test(arguments: [
        // Channel options (ChannelRules).
        (
            #"{"namespaces": [{"name": "chat"}, {"name": "ok"}, {"name": "news", "history_size": 10}]}"#,
            "namespaces[2].history_ttl", "namespace news: both history size and history ttl required for history"
        ),
        (#"{"history_ttl": "60s"}"#, "history_ttl", "both history size and history ttl required for history"),
        (
            #"{"namespaces": [{"name": "chat", "force_recovery": true}]}"#,
            "namespaces[0].force_recovery", "namespace chat: both history size and history ttl required for recovery"
        ),
        (
            #"{"namespaces": [{"name": "x"}]}"#, "namespaces[0].name",
            "namespace x: invalid namespace name \u{2013} x (must match ^[-a-zA-Z0-9_.]{2,}$ regular expression)"
        ),
        (
            #"{"namespaces": [{"name": "chat"}, {"name": "chat"}]}"#, "namespaces[1].name",
            "namespace name must be unique: chat"
        ),
        (
            #"{"user_subscribe_to_personal": true, "user_personal_channel_namespace": "personal"}"#,
            "user_personal_channel_namespace", "namespace for user personal channel not found: personal"
        ),
        (
            #"{"user_personal_single_connection": true}"#, "presence",
            "presence must be enabled on top level to maintain single connection"
        ),
        // RPC namespaces.
        (
            #"{"rpc_namespaces": [{"name": "a"}]}"#, "rpc_namespaces[0].name",
            "rpc namespace a: invalid rpc namespace name \u{2013} a (must match ^[-a-zA-Z0-9_.]{2,}$ regular expression)"
        ),
        (
            #"{"rpc_namespaces": [{"name": "ab"}, {"name": "ab"}]}"#, "rpc_namespaces[1].name",
            "rpc namespace name must be unique: ab"
        ),
        // Tokens (TokenConfiguration).
        (
            #"{"token_audience": "a", "token_audience_regex": "b"}"#, "token_audience_regex",
            "can not use both token_audience and token_audience_regex, configure only one of them"
        ),
        (
            #"{"token_issuer": "a", "token_issuer_regex": "b"}"#, "token_issuer_regex",
            "can not use both token_issuer and token_issuer_regex, configure only one of them"
        ),
        // Ping / pong.
        (#"{"ping_interval": "8s"}"#, "ping_interval", "ping_interval (8s) must be greater than pong_timeout (8s)"),
        (
            #"{"ping_interval": "5s", "pong_timeout": "10s"}"#, "ping_interval",
            "ping_interval (5s) must be greater than pong_timeout (10s)"
        ),
        // Granular proxies.
        (
            #"{"granular_proxy_mode": true, "proxies": [{"name": "p", "endpoint": "http://a"}]}"#, "proxies[0].name",
            "invalid proxy name: p, must match ^[-a-zA-Z0-9_.]{2,}$ regular expression"
        ),
        (
            #"{"granular_proxy_mode": true, "proxies": [{"name": "pp", "endpoint": "http://a"}, {"name": "pp", "endpoint": "http://b"}]}"#,
            "proxies[1].name", "duplicate proxy name: pp"
        ),
        (
            #"{"granular_proxy_mode": true, "proxies": [{"name": "pp"}]}"#, "proxies[0].endpoint",
            "no endpoint set for proxy pp"
        ),
        (
            #"{"granular_proxy_mode": true, "connect_proxy_name": "nope"}"#, "connect_proxy_name",
            "connect proxy not found: nope"
        ),
        (
            #"{"granular_proxy_mode": true, "namespaces": [{"name": "chat", "publish_proxy_name": "nope"}]}"#,
            "namespaces[0].publish_proxy_name", "publish proxy not found: nope"
        ),
        (
            #"{"granular_proxy_mode": true, "rpc_namespaces": [{"name": "rr", "rpc_proxy_name": "nope"}]}"#,
            "rpc_namespaces[0].rpc_proxy_name", "rpc proxy not found: nope"
        ),
        // Engines and brokers.
        (#"{"engine": "mongo"}"#, "engine", "unknown engine: mongo"),
        (#"{"broker": "kafka"}"#, "broker", "unknown broker: kafka"),
        (#"{"engine": "tarantool", "tarantool_mode": "cluster"}"#, "tarantool_mode", "unknown Tarantool mode: cluster"),
        (
            #"{"engine": "redis", "redis_cluster_address": ["a:1,b"]}"#, "redis_cluster_address",
            "malformed Redis Cluster address: b"
        ),
        (
            #"{"engine": "redis", "redis_sentinel_address": "s:26379"}"#, "redis_sentinel_master_name",
            "master name must be set when using Redis Sentinel"
        ),
        (
            #"{"engine": "redis", "redis_sentinel_address": "s", "redis_sentinel_master_name": "m"}"#,
            "redis_sentinel_address", "malformed Redis Sentinel address: s"
        ),
        // HTTP/3 and WebTransport.
        (#"{"webtransport": true}"#, "webtransport", "can not enable webtransport without experimental HTTP/3"),
        (#"{"http3": true}"#, "http3", "HTTP/3 requires TLS configured"),
        (#"{"http3": true, "tls": true, "tls_autocert": true}"#, "http3", "can not use HTTP/3 with autocert"),
        // Durations (§1.1, quirk 7).
        (
            #"{"shutdown_timeout": 30}"#, "shutdown_timeout",
            "malformed duration for key 'shutdown_timeout': time: missing unit in duration \"30\""
        ),
        (
            #"{"graphite_interval": 10}"#, "graphite_interval",
            "malformed duration for key 'graphite_interval': time: missing unit in duration \"10\""
        ),
        (
            #"{"client_stale_close_delay": "500us"}"#, "client_stale_close_delay",
            "malformed duration for key 'client_stale_close_delay': 500\u{00B5}s, minimal duration resolution is 1ms \u{2013} make sure correct time unit set"
        ),
        (
            #"{"presence_ttl": "500ms"}"#, "presence_ttl",
            "malformed duration for key 'presence_ttl': 500ms, minimal duration resolution is 1s for this key"
        ),
        (
            #"{"history_meta_ttl": "1.5s"}"#, "history_meta_ttl",
            "malformed duration for key 'history_meta_ttl': 1.5s, sub-second precision is not supported for this key"
        ),
        (
            #"{"history_size": 1, "history_ttl": "2500ms"}"#, "history_ttl",
            "malformed duration for key 'history_ttl': 2.5s, sub-second precision is not supported for this key"
        ),
        (
            #"{"ping_interval": true}"#, "ping_interval",
            "malformed duration for key 'ping_interval': time: invalid duration \"true\""
        ),
        (
            #"{"namespaces": [{"name": "chat", "history_ttl": "1d"}]}"#, "namespaces[0].history_ttl",
            "malformed duration for key 'namespaces[0].history_ttl': time: unknown unit \"d\" in duration \"1d\""
        ),
        // Type errors.
        (#"{"client_insecure": "yes"}"#, "client_insecure", "expected a boolean, found string \"yes\""),
        (#"{"client_channel_limit": "many"}"#, "client_channel_limit", "expected an integer, found string \"many\""),
        (#"{"api_key": ["a"]}"#, "api_key", "expected a string, found array"),
        (#"{"allowed_origins": {"a": 1}}"#, "allowed_origins", "expected a list of strings, found object"),
        (#"{"namespaces": {"name": "chat"}}"#, "namespaces", "expected an array, found object"),
        (
            #"{"namespaces": [{"name": "chat", "presence": "maybe"}]}"#, "namespaces[0].presence",
            "expected a boolean, found string \"maybe\""
        ),
        (
            #"{"namespaces": [{"name": "chat", "history_size": [1]}]}"#, "namespaces[0].history_size",
            "expected an integer, found array"
        ),
        (
            #"{"proxies": [{"name": "pp", "endpoint": "x", "http_headers": 5}]}"#, "proxies[0].http_headers",
            "expected a list of strings, found number 5"
        ),
    ])
    func rejectsWithKeyAndFile(json: String, key: String, message: String) {
        let error = ConfigFixtures.error(json: json)
        #expect(error?.key == key)
        #expect(error?.source == .file("config.json"))
        #expect(error?.problem.description == message)
        #expect(error?.description == "config.json: \(key): \(message)")
    }

    @Test func tokenKeyErrorsComeFromTokenConfiguration() {
        let error = ConfigFixtures.error(json: #"{"token_rsa_public_key": "not a pem"}"#)
        #expect(error?.key == "token_rsa_public_key")
        guard case .token(.invalidRSAPublicKey) = error?.problem else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        let regex = ConfigFixtures.error(json: #"{"token_issuer_regex": "("}"#)
        #expect(regex?.key == "token_issuer_regex")
        let jwks = ConfigFixtures.error(json: #"{"token_jwks_public_endpoint": "ftp://x"}"#)
        #expect(jwks?.key == "token_jwks_public_endpoint")
    }

    @Test func channelRegexMustCompile() {
        let error = ConfigFixtures.error(json: #"{"namespaces": [{"name": "chat", "channel_regex": "("}]}"#)
        #expect(error?.key == "namespaces[0].channel_regex")
        #expect(
            error?.description.hasPrefix(
                "config.json: namespaces[0].channel_regex: namespace chat: invalid channel regex (") == true)
    }

    @Test func zeroDurationsAreAcceptedButStillChecked() {
        #expect(ConfigFixtures.error(json: #"{"ping_interval": "0", "pong_timeout": "0"}"#)?.key == "ping_interval")
        #expect(ConfigFixtures.error(json: #"{"history_size": 10, "history_ttl": "0"}"#)?.key == "history_ttl")
    }

    @Test func valid() throws {
        let json = """
            {"shutdown_timeout": 0, "history_size": 1, "history_ttl": "1h", "engine": "redis",
             "redis_cluster_address": ["a:1,[::1]:2"], "http3": true, "tls": true, "webtransport": true,
             "granular_proxy_mode": true, "proxies": [{"name": "pp", "endpoint": "http://a"}],
             "connect_proxy_name": "pp", "rpc_proxy_name": "pp", "subscribe_proxy_name": "pp",
             "namespaces": [{"name": "chat", "history_size": 2, "history_ttl": 1}]}
            """
        let config = try ConfigFixtures.load(json: json).configuration
        #expect(config.general.shutdownTimeout == .zero)
        #expect(config.proxies[0].timeout == .seconds(1))
        // Quirk 7: in namespaces a number is nanoseconds, and no 1ms minimum applies to file objects.
        #expect(config.namespaces[0].options.historyTTL == .nanoseconds(1))
    }
}

@Suite struct ErrorSourceTests {
    @Test func errorsNameTheFlagOrVariableThatSetTheValue() {
        let flag = ConfigFixtures.error(json: "{}", overrides: ConfigOverrides(["engine": .string("mongo")]))
        #expect(flag?.description == "flag --engine: engine: unknown engine: mongo")
        let variable = ConfigFixtures.error(json: "{}", environment: ["CENTRIFUGO_PONG_TIMEOUT": "30s"])
        #expect(
            variable?.description
                == "environment variable CENTRIFUGO_PONG_TIMEOUT: ping_interval: ping_interval (25s) must be greater than pong_timeout (30s)"
        )
        let related = ConfigFixtures.error(json: "{}", environment: ["CENTRIFUGO_USER_PERSONAL_SINGLE_CONNECTION": "1"])
        #expect(related?.source == .environment("CENTRIFUGO_USER_PERSONAL_SINGLE_CONNECTION"))
        #expect(related?.key == "presence")
    }

    @Test func negativeTopLevelDurationsAreAccepted() throws {
        let config = try ConfigFixtures.load(json: #"{"shutdown_termination_delay": "-1s"}"#).configuration
        #expect(config.general.shutdownTerminationDelay == .seconds(-1))
    }

    @Test func theProblemTextIsCentrifugosMessage() {
        let error = ConfigFixtures.error(json: "{\n\"a\": 1,}")
        #expect(error?.key == "")
        #expect(
            error?.problem.description
                == "JSON syntax error around line 2, column 8: invalid character '}' looking for beginning of object key string"
        )
        #expect(error?.description.hasPrefix("config.json: JSON syntax error") == true)
    }
}
