import RotorCore
import RotorNode
import RotorTokens

/// A node configuration built from a recording's `config` JSON (test-only mapping of the keys the recordings
/// use). Keys that change behaviour but are not mapped make the scenario skip.
struct ReplayConfiguration {
    var client = ClientConfiguration()
    var channels = ChannelConfiguration()
    var hmacSecretKey = ""
    var rsaPublicKeyPEM = ""
    var ecdsaPublicKeyPEM = ""

    /// Keys that only concern the server shell (listeners, transports, HTTP API auth) or nothing at all.
    static let shellKeys: Set<String> = [
        "health", "address", "port", "usage_stats_disable", "api_key", "http_stream", "sse", "uni_websocket",
        "uni_sse", "uni_http_stream", "sockjs", "disable_client_protocol_v1", "websocket_compression",
    ]

    init(_ config: [String: JSONValue]) throws(ReplaySkip) {
        var topLevel = ChannelOptions()
        for (key, value) in config.sorted(by: { $0.key < $1.key }) {
            if Self.shellKeys.contains(key) { continue }
            if try Self.apply(key, value, to: &topLevel) { continue }
            if try applyClient(key, value) { continue }
            if try applyChannels(key, value) { continue }
            switch key {
            case "token_hmac_secret_key": hmacSecretKey = try Self.string(key, value)
            case "token_rsa_public_key": rsaPublicKeyPEM = try Self.string(key, value)
            case "token_ecdsa_public_key": ecdsaPublicKeyPEM = try Self.string(key, value)
            case "namespaces":
                for entry in value.arrayValue ?? [] {
                    channels.namespaces.append(try Self.namespace(entry))
                }
            default:
                throw ReplaySkip("config key '\(key)' is not mapped by the replayer")
            }
        }
        channels.topLevel = topLevel
    }

    /// The node configuration; invalid channel settings skip the scenario.
    func nodeConfiguration() throws(ReplaySkip) -> NodeConfiguration {
        do {
            return NodeConfiguration(client: client, rules: try ChannelRules(channels))
        } catch {
            throw ReplaySkip("channel configuration rejected: \(error)")
        }
    }

    /// The token verifier for the configured keys.
    func tokenVerifier() throws(ReplaySkip) -> JWTTokenVerifier {
        do {
            let configuration = try TokenConfiguration(
                hmacSecretKey: hmacSecretKey, rsaPublicKeyPEM: rsaPublicKeyPEM, ecdsaPublicKeyPEM: ecdsaPublicKeyPEM)
            return JWTTokenVerifier(configuration: configuration)
        } catch {
            throw ReplaySkip("token configuration rejected: \(error)")
        }
    }

    private mutating func applyClient(_ key: String, _ value: JSONValue) throws(ReplaySkip) -> Bool {
        switch key {
        case "client_channel_limit": client.channelLimit = try Self.int(key, value)
        case "client_user_connection_limit": client.userConnectionLimit = try Self.int(key, value)
        case "client_history_max_publication_limit": client.historyMaxPublicationLimit = try Self.int(key, value)
        case "client_recovery_max_publication_limit": client.recoveryMaxPublicationLimit = try Self.int(key, value)
        case "client_stale_close_delay": client.staleCloseDelay = try Self.duration(key, value)
        case "client_expired_close_delay": client.expiredCloseDelay = try Self.duration(key, value)
        case "client_expired_sub_close_delay": client.expiredSubCloseDelay = try Self.duration(key, value)
        case "client_presence_update_interval": client.presenceUpdateInterval = try Self.duration(key, value)
        case "ping_interval": client.pingInterval = try Self.duration(key, value)
        case "pong_timeout": client.pongTimeout = try Self.duration(key, value)
        case "history_meta_ttl": client.historyMetaTTL = try Self.duration(key, value)
        case "allow_anonymous_connect_without_token":
            client.allowAnonymousConnectWithoutToken = try Self.bool(key, value)
        case "disallow_anonymous_connection_tokens":
            client.disallowAnonymousConnectionTokens = try Self.bool(key, value)
        default: return false
        }
        return true
    }

    private mutating func applyChannels(_ key: String, _ value: JSONValue) throws(ReplaySkip) -> Bool {
        switch key {
        case "channel_max_length": channels.channelMaxLength = try Self.int(key, value)
        case "channel_private_prefix": channels.privatePrefix = try Self.string(key, value)
        case "channel_namespace_boundary": channels.namespaceBoundary = try Self.string(key, value)
        case "channel_user_boundary": channels.userBoundary = try Self.string(key, value)
        case "channel_user_separator": channels.userSeparator = try Self.string(key, value)
        case "user_subscribe_to_personal": channels.userSubscribeToPersonal = try Self.bool(key, value)
        case "user_personal_channel_namespace": channels.userPersonalChannelNamespace = try Self.string(key, value)
        case "user_personal_single_connection": channels.userPersonalSingleConnection = try Self.bool(key, value)
        case "client_insecure": channels.clientInsecure = try Self.bool(key, value)
        default: return false
        }
        return true
    }

    static func namespace(_ entry: JSONValue) throws(ReplaySkip) -> ChannelNamespace {
        guard let members = entry.objectValue, let name = members["name"]?.stringValue else {
            throw ReplaySkip("namespace without a name")
        }
        var options = ChannelOptions()
        for (key, value) in members.sorted(by: { $0.key < $1.key }) where key != "name" {
            guard try apply(key, value, to: &options) else {
                throw ReplaySkip("namespace option '\(key)' is not mapped by the replayer")
            }
        }
        return ChannelNamespace(name: name, options: options)
    }

    static var booleanOptions: [String: WritableKeyPath<ChannelOptions, Bool>] {
        [
            "presence": \.presence, "join_leave": \.joinLeave, "force_push_join_leave": \.forcePushJoinLeave,
            "force_positioning": \.forcePositioning, "allow_positioning": \.allowPositioning,
            "force_recovery": \.forceRecovery, "allow_recovery": \.allowRecovery,
            "allow_subscribe_for_client": \.allowSubscribeForClient,
            "allow_subscribe_for_anonymous": \.allowSubscribeForAnonymous,
            "allow_publish_for_subscriber": \.allowPublishForSubscriber,
            "allow_publish_for_client": \.allowPublishForClient,
            "allow_publish_for_anonymous": \.allowPublishForAnonymous,
            "allow_presence_for_subscriber": \.allowPresenceForSubscriber,
            "allow_presence_for_client": \.allowPresenceForClient,
            "allow_presence_for_anonymous": \.allowPresenceForAnonymous,
            "allow_history_for_subscriber": \.allowHistoryForSubscriber,
            "allow_history_for_client": \.allowHistoryForClient,
            "allow_history_for_anonymous": \.allowHistoryForAnonymous,
            "allow_user_limited_channels": \.allowUserLimitedChannels,
        ]
    }

    /// Applies a channel option; false if `key` is not one.
    static func apply(_ key: String, _ value: JSONValue, to options: inout ChannelOptions) throws(ReplaySkip) -> Bool {
        if let path = booleanOptions[key] {
            options[keyPath: path] = try bool(key, value)
            return true
        }
        switch key {
        case "history_size": options.historySize = try int(key, value)
        case "history_ttl": options.historyTTL = try duration(key, value)
        case "channel_regex": options.channelRegex = try string(key, value)
        default: return false
        }
        return true
    }

    static func bool(_ key: String, _ value: JSONValue) throws(ReplaySkip) -> Bool {
        guard let result = value.boolValue else { throw ReplaySkip("config key '\(key)' is not a boolean") }
        return result
    }

    static func int(_ key: String, _ value: JSONValue) throws(ReplaySkip) -> Int {
        guard let result = value.intValue else { throw ReplaySkip("config key '\(key)' is not an integer") }
        return result
    }

    static func string(_ key: String, _ value: JSONValue) throws(ReplaySkip) -> String {
        guard let result = value.stringValue else { throw ReplaySkip("config key '\(key)' is not a string") }
        return result
    }

    static func duration(_ key: String, _ value: JSONValue) throws(ReplaySkip) -> Duration {
        guard let text = value.stringValue, let result = GoDuration.parse(text) else {
            throw ReplaySkip("config key '\(key)' is not a Go duration string")
        }
        return result
    }
}

/// Go's `time.ParseDuration` format for the values the recordings use: `300s`, `1m30s`, `500ms`, `1.5h`.
enum GoDuration {
    static func parse(_ text: String) -> Duration? {
        if text == "0" { return .zero }
        var remaining = Substring(text)
        var total = Duration.zero
        let units: [(String, Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
        ]
        while !remaining.isEmpty {
            let number = remaining.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let amount = Double(number) else { return nil }
            remaining = remaining.dropFirst(number.count)
            guard let (unit, scale) = units.first(where: { remaining.hasPrefix($0.0) }) else { return nil }
            remaining = remaining.dropFirst(unit.count)
            total += .nanoseconds(Int64((amount * scale * 1e9).rounded()))
        }
        return total
    }
}
