#!/usr/bin/env python3
"""Generates Sources/RotorConfig/Options/*.swift from the option table below (server.md §1.2, §2.3).

Run from the repository root: python3 scripts/codegen/config_options.py (then swift-format runs on the output).
Each row: key, kind, default, flags ("F" = CLI flag, "U" = read but not supported by Rotor yet), doc.
Kinds: bool, int, string, list, duration, seconds (duration in whole seconds).
"""
import re, os

SECTIONS = [
("GeneralOptions", "general", "General and node options (`server.md` §1.2.1).", [
 ("name", "string", "", "F", "Node name; empty means `<hostname>_<port>`."),
 ("engine", "string", "memory", "F", "Engine: `memory`, `redis` or `tarantool`."),
 ("broker", "string", "", "FU", "Broker replacing the engine's PUB/SUB: `\"\"` or `nats`."),
 ("gomaxprocs", "int", 0, "U", "Go scheduler threads; 0 = automatic."),
 ("debug", "bool", False, "FU", "Expose `/debug/pprof` on the internal port."),
 ("log_level", "string", "info", "F", "Log level: none, trace, debug, info, warn, error, fatal."),
 ("log_file", "string", "", "F", "Write logs to this file instead of standard error."),
 ("pid_file", "string", "", "F", "Write the process id to this file at start."),
 ("shutdown_timeout", "duration", "30s", "", "Longest graceful shutdown."),
 ("shutdown_termination_delay", "duration", "0", "", "Wait after graceful shutdown before exiting."),
 ("usage_stats_disable", "bool", False, "", "Disable anonymous usage statistics (Rotor never sends any)."),
 ("node_info_metrics_aggregate_interval", "duration", "60s", "", "How often a metrics snapshot is attached to node info."),
]),
("TokenOptions", "token", "Token and authentication options (`server.md` §1.2.2, §3).", [
 ("token_hmac_secret_key", "string", "", "", "HMAC secret enabling HS256/384/512."),
 ("token_rsa_public_key", "string", "", "", "PEM RSA public key or certificate enabling RS256/384/512."),
 ("token_ecdsa_public_key", "string", "", "", "PEM ECDSA public key or certificate enabling ES256/384/512."),
 ("token_jwks_public_endpoint", "string", "", "", "JWKS URL; when set all tokens are verified with its keys."),
 ("token_audience", "string", "", "", "Required `aud` value."),
 ("token_audience_regex", "string", "", "", "Regular expression one `aud` entry must match."),
 ("token_issuer", "string", "", "", "Required `iss` value."),
 ("token_issuer_regex", "string", "", "", "Regular expression `iss` must match."),
 ("client_insecure", "bool", False, "F", "Insecure client mode."),
 ("allow_anonymous_connect_without_token", "bool", False, "", "Accept connections without a token as anonymous."),
 ("disallow_anonymous_connection_tokens", "bool", False, "", "Reject connection tokens with an empty `sub`."),
 ("skip_user_check_in_subscription_token", "bool", False, "", "Do not compare a subscription token's `sub` with the user."),
]),
("ClientOptions", "client", "Client connection behaviour and limits (`server.md` §1.2.3).", [
 ("client_channel_limit", "int", 128, "", "Most channels per connection (0 means 128)."),
 ("client_queue_max_size", "int", 1048576, "", "Outgoing queue size per connection in bytes."),
 ("client_user_connection_limit", "int", 0, "", "Most connections per user on one node; 0 = unlimited."),
 ("client_connection_limit", "int", 0, "", "Most concurrent connections per node; 0 = unlimited."),
 ("client_connection_rate_limit", "int", 0, "", "New real-time connections per second; 0 = unlimited."),
 ("client_concurrency", "int", 0, "", "Commands of one connection processed concurrently (when > 1)."),
 ("client_expired_close_delay", "duration", "25s", "", "Grace time after connection expiry."),
 ("client_expired_sub_close_delay", "duration", "25s", "", "Grace time after subscription expiry."),
 ("client_stale_close_delay", "duration", "10s", "", "Close connections without a connect command after this long."),
 ("client_presence_update_interval", "duration", "27s", "", "Presence refresh period."),
 ("client_channel_position_check_delay", "duration", "40s", "", "Least time between stream position checks."),
 ("client_history_max_publication_limit", "int", 300, "", "Cap of a client history `limit`."),
 ("client_recovery_max_publication_limit", "int", 300, "", "Most publications loaded for a recovery."),
 ("ping_interval", "duration", "25s", "", "Server ping period (protocol v2); must exceed `pong_timeout`."),
 ("pong_timeout", "duration", "8s", "", "Time a client has to answer a ping."),
 ("use_client_protocol_v1_by_default", "bool", False, "", "Transports default to protocol v1."),
 ("disable_client_protocol_v1", "bool", False, "", "Reject protocol v1 connections."),
]),
("ChannelsOptions", "channels", "Channel, namespace and personal channel options (`server.md` §1.2.4, §2.3).", [
 ("channel_max_length", "int", 255, "", "Longest channel name for client subscribe (0 means 255)."),
 ("channel_private_prefix", "string", "$", "", "Private channel prefix."),
 ("channel_namespace_boundary", "string", ":", "", "Separates the namespace from the rest of a channel."),
 ("channel_user_boundary", "string", "#", "", "Starts the user list of a user-limited channel."),
 ("channel_user_separator", "string", ",", "", "Separates users in that list."),
 ("rpc_namespace_boundary", "string", ":", "", "Separates an RPC namespace from the method."),
 ("rpc_proxy_name", "string", "", "", "Granular mode: proxy for RPC methods without namespace."),
 ("user_subscribe_to_personal", "bool", False, "", "Subscribe each user to their personal channel."),
 ("user_personal_channel_namespace", "string", "", "", "Namespace of personal channels."),
 ("user_personal_single_connection", "bool", False, "", "Keep one connection per user."),
]),
("TopChannelOptions", "topLevel", None, [
 ("presence", "bool", False, "", "presence"),
 ("join_leave", "bool", False, "", "joinLeave"),
 ("force_push_join_leave", "bool", False, "", "forcePushJoinLeave"),
 ("history_size", "int", 0, "", "historySize"),
 ("history_ttl", "seconds", "0", "", "historyTTL"),
 ("force_positioning", "bool", False, "", "forcePositioning"),
 ("allow_positioning", "bool", False, "", "allowPositioning"),
 ("force_recovery", "bool", False, "", "forceRecovery"),
 ("allow_recovery", "bool", False, "", "allowRecovery"),
 ("allow_subscribe_for_client", "bool", False, "", "allowSubscribeForClient"),
 ("allow_subscribe_for_anonymous", "bool", False, "", "allowSubscribeForAnonymous"),
 ("allow_publish_for_subscriber", "bool", False, "", "allowPublishForSubscriber"),
 ("allow_publish_for_client", "bool", False, "", "allowPublishForClient"),
 ("allow_publish_for_anonymous", "bool", False, "", "allowPublishForAnonymous"),
 ("allow_presence_for_subscriber", "bool", False, "", "allowPresenceForSubscriber"),
 ("allow_presence_for_client", "bool", False, "", "allowPresenceForClient"),
 ("allow_presence_for_anonymous", "bool", False, "", "allowPresenceForAnonymous"),
 ("allow_history_for_subscriber", "bool", False, "", "allowHistoryForSubscriber"),
 ("allow_history_for_client", "bool", False, "", "allowHistoryForClient"),
 ("allow_history_for_anonymous", "bool", False, "", "allowHistoryForAnonymous"),
 ("allow_user_limited_channels", "bool", False, "", "allowUserLimitedChannels"),
 ("channel_regex", "string", "", "", "channelRegex"),
 ("proxy_subscribe", "bool", False, "", "proxySubscribe"),
 ("proxy_publish", "bool", False, "", "proxyPublish"),
 ("proxy_sub_refresh", "bool", False, "", "proxySubRefresh"),
 ("subscribe_proxy_name", "string", "", "", "subscribeProxyName"),
 ("publish_proxy_name", "string", "", "", "publishProxyName"),
 ("sub_refresh_proxy_name", "string", "", "", "subRefreshProxyName"),
]),
("HTTPOptions", "http", "HTTP server, port and endpoint options (`server.md` §1.2.5).", [
 ("address", "string", "", "F", "Bind address of the external HTTP server."),
 ("port", "string", "8000", "F", "External HTTP port."),
 ("internal_address", "string", "", "F", "Bind address of internal endpoints; empty = `address`."),
 ("internal_port", "string", "", "F", "Port of internal endpoints; empty = `port`."),
 ("allowed_origins", "list", [], "", "Origin patterns allowed for browser transports."),
 ("websocket_disable", "bool", False, "", "Disable the WebSocket endpoint."),
 ("api_disable", "bool", False, "", "Disable the HTTP API endpoint."),
 ("api_external", "bool", False, "F", "Serve the API on the external port."),
 ("admin_external", "bool", False, "F", "Serve admin on the external port."),
 ("websocket_handler_prefix", "string", "/connection/websocket", "", "WebSocket endpoint path."),
 ("webtransport_handler_prefix", "string", "/connection/webtransport", "", "WebTransport endpoint path."),
 ("sockjs_handler_prefix", "string", "/connection/sockjs", "", "SockJS endpoint path."),
 ("http_stream_handler_prefix", "string", "/connection/http_stream", "", "HTTP-streaming endpoint path."),
 ("sse_handler_prefix", "string", "/connection/sse", "", "SSE endpoint path."),
 ("emulation_handler_prefix", "string", "/emulation", "", "Emulation endpoint path."),
 ("uni_websocket_handler_prefix", "string", "/connection/uni_websocket", "", "Unidirectional WebSocket path."),
 ("uni_sse_handler_prefix", "string", "/connection/uni_sse", "", "Unidirectional SSE path."),
 ("uni_http_stream_handler_prefix", "string", "/connection/uni_http_stream", "", "Unidirectional HTTP-streaming path."),
 ("api_handler_prefix", "string", "/api", "", "HTTP API path."),
 ("admin_handler_prefix", "string", "", "", "Admin prefix (admin is at `<prefix>/`)."),
 ("prometheus_handler_prefix", "string", "/metrics", "", "Prometheus metrics path."),
 ("health_handler_prefix", "string", "/health", "", "Health check path."),
 ("emulation_max_request_body_size", "int", 65536, "", "Largest emulation request body."),
]),
("TLSOptions", "tls", "TLS, HTTP/3 and WebTransport options (`server.md` §1.2.6).", [
 ("tls", "bool", False, "F", "TLS for the HTTP servers."),
 ("tls_cert", "string", "", "F", "Path to the PEM certificate."),
 ("tls_key", "string", "", "F", "Path to the PEM key."),
 ("tls_cert_pem", "string", "", "", "Inline PEM certificate."),
 ("tls_key_pem", "string", "", "", "Inline PEM key."),
 ("tls_root_ca", "string", "", "", "Path to a root CA (client-side TLS only)."),
 ("tls_root_ca_pem", "string", "", "", "Inline root CA (client-side TLS only)."),
 ("tls_server_name", "string", "", "", "Server name for verification (client-side TLS only)."),
 ("tls_insecure_skip_verify", "bool", False, "", "Skip verification (client-side TLS only)."),
 ("tls_skip_verify", "bool", False, "", "Old name of `tls_insecure_skip_verify`."),
 ("tls_external", "bool", False, "F", "TLS only for the external-port server."),
 ("tls_autocert", "bool", False, "U", "ACME certificates."),
 ("tls_autocert_host_whitelist", "string", "", "U", "Comma-separated hosts allowed for ACME."),
 ("tls_autocert_cache_dir", "string", "", "U", "ACME certificate cache directory."),
 ("tls_autocert_email", "string", "", "U", "ACME contact e-mail."),
 ("tls_autocert_server_name", "string", "", "U", "SNI assumed when the client sends none."),
 ("tls_autocert_http", "bool", False, "U", "Serve the ACME http-01 challenge."),
 ("tls_autocert_http_addr", "string", ":80", "U", "Address of the http-01 challenge server."),
 ("http3", "bool", False, "U", "Experimental HTTP/3 (needs TLS, not with autocert)."),
 ("webtransport", "bool", False, "U", "Experimental WebTransport (needs `http3`)."),
]),
("BidirectionalTransportOptions", "bidirectional", "Bidirectional transport options (`server.md` §1.2.7).", [
 ("websocket_compression", "bool", False, "U", "permessage-deflate negotiation."),
 ("websocket_compression_level", "int", 1, "U", "Deflate level."),
 ("websocket_compression_min_size", "int", 0, "U", "Compress only frames at least this big."),
 ("websocket_read_buffer_size", "int", 0, "U", "I/O read buffer size."),
 ("websocket_write_buffer_size", "int", 0, "U", "I/O write buffer size."),
 ("websocket_use_write_buffer_pool", "bool", False, "U", "Pool write buffers."),
 ("websocket_ping_interval", "duration", "25s", "", "Transport ping period for protocol v1."),
 ("websocket_write_timeout", "duration", "1s", "", "Write deadline."),
 ("websocket_message_size_limit", "int", 65536, "", "Largest inbound message."),
 ("sse", "bool", False, "F", "Enable the SSE endpoint."),
 ("sse_max_request_body_size", "int", 65536, "", "Largest SSE request body."),
 ("http_stream", "bool", False, "F", "Enable the HTTP-streaming endpoint."),
 ("http_stream_max_request_body_size", "int", 65536, "", "Largest HTTP-streaming request body."),
 ("sockjs", "bool", False, "F", "Enable the SockJS endpoint."),
 ("sockjs_url", "string", "https://cdn.jsdelivr.net/npm/sockjs-client@1/dist/sockjs.min.js", "", "SockJS client script URL."),
 ("sockjs_heartbeat_delay", "duration", "25s", "", "SockJS heartbeat period."),
]),
("UnidirectionalTransportOptions", "unidirectional", "Unidirectional transport options (`server.md` §1.2.8).", [
 ("uni_websocket", "bool", False, "F", "Enable unidirectional WebSocket."),
 ("uni_websocket_compression", "bool", False, "U", "permessage-deflate for unidirectional WebSocket."),
 ("uni_websocket_compression_level", "int", 1, "U", "Deflate level."),
 ("uni_websocket_compression_min_size", "int", 0, "U", "Compress only frames at least this big."),
 ("uni_websocket_read_buffer_size", "int", 0, "U", "I/O read buffer size."),
 ("uni_websocket_write_buffer_size", "int", 0, "U", "I/O write buffer size."),
 ("uni_websocket_use_write_buffer_pool", "bool", False, "U", "Pool write buffers."),
 ("uni_websocket_ping_interval", "duration", "25s", "", "WebSocket ping period."),
 ("uni_websocket_write_timeout", "duration", "1s", "", "Write deadline."),
 ("uni_websocket_message_size_limit", "int", 65536, "", "Largest inbound connect message."),
 ("uni_sse", "bool", False, "F", "Enable unidirectional SSE."),
 ("uni_sse_max_request_body_size", "int", 65536, "", "Largest POST body."),
 ("uni_http_stream", "bool", False, "F", "Enable unidirectional HTTP-streaming."),
 ("uni_http_stream_max_request_body_size", "int", 65536, "", "Largest request body."),
 ("uni_grpc", "bool", False, "FU", "Enable the unidirectional gRPC server."),
 ("uni_grpc_address", "string", "", "U", "Its bind address."),
 ("uni_grpc_port", "int", 11000, "FU", "Its port."),
 ("uni_grpc_max_receive_message_size", "int", 65536, "U", "Its largest received message."),
 ("uni_grpc_tls", "bool", False, "U", "Its own TLS."),
 ("uni_grpc_tls_disable", "bool", False, "U", "Do not inherit global TLS."),
 ("uni_grpc_tls_cert", "string", "", "U", "Its certificate path."),
 ("uni_grpc_tls_key", "string", "", "U", "Its key path."),
 ("uni_grpc_tls_cert_pem", "string", "", "U", "Its inline certificate."),
 ("uni_grpc_tls_key_pem", "string", "", "U", "Its inline key."),
 ("uni_grpc_tls_root_ca", "string", "", "U", "Read by the shared TLS helper; no effect on a server."),
 ("uni_grpc_tls_root_ca_pem", "string", "", "U", "Read by the shared TLS helper; no effect on a server."),
 ("uni_grpc_tls_server_name", "string", "", "U", "Read by the shared TLS helper; no effect on a server."),
 ("uni_grpc_tls_insecure_skip_verify", "bool", False, "U", "Read by the shared TLS helper; no effect on a server."),
 ("uni_grpc_tls_skip_verify", "bool", False, "U", "Old name of `uni_grpc_tls_insecure_skip_verify`."),
]),
("APIOptions", "api", "Server API options (`server.md` §1.2.9).", [
 ("api_key", "string", "", "", "HTTP API key."),
 ("api_insecure", "bool", False, "F", "No API key check."),
 ("v5_api", "bool", False, "", "Also serve per-method API routes."),
 ("grpc_api", "bool", False, "FU", "Enable the gRPC API server."),
 ("grpc_api_address", "string", "", "U", "Its bind address."),
 ("grpc_api_port", "int", 10000, "FU", "Its port."),
 ("grpc_api_key", "string", "", "U", "Its key (independent of `api_key`)."),
 ("grpc_api_tls", "bool", False, "FU", "Its own TLS."),
 ("grpc_api_tls_disable", "bool", False, "FU", "Do not inherit global TLS."),
 ("grpc_api_tls_cert", "string", "", "FU", "Its certificate path."),
 ("grpc_api_tls_key", "string", "", "FU", "Its key path."),
 ("grpc_api_tls_cert_pem", "string", "", "U", "Its inline certificate."),
 ("grpc_api_tls_key_pem", "string", "", "U", "Its inline key."),
 ("grpc_api_tls_root_ca", "string", "", "U", "Read by the shared TLS helper; no effect on a server."),
 ("grpc_api_tls_root_ca_pem", "string", "", "U", "Read by the shared TLS helper; no effect on a server."),
 ("grpc_api_tls_server_name", "string", "", "U", "Read by the shared TLS helper; no effect on a server."),
 ("grpc_api_tls_insecure_skip_verify", "bool", False, "U", "Read by the shared TLS helper; no effect on a server."),
 ("grpc_api_tls_skip_verify", "bool", False, "U", "Old name of `grpc_api_tls_insecure_skip_verify`."),
]),
("AdminOptions", "admin", "Admin options (`server.md` §1.2.10).", [
 ("admin", "bool", False, "F", "Enable the admin UI and API."),
 ("admin_password", "string", "", "", "Admin login password."),
 ("admin_secret", "string", "", "", "Key of admin session tokens."),
 ("admin_insecure", "bool", False, "F", "No admin authentication."),
 ("admin_web_path", "string", "", "U", "Serve the UI from this directory."),
 ("admin_web_proxy_address", "string", "", "U", "Reverse-proxy UI requests here."),
]),
("MonitoringOptions", "monitoring", "Monitoring options (`server.md` §1.2.11).", [
 ("prometheus", "bool", False, "F", "Expose Prometheus metrics."),
 ("health", "bool", False, "F", "Expose the health check."),
 ("graphite", "bool", False, "U", "Push metrics to Graphite."),
 ("graphite_host", "string", "localhost", "U", "Graphite host."),
 ("graphite_port", "int", 2003, "U", "Graphite port."),
 ("graphite_prefix", "string", "centrifugo", "U", "Graphite metric prefix."),
 ("graphite_interval", "duration", "10s", "U", "Graphite push period."),
 ("graphite_tags", "bool", False, "U", "Use Graphite tags."),
]),
("ProxyOptions", "proxy", "Proxy options (`server.md` §1.2.12, §5).", [
 ("proxy_connect_endpoint", "string", "", "", "Connect proxy endpoint."),
 ("proxy_connect_timeout", "duration", "1s", "", "Connect proxy timeout."),
 ("proxy_refresh_endpoint", "string", "", "", "Refresh proxy endpoint."),
 ("proxy_refresh_timeout", "duration", "1s", "", "Refresh proxy timeout."),
 ("proxy_subscribe_endpoint", "string", "", "", "Subscribe proxy endpoint."),
 ("proxy_subscribe_timeout", "duration", "1s", "", "Subscribe proxy timeout."),
 ("proxy_publish_endpoint", "string", "", "", "Publish proxy endpoint."),
 ("proxy_publish_timeout", "duration", "1s", "", "Publish proxy timeout."),
 ("proxy_sub_refresh_endpoint", "string", "", "", "Sub-refresh proxy endpoint."),
 ("proxy_sub_refresh_timeout", "duration", "1s", "", "Sub-refresh proxy timeout."),
 ("proxy_rpc_endpoint", "string", "", "", "RPC proxy endpoint."),
 ("proxy_rpc_timeout", "duration", "1s", "", "RPC proxy timeout."),
 ("proxy_http_headers", "list", [], "", "Request headers forwarded to proxies."),
 ("proxy_grpc_metadata", "list", [], "", "gRPC metadata keys forwarded to proxies."),
 ("proxy_binary_encoding", "bool", False, "", "Send base64 data to proxies."),
 ("proxy_include_connection_meta", "bool", False, "", "Add connection meta to proxy requests."),
 ("proxy_grpc_cert_file", "string", "", "U", "TLS certificate file of the gRPC proxy client."),
 ("proxy_grpc_credentials_key", "string", "", "U", "Per-RPC metadata key for gRPC proxies."),
 ("proxy_grpc_credentials_value", "string", "", "U", "Per-RPC metadata value for gRPC proxies."),
 ("granular_proxy_mode", "bool", False, "", "Use named proxies (`proxies`)."),
 ("connect_proxy_name", "string", "", "", "Granular mode: connect proxy name."),
 ("refresh_proxy_name", "string", "", "", "Granular mode: refresh proxy name."),
]),
("EngineOptions", "engine", "Engine and broker options (`server.md` §1.2.13).", [
 ("history_meta_ttl", "seconds", "2160h", "", "TTL of stream metadata."),
 ("presence_ttl", "seconds", "60s", "", "Presence entry TTL."),
 ("redis_address", "list", ["redis://127.0.0.1:6379"], "F", "Redis addresses, one per shard."),
 ("redis_prefix", "string", "centrifugo", "", "Redis key prefix."),
 ("redis_connect_timeout", "duration", "1s", "", "Redis connect timeout."),
 ("redis_io_timeout", "duration", "4s", "", "Redis read/write timeout."),
 ("redis_db", "int", 0, "", "Redis database."),
 ("redis_user", "string", "", "", "Redis user."),
 ("redis_password", "string", "", "", "Redis password."),
 ("redis_client_name", "string", "", "", "Redis client name."),
 ("redis_use_lists", "bool", False, "", "Lists instead of streams for history."),
 ("redis_force_resp2", "bool", False, "", "Force RESP2."),
 ("redis_tls", "bool", False, "", "Redis TLS."),
 ("redis_tls_cert", "string", "", "", "Redis TLS certificate path."),
 ("redis_tls_key", "string", "", "", "Redis TLS key path."),
 ("redis_tls_cert_pem", "string", "", "", "Redis TLS inline certificate."),
 ("redis_tls_key_pem", "string", "", "", "Redis TLS inline key."),
 ("redis_tls_root_ca", "string", "", "", "Redis TLS root CA path."),
 ("redis_tls_root_ca_pem", "string", "", "", "Redis TLS inline root CA."),
 ("redis_tls_server_name", "string", "", "", "Redis TLS server name."),
 ("redis_tls_insecure_skip_verify", "bool", False, "", "Skip Redis TLS verification."),
 ("redis_tls_skip_verify", "bool", False, "", "Old name of `redis_tls_insecure_skip_verify`."),
 ("redis_cluster_address", "list", [], "", "Redis Cluster seeds, one comma-separated list per shard."),
 ("redis_sentinel_address", "list", [], "", "Redis Sentinels, one comma-separated list per shard."),
 ("redis_sentinel_master_name", "string", "", "", "Sentinel master name."),
 ("redis_sentinel_user", "string", "", "", "Sentinel user."),
 ("redis_sentinel_password", "string", "", "", "Sentinel password."),
 ("redis_sentinel_client_name", "string", "", "", "Sentinel client name."),
 ("redis_sentinel_tls", "bool", False, "", "Sentinel TLS."),
 ("redis_sentinel_tls_cert", "string", "", "", "Sentinel TLS certificate path."),
 ("redis_sentinel_tls_key", "string", "", "", "Sentinel TLS key path."),
 ("redis_sentinel_tls_cert_pem", "string", "", "", "Sentinel TLS inline certificate."),
 ("redis_sentinel_tls_key_pem", "string", "", "", "Sentinel TLS inline key."),
 ("redis_sentinel_tls_root_ca", "string", "", "", "Sentinel TLS root CA path."),
 ("redis_sentinel_tls_root_ca_pem", "string", "", "", "Sentinel TLS inline root CA."),
 ("redis_sentinel_tls_server_name", "string", "", "", "Sentinel TLS server name."),
 ("redis_sentinel_tls_insecure_skip_verify", "bool", False, "", "Skip Sentinel TLS verification."),
 ("redis_sentinel_tls_skip_verify", "bool", False, "", "Old name of `redis_sentinel_tls_insecure_skip_verify`."),
 ("tarantool_address", "list", ["tcp://127.0.0.1:3301"], "FU", "Tarantool addresses, one comma-separated list per shard."),
 ("tarantool_mode", "string", "standalone", "U", "standalone, leader-follower or leader-follower-raft."),
 ("tarantool_user", "string", "", "U", "Tarantool user."),
 ("tarantool_password", "string", "", "U", "Tarantool password."),
 ("nats_url", "string", "", "FU", "NATS URL; empty = `nats://127.0.0.1:4222`."),
 ("nats_prefix", "string", "centrifugo", "U", "NATS subject prefix."),
 ("nats_dial_timeout", "duration", "1s", "U", "NATS dial timeout."),
 ("nats_write_timeout", "duration", "1s", "U", "NATS write timeout."),
]),
]

UNITS = [("h", 3600*10**9), ("ms", 10**6), ("us", 10**3), ("m", 60*10**9), ("s", 10**9)]
def nanos(s):
    if s == "0": return 0
    total = 0
    for num, unit in re.findall(r"([0-9.]+)(h|ms|us|m|s)", s):
        total += int(float(num) * dict(UNITS)[unit])
    return total

def camel(key):
    parts = key.split("_")
    special = {"api": "API", "http": "HTTP", "tls": "TLS", "grpc": "GRPC", "ttl": "TTL", "url": "URL", "rsa": "RSA",
               "ecdsa": "ECDSA", "hmac": "HMAC", "jwks": "JWKS", "rpc": "RPC", "sse": "SSE", "pem": "PEM", "ca": "CA",
               "db": "DB", "id": "ID", "v5": "V5", "v1": "V1", "http3": "HTTP3", "resp2": "RESP2", "addr": "Addr"}
    out = []
    for i, p in enumerate(parts):
        if i == 0:
            out.append(p if p not in special else special[p].lower())
        else:
            out.append(special.get(p, p.capitalize()))
    name = "".join(out)
    if name in ("tls", "admin", "health", "prometheus", "graphite", "sse", "sockjs", "debug", "name", "engine",
                "broker", "address", "port", "http3", "webtransport", "grpcAPI", "uniGRPC", "uniSSE", "uniWebsocket",
                "uniHTTPStream", "httpStream", "redisTLS", "redisSentinelTLS", "grpcAPITLS", "uniGRPCTLS"):
        pass
    return name

def swift_type(kind):
    return {"bool": "Bool", "int": "Int", "string": "String", "list": "[String]", "duration": "Duration",
            "seconds": "Duration"}[kind]

def swift_default(kind, d):
    if kind == "bool": return "true" if d else "false"
    if kind == "int": return str(d)
    if kind == "string": return '"%s"' % d
    if kind == "list": return "[" + ", ".join('"%s"' % x for x in d) + "]"
    n = nanos(d)
    if n == 0: return ".zero"
    if n % 10**9 == 0: return ".seconds(%d)" % (n // 10**9)
    return ".milliseconds(%d)" % (n // 10**6)

def config_value(kind, d):
    if kind == "bool": return ".bool(%s)" % ("true" if d else "false")
    if kind == "int": return ".int(%d)" % d
    if kind == "list": return ".array([" + ", ".join('.string("%s")' % x for x in d) + "])"
    return '.string("%s")' % d

def reader_call(kind, key):
    fn = {"bool": "bool", "int": "int", "string": "string", "list": "stringList", "duration": "duration",
          "seconds": "secondsDuration"}[kind]
    return 'try reader.%s("%s")' % (fn, key)

KIND_CASE = {"bool": ".bool", "int": ".int", "string": ".string", "list": ".stringList", "duration": ".duration",
             "seconds": ".secondsDuration"}

HEADER = "// Generated by scripts/codegen/config_options.py from the option table of server.md §1.2; do not edit.\n\n"
out_dir = "Sources/RotorConfig/Options"
os.makedirs(out_dir, exist_ok=True)

catalog = []
for struct, prop, doc, rows in SECTIONS:
    for key, kind, d, flags, text in rows:
        catalog.append('        OptionSpec(key: "%s", kind: %s, defaultValue: %s, hasFlag: %s, supported: %s),' % (
            key, KIND_CASE[kind], config_value(kind, d), "true" if "F" in flags else "false",
            "false" if "U" in flags else "true"))
    if struct == "TopChannelOptions":
        lines = [HEADER + "import RotorCore\n",
                 "extension ChannelOptions {",
                 "    /// Reads the top-level channel options (`server.md` §2.3), which apply to channels without namespace.",
                 "    init(topLevelFrom reader: inout ConfigReader) throws(ConfigurationError) {",
                 "        self.init()"]
        for key, kind, d, flags, swift in rows:
            lines.append("        %s = %s" % (swift, reader_call(kind, key)))
        lines += ["    }", "", "    /// Reads the options of one namespace object; absent fields keep the default (no inheritance).",
                  "    init(namespace fields: ObjectFields) throws(ConfigurationError) {", "        self.init()"]
        for key, kind, d, flags, swift in rows:
            fn = {"bool": "bool", "int": "int", "string": "string", "seconds": "duration"}[kind]
            lines.append('        if let value = try fields.%s("%s") { %s = value }' % (fn, key, swift))
        lines += ["    }", "", "    /// The keys of channel options (`server.md` §2.3).",
                  "    static let optionKeys: Set<String> = ["]
        for key, kind, d, flags, swift in rows:
            lines.append('        "%s",' % key)
        lines += ["    ]", "", "    /// The top-level channel options by configuration key.",
                  "    var topLevelValues: [String: ConfigValue] {", "        ["]
        for key, kind, d, flags, swift in rows:
            lines.append('            "%s": %s,' % (key, {"bool": ".bool(%s)", "int": ".int(%s)", "string": ".string(%s)",
                "seconds": ".string(GoDuration(%s).description)"}[kind] % swift))
        lines += ["        ]", "    }", "}", ""]
        open(os.path.join(out_dir, "ChannelOptions+TopLevel.swift"), "w").write("\n".join(lines))
        continue
    lines = [HEADER + "/// " + doc, "public struct %s: Sendable, Hashable {" % struct]
    for key, kind, d, flags, text in rows:
        note = " Not supported by Rotor yet." if "U" in flags else ""
        lines.append("    /// `%s`: %s%s" % (key, text, note))
        lines.append("    public var %s: %s = %s" % (camel(key), swift_type(kind), swift_default(kind, d)))
    lines += ["", "    /// The Centrifugo v4.1.5 defaults.", "    public init() {}", "",
              "    /// Reads every option of this group.",
              "    init(from reader: inout ConfigReader) throws(ConfigurationError) {"]
    for key, kind, d, flags, text in rows:
        lines.append("        %s = %s" % (camel(key), reader_call(kind, key)))
    lines += ["    }", "", "    /// The options of this group by configuration key, as resolved values.",
              "    var values: [String: ConfigValue] {", "        ["]
    for key, kind, d, flags, text in rows:
        v = camel(key)
        expr = {"bool": ".bool(%s)", "int": ".int(%s)", "string": ".string(%s)",
                "list": ".array(%s.map(ConfigValue.string))", "duration": ".string(GoDuration(%s).description)",
                "seconds": ".string(GoDuration(%s).description)"}[kind] % v
        lines.append('            "%s": %s,' % (key, expr))
    lines += ["        ]", "    }", "}", ""]
    open(os.path.join(out_dir, struct + ".swift"), "w").write("\n".join(lines))

objects = [
 '        OptionSpec(key: "namespaces", kind: .objects, defaultValue: .array([]), hasFlag: false, supported: true),',
 '        OptionSpec(key: "rpc_namespaces", kind: .objects, defaultValue: .array([]), hasFlag: false, supported: true),',
 '        OptionSpec(key: "proxies", kind: .objects, defaultValue: .array([]), hasFlag: false, supported: true),',
]
open(os.path.join(out_dir, "OptionCatalog+Table.swift"), "w").write(HEADER + "\n".join([
 "extension OptionCatalog {",
 "    /// Every option Centrifugo v4.1.5 reads, with its default (built-in, else the bound flag's default).",
 "    static let table: [OptionSpec] = [",
] + catalog + objects + ["    ]", "}", ""]))
print(len(catalog) + 3, "options")

# Keep the output in the house format (120 columns).
import subprocess
subprocess.run(["swift", "format", "format", "-i", "-r", out_dir], check=True)
