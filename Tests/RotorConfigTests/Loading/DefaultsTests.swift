import Testing

@testable import RotorConfig

/// Every option of `server.md` §1.2 and §2.3 with its default, typed in from the spec tables.
@Suite struct DefaultsTests {
    static let falseBools = """
        debug usage_stats_disable client_insecure allow_anonymous_connect_without_token
        disallow_anonymous_connection_tokens skip_user_check_in_subscription_token use_client_protocol_v1_by_default
        disable_client_protocol_v1 user_subscribe_to_personal user_personal_single_connection presence join_leave
        force_push_join_leave force_positioning allow_positioning force_recovery allow_recovery
        allow_subscribe_for_client allow_subscribe_for_anonymous allow_publish_for_subscriber allow_publish_for_client
        allow_publish_for_anonymous allow_presence_for_subscriber allow_presence_for_client allow_presence_for_anonymous
        allow_history_for_subscriber allow_history_for_client allow_history_for_anonymous allow_user_limited_channels
        proxy_subscribe proxy_publish proxy_sub_refresh websocket_disable api_disable api_external admin_external tls
        tls_insecure_skip_verify tls_skip_verify tls_external tls_autocert tls_autocert_http http3 webtransport
        websocket_compression websocket_use_write_buffer_pool sse http_stream sockjs uni_websocket
        uni_websocket_compression uni_websocket_use_write_buffer_pool uni_sse uni_http_stream uni_grpc uni_grpc_tls
        uni_grpc_tls_disable api_insecure v5_api grpc_api grpc_api_tls grpc_api_tls_disable admin admin_insecure
        prometheus health graphite graphite_tags proxy_binary_encoding proxy_include_connection_meta
        granular_proxy_mode redis_use_lists redis_force_resp2 redis_tls redis_tls_insecure_skip_verify
        redis_tls_skip_verify redis_sentinel_tls redis_sentinel_tls_insecure_skip_verify redis_sentinel_tls_skip_verify
        grpc_api_tls_insecure_skip_verify grpc_api_tls_skip_verify uni_grpc_tls_insecure_skip_verify
        uni_grpc_tls_skip_verify
        """

    static let zeroInts = """
        gomaxprocs client_user_connection_limit client_connection_limit client_connection_rate_limit
        client_concurrency history_size websocket_compression_min_size websocket_read_buffer_size
        websocket_write_buffer_size uni_websocket_compression_min_size uni_websocket_read_buffer_size
        uni_websocket_write_buffer_size redis_db
        """

    static let emptyStrings = """
        name broker log_file pid_file token_hmac_secret_key token_rsa_public_key token_ecdsa_public_key
        token_jwks_public_endpoint token_audience token_audience_regex token_issuer token_issuer_regex
        rpc_proxy_name user_personal_channel_namespace channel_regex subscribe_proxy_name publish_proxy_name
        sub_refresh_proxy_name address internal_address internal_port admin_handler_prefix tls_cert tls_key
        tls_cert_pem tls_key_pem tls_root_ca tls_root_ca_pem tls_server_name tls_autocert_host_whitelist
        tls_autocert_cache_dir tls_autocert_email tls_autocert_server_name uni_grpc_address uni_grpc_tls_cert
        uni_grpc_tls_key uni_grpc_tls_cert_pem uni_grpc_tls_key_pem api_key grpc_api_address grpc_api_key
        grpc_api_tls_cert grpc_api_tls_key grpc_api_tls_cert_pem grpc_api_tls_key_pem admin_password admin_secret
        admin_web_path admin_web_proxy_address proxy_connect_endpoint proxy_refresh_endpoint proxy_subscribe_endpoint
        proxy_publish_endpoint proxy_sub_refresh_endpoint proxy_rpc_endpoint proxy_grpc_cert_file
        proxy_grpc_credentials_key proxy_grpc_credentials_value connect_proxy_name refresh_proxy_name redis_user
        redis_password redis_client_name redis_tls_cert redis_tls_key redis_tls_cert_pem redis_tls_key_pem
        redis_tls_root_ca redis_tls_root_ca_pem redis_tls_server_name redis_sentinel_master_name redis_sentinel_user
        redis_sentinel_password redis_sentinel_client_name redis_sentinel_tls_cert redis_sentinel_tls_key
        redis_sentinel_tls_cert_pem redis_sentinel_tls_key_pem redis_sentinel_tls_root_ca redis_sentinel_tls_root_ca_pem
        redis_sentinel_tls_server_name tarantool_user tarantool_password nats_url grpc_api_tls_root_ca
        grpc_api_tls_root_ca_pem grpc_api_tls_server_name uni_grpc_tls_root_ca uni_grpc_tls_root_ca_pem
        uni_grpc_tls_server_name
        """

    static let emptyLists =
        "allowed_origins proxy_http_headers proxy_grpc_metadata redis_cluster_address redis_sentinel_address"

    static let others: [String: ConfigValue] = [
        "engine": .string("memory"), "log_level": .string("info"), "shutdown_timeout": .string("30s"),
        "shutdown_termination_delay": .string("0s"), "node_info_metrics_aggregate_interval": .string("1m0s"),
        "client_channel_limit": .int(128), "client_queue_max_size": .int(1_048_576),
        "client_expired_close_delay": .string("25s"), "client_expired_sub_close_delay": .string("25s"),
        "client_stale_close_delay": .string("10s"), "client_presence_update_interval": .string("27s"),
        "client_channel_position_check_delay": .string("40s"), "client_history_max_publication_limit": .int(300),
        "client_recovery_max_publication_limit": .int(300), "ping_interval": .string("25s"),
        "pong_timeout": .string("8s"), "channel_max_length": .int(255), "channel_private_prefix": .string("$"),
        "channel_namespace_boundary": .string(":"), "channel_user_boundary": .string("#"),
        "channel_user_separator": .string(","), "rpc_namespace_boundary": .string(":"), "history_ttl": .string("0s"),
        "port": .string("8000"), "websocket_handler_prefix": .string("/connection/websocket"),
        "webtransport_handler_prefix": .string("/connection/webtransport"),
        "sockjs_handler_prefix": .string("/connection/sockjs"),
        "http_stream_handler_prefix": .string("/connection/http_stream"),
        "sse_handler_prefix": .string("/connection/sse"),
        "emulation_handler_prefix": .string("/emulation"),
        "uni_websocket_handler_prefix": .string("/connection/uni_websocket"),
        "uni_sse_handler_prefix": .string("/connection/uni_sse"),
        "uni_http_stream_handler_prefix": .string("/connection/uni_http_stream"), "api_handler_prefix": .string("/api"),
        "prometheus_handler_prefix": .string("/metrics"), "health_handler_prefix": .string("/health"),
        "emulation_max_request_body_size": .int(65536), "tls_autocert_http_addr": .string(":80"),
        "websocket_compression_level": .int(1), "websocket_ping_interval": .string("25s"),
        "websocket_write_timeout": .string("1s"), "websocket_message_size_limit": .int(65536),
        "sse_max_request_body_size": .int(65536), "http_stream_max_request_body_size": .int(65536),
        "sockjs_url": .string("https://cdn.jsdelivr.net/npm/sockjs-client@1/dist/sockjs.min.js"),
        "sockjs_heartbeat_delay": .string("25s"), "uni_websocket_compression_level": .int(1),
        "uni_websocket_ping_interval": .string("25s"), "uni_websocket_write_timeout": .string("1s"),
        "uni_websocket_message_size_limit": .int(65536), "uni_sse_max_request_body_size": .int(65536),
        "uni_http_stream_max_request_body_size": .int(65536), "uni_grpc_port": .int(11000),
        "uni_grpc_max_receive_message_size": .int(65536), "grpc_api_port": .int(10000),
        "graphite_host": .string("localhost"), "graphite_port": .int(2003), "graphite_prefix": .string("centrifugo"),
        "graphite_interval": .string("10s"), "proxy_connect_timeout": .string("1s"),
        "proxy_refresh_timeout": .string("1s"), "proxy_subscribe_timeout": .string("1s"),
        "proxy_publish_timeout": .string("1s"), "proxy_sub_refresh_timeout": .string("1s"),
        "proxy_rpc_timeout": .string("1s"), "history_meta_ttl": .string("2160h0m0s"), "presence_ttl": .string("1m0s"),
        "redis_address": .array([.string("redis://127.0.0.1:6379")]), "redis_prefix": .string("centrifugo"),
        "redis_connect_timeout": .string("1s"), "redis_io_timeout": .string("4s"),
        "tarantool_address": .array([.string("tcp://127.0.0.1:3301")]), "tarantool_mode": .string("standalone"),
        "nats_prefix": .string("centrifugo"), "nats_dial_timeout": .string("1s"), "nats_write_timeout": .string("1s"),
    ]

    static func words(_ text: String) -> [String] { text.split(whereSeparator: { $0.isWhitespace }).map(String.init) }

    static let expected: [String: ConfigValue] = {
        var result = others
        for key in words(falseBools) { result[key] = .bool(false) }
        for key in words(zeroInts) { result[key] = .int(0) }
        for key in words(emptyStrings) { result[key] = .string("") }
        for key in words(emptyLists) { result[key] = .array([]) }
        return result
    }()

    @Test func theSpecTableAndTheCatalogNameTheSameOptions() {
        let catalog = Set(OptionCatalog.table.filter { $0.kind != .objects }.map(\.key))
        #expect(Set(Self.expected.keys).subtracting(catalog).sorted() == [])
        #expect(catalog.subtracting(Self.expected.keys).sorted() == [])
        #expect(OptionCatalog.table.count == OptionCatalog.byKey.count)
    }

    @Test(arguments: expected.keys.sorted())
    func defaultOf(key: String) throws {
        #expect(RotorConfiguration().optionValues[key] == Self.expected[key])
        let loaded = try ConfigFixtures.load(json: "{}").configuration
        #expect(loaded.optionValues[key] == Self.expected[key])
    }

    @Test func objectListsDefaultToEmpty() throws {
        let config = try ConfigFixtures.load(json: "{}").configuration
        #expect(config.namespaces.isEmpty && config.rpcNamespaces.isEmpty && config.proxies.isEmpty)
        #expect(config.sources.isEmpty)
    }

    @Test func typedDefaultsSpotCheck() {
        let config = RotorConfiguration()
        #expect(config.client.pingInterval == .seconds(25))
        #expect(config.engine.historyMetaTTL == .seconds(90 * 24 * 3600))
        #expect(config.http.port == "8000")
        #expect(config.channels.channelPrivatePrefix == "$")
        #expect(config.topLevelChannelOptions == .init())
    }
}
