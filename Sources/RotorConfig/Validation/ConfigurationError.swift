import RotorCore
import RotorTokens

/// A configuration the server must refuse to start with (`server.md` §1.1, §1.3): where the bad value came
/// from, its key, and what is wrong.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the offending value came from (the file path, an environment variable, a flag).
    public var source: ConfigSource
    /// The key at fault, e.g. `namespaces[2].history_ttl`; `""` when the whole file is at fault.
    public var key: String
    /// What is wrong.
    public var problem: ConfigProblem

    /// An error about `key` from `source`.
    public init(source: ConfigSource, key: String, problem: ConfigProblem) {
        self.source = source
        self.key = key
        self.problem = problem
    }

    /// `<source>: <key>: <problem>`, e.g. `config.json: namespaces[2].history_ttl: namespace chat: both history
    /// size and history ttl required for history`.
    public var description: String {
        key.isEmpty ? "\(source): \(problem)" : "\(source): \(key): \(problem)"
    }
}

/// What is wrong with a configuration value; `description` is Centrifugo's message where it has one.
public enum ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file exists but is not valid JSON.
    case jsonSyntax(JSONSyntaxError)
    /// The file exists but is not valid YAML or TOML (or cannot be decoded as text).
    case fileSyntax(String)
    /// The file's top level is not an object.
    case notAnObject
    /// The value has the wrong type (`expected` a bool, `found` a string …).
    case typeMismatch(expected: String, found: String)
    /// A duration that does not parse or is below the key's resolution; the text is Centrifugo's reason.
    case malformedDuration(key: String, reason: String)
    /// A channel rule that Centrifugo refuses (`ChannelRules`).
    case channel(ChannelConfigurationError)
    /// A token option that Centrifugo refuses (`TokenConfiguration`).
    case token(TokenConfigurationError)
    /// `ping_interval` is not greater than `pong_timeout`.
    case pingIntervalNotAbovePongTimeout(ping: GoDuration, pong: GoDuration)
    /// `engine` is not memory, redis or tarantool.
    case unknownEngine(String)
    /// `broker` is not empty or nats.
    case unknownBroker(String)
    /// `tarantool_mode` is not one of the three modes.
    case unknownTarantoolMode(String)
    /// A Redis Cluster seed is not `host:port`.
    case malformedRedisClusterAddress(String)
    /// A Redis Sentinel address is not `host:port`.
    case malformedRedisSentinelAddress(String)
    /// Sentinel addresses without `redis_sentinel_master_name`.
    case sentinelMasterNameMissing
    /// An rpc namespace name does not match `^[-a-zA-Z0-9_.]{2,}$`.
    case invalidRPCNamespaceName(String)
    /// Two rpc namespaces share a name.
    case duplicateRPCNamespaceName(String)
    /// A granular proxy name does not match `^[-a-zA-Z0-9_.]{2,}$`.
    case invalidProxyName(String)
    /// Two granular proxies share a name.
    case duplicateProxyName(String)
    /// A granular proxy without `endpoint`.
    case missingProxyEndpoint(String)
    /// A `*_proxy_name` option names no configured proxy; `kind` is `connect`, `subscribe`, `rpc` …
    case proxyNotFound(kind: String, name: String)
    /// `webtransport` without `http3`.
    case webtransportWithoutHTTP3
    /// `http3` without TLS.
    case http3WithoutTLS
    /// `http3` together with `tls_autocert`.
    case http3WithAutocert

    /// The message for the startup log.
    public var description: String {
        switch self {
        case .jsonSyntax(let error): error.description
        case .fileSyntax(let reason): "configuration error: \(reason)"
        case .notAnObject: "configuration error: the top level must be an object"
        case .typeMismatch(let expected, let found): "expected \(expected), found \(found)"
        case .malformedDuration(let key, let reason): "malformed duration for key '\(key)': \(reason)"
        case .channel(let error): error.description
        case .token(let error): error.description
        case .pingIntervalNotAbovePongTimeout(let ping, let pong):
            "ping_interval (\(ping)) must be greater than pong_timeout (\(pong))"
        case .unknownEngine(let name): "unknown engine: \(name)"
        case .unknownBroker(let name): "unknown broker: \(name)"
        case .unknownTarantoolMode(let mode): "unknown Tarantool mode: \(mode)"
        case .malformedRedisClusterAddress(let address): "malformed Redis Cluster address: \(address)"
        case .malformedRedisSentinelAddress(let address): "malformed Redis Sentinel address: \(address)"
        case .sentinelMasterNameMissing: "master name must be set when using Redis Sentinel"
        case .invalidRPCNamespaceName(let name):
            "rpc namespace \(name): invalid rpc namespace name \u{2013} \(name) (must match ^[-a-zA-Z0-9_.]{2,}$ regular expression)"
        case .duplicateRPCNamespaceName(let name): "rpc namespace name must be unique: \(name)"
        case .invalidProxyName(let name):
            "invalid proxy name: \(name), must match ^[-a-zA-Z0-9_.]{2,}$ regular expression"
        case .duplicateProxyName(let name): "duplicate proxy name: \(name)"
        case .missingProxyEndpoint(let name): "no endpoint set for proxy \(name)"
        case .proxyNotFound(let kind, let name): "\(kind) proxy not found: \(name)"
        case .webtransportWithoutHTTP3: "can not enable webtransport without experimental HTTP/3"
        case .http3WithoutTLS: "HTTP/3 requires TLS configured"
        case .http3WithAutocert: "can not use HTTP/3 with autocert"
        }
    }
}
