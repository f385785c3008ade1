/// The channel rules of one configuration: how channel names are read and who may do what in them
/// (`server.md` §2, §6; `client-protocol.md` §6.1–§6.6).
///
/// Built once from a `ChannelConfiguration` (which it validates as Centrifugo v4.1.5 does at startup);
/// every method is a pure function of the configuration and its arguments. All name handling is byte-wise,
/// like Go's `strings` functions, never by `Character`.
public struct ChannelRules: Sendable {
    /// The configuration these rules were built from.
    public let configuration: ChannelConfiguration
    /// Options and compiled regex of channels without a namespace.
    let topLevel: CompiledChannelOptions
    /// Options and compiled regex of each namespace, by name (names are ASCII, so `String` keys are byte keys).
    let namespaces: [String: CompiledChannelOptions]

    /// Validates `configuration` (`server.md` §1.3) and compiles every `channel_regex`, top-level and per
    /// namespace.
    ///
    /// The checks run in the reference's order, and the first failure is thrown: top-level options; presence
    /// for a single connection without a personal namespace; then each namespace (unique name, valid name,
    /// options, presence for a single connection); last, the personal namespace must exist.
    public init(_ configuration: ChannelConfiguration) throws(ChannelConfigurationError) {
        var validation = ChannelConfigurationValidation(configuration)
        self.topLevel = try validation.compileTopLevel()
        self.namespaces = try validation.compileNamespaces()
        self.configuration = configuration
    }

    /// The longest channel, in bytes, a client may subscribe to (`channel_max_length`; 0 means 255).
    public var channelMaxLength: Int {
        configuration.channelMaxLength > 0 ? configuration.channelMaxLength : 255
    }

    /// Whether `channel` is longer than `channelMaxLength` bytes (a client subscribe then fails with 107).
    public func exceedsMaxLength(_ channel: String) -> Bool {
        channel.utf8.count > channelMaxLength
    }

    /// Finds the namespace of `channel` (`server.md` §2.2); nil if it names an unknown namespace (error 102).
    ///
    /// One leading private prefix is stripped, then the channel is split at the **first** namespace boundary:
    /// the part before it is the namespace name, the part after it the rest. Without a boundary (or with an
    /// empty boundary option) the channel is top-level and the rest is the whole channel, private prefix
    /// included. An empty name before the boundary (`:chat`) also means top level, with the rest after it.
    public func resolve(_ channel: String) -> ResolvedChannel? {
        var body = channel.utf8[...]
        if !configuration.privatePrefix.isEmpty, UTF8Search.hasPrefix(body, configuration.privatePrefix.utf8) {
            body = body.dropFirst(configuration.privatePrefix.utf8.count)
        }
        guard let boundary = UTF8Search.firstRange(of: configuration.namespaceBoundary.utf8, in: body) else {
            return ResolvedChannel(channel: channel, namespace: "", rest: channel, compiled: topLevel)
        }
        let name = UTF8Search.string(channel, body.startIndex..<boundary.lowerBound)
        let rest = UTF8Search.string(channel, boundary.upperBound..<channel.utf8.endIndex)
        if name.isEmpty {
            return ResolvedChannel(channel: channel, namespace: "", rest: rest, compiled: topLevel)
        }
        guard UTF8Search.isASCII(name), let compiled = namespaces[name] else { return nil }
        return ResolvedChannel(channel: channel, namespace: name, rest: rest, compiled: compiled)
    }
}

/// One set of channel options with its `channel_regex` compiled.
struct CompiledChannelOptions: Sendable, Hashable {
    /// The options as configured.
    let options: ChannelOptions
    /// The compiled `channel_regex`; nil when it is empty.
    let pattern: ChannelPattern?
}

/// A channel with its namespace found: what every permission decision starts from.
public struct ResolvedChannel: Sendable, Hashable {
    /// The channel as given, private prefix included.
    public let channel: String
    /// The namespace name; `""` for top-level channels.
    public let namespace: String
    /// The part after the namespace boundary, or the whole channel for top-level channels without a boundary;
    /// `channel_regex` is matched against it.
    public let rest: String
    /// Options and compiled regex of the namespace.
    let compiled: CompiledChannelOptions

    /// The namespace's options (top-level options for top-level channels; no inheritance).
    public var options: ChannelOptions { compiled.options }
}
