import RotorCore

/// Every Centrifugo v4.1.5 option (`server.md` §1.2, §2.3), typed, grouped by the spec's sections, with its
/// default. Options Rotor does not implement yet are read and kept too.
public struct RotorConfiguration: Sendable, Hashable {
    /// §1.2.1 general and node options.
    public var general = GeneralOptions()
    /// §1.2.2 token and authentication options.
    public var token = TokenOptions()
    /// §1.2.3 client connection options.
    public var client = ClientOptions()
    /// §1.2.4 channel boundaries, personal channels and rpc namespace options.
    public var channels = ChannelsOptions()
    /// §2.3 channel options at the top level (channels without namespace).
    public var topLevelChannelOptions = ChannelOptions()
    /// `namespaces`.
    public var namespaces: [ChannelNamespace] = []
    /// `rpc_namespaces`.
    public var rpcNamespaces: [RPCNamespace] = []
    /// §1.2.5 HTTP server options.
    public var http = HTTPOptions()
    /// §1.2.6 TLS options.
    public var tls = TLSOptions()
    /// §1.2.7 bidirectional transports.
    public var bidirectional = BidirectionalTransportOptions()
    /// §1.2.8 unidirectional transports.
    public var unidirectional = UnidirectionalTransportOptions()
    /// §1.2.9 server API.
    public var api = APIOptions()
    /// §1.2.10 admin.
    public var admin = AdminOptions()
    /// §1.2.11 monitoring.
    public var monitoring = MonitoringOptions()
    /// §1.2.12 proxy options.
    public var proxy = ProxyOptions()
    /// `proxies`: the named proxies of granular mode.
    public var proxies: [ProxyDefinition] = []
    /// §1.2.13 engines and brokers.
    public var engine = EngineOptions()
    /// Where each option that is not at its default came from (flag, environment variable or file), by key.
    public var sources: [String: ConfigSource] = [:]

    /// The Centrifugo v4.1.5 defaults.
    public init() {}

    /// Reads every option from `reader`; type and duration errors are thrown as they are met.
    init(reading reader: inout ConfigReader) throws(ConfigurationError) {
        general = try GeneralOptions(from: &reader)
        token = try TokenOptions(from: &reader)
        client = try ClientOptions(from: &reader)
        channels = try ChannelsOptions(from: &reader)
        topLevelChannelOptions = try ChannelOptions(topLevelFrom: &reader)
        var namespaceKeys = ChannelOptions.optionKeys
        namespaceKeys.insert("name")
        for object in try reader.objects("namespaces", known: namespaceKeys) {
            let name = try object.string("name") ?? ""
            namespaces.append(ChannelNamespace(name: name, options: try ChannelOptions(namespace: object)))
        }
        for object in try reader.objects("rpc_namespaces", known: RPCNamespace.fieldNames) {
            rpcNamespaces.append(try RPCNamespace(fields: object))
        }
        http = try HTTPOptions(from: &reader)
        tls = try TLSOptions(from: &reader)
        bidirectional = try BidirectionalTransportOptions(from: &reader)
        unidirectional = try UnidirectionalTransportOptions(from: &reader)
        api = try APIOptions(from: &reader)
        admin = try AdminOptions(from: &reader)
        monitoring = try MonitoringOptions(from: &reader)
        proxy = try ProxyOptions(from: &reader)
        for object in try reader.objects("proxies", known: ProxyDefinition.fieldNames) {
            proxies.append(try ProxyDefinition(fields: object))
        }
        engine = try EngineOptions(from: &reader)
        sources = reader.sources
    }

    /// The value of every scalar option by key, as resolved (durations in Go's text form, lists as arrays).
    public var optionValues: [String: ConfigValue] {
        var result = topLevelChannelOptions.topLevelValues
        let groups = [
            general.values, token.values, client.values, channels.values, http.values, tls.values,
            bidirectional.values, unidirectional.values, api.values, admin.values, monitoring.values, proxy.values,
            engine.values,
        ]
        for group in groups { result.merge(group) { first, _ in first } }
        return result
    }

    /// Where option `key` came from (`.defaultValue` when it was not set). When `key` itself was not set, the
    /// first `related` key that was set is named instead (the option that made `key` matter).
    public func source(of key: String, related: [String] = []) -> ConfigSource {
        for candidate in [key] + related {
            let base = String(candidate.prefix { $0 != "[" && $0 != "." })
            if let source = sources[base] { return source }
        }
        return .defaultValue
    }
}
