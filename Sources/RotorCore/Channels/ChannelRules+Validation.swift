/// The startup checks of `server.md` §1.3 for channel options, in the reference's order, compiling regexes
/// along the way.
struct ChannelConfigurationValidation {
    private let configuration: ChannelConfiguration
    /// Whether the personal namespace has been found (or need not exist).
    private var personalNamespaceFound: Bool

    init(_ configuration: ChannelConfiguration) {
        self.configuration = configuration
        self.personalNamespaceFound =
            !configuration.userSubscribeToPersonal || configuration.userPersonalChannelNamespace.isEmpty
    }

    /// Checks and compiles the top-level options; with a single connection and no personal namespace in use,
    /// the top level must keep presence.
    mutating func compileTopLevel() throws(ChannelConfigurationError) -> CompiledChannelOptions {
        let compiled = try Self.compile(configuration.topLevel, at: .topLevel)
        if personalNamespaceFound, configuration.userPersonalSingleConnection, !configuration.topLevel.presence {
            throw .singleConnectionWithoutPresence(.topLevel)
        }
        return compiled
    }

    /// Checks and compiles every namespace, then requires the personal namespace to exist.
    mutating func compileNamespaces() throws(ChannelConfigurationError) -> [String: CompiledChannelOptions] {
        var compiled: [String: CompiledChannelOptions] = [:]
        for (index, namespace) in configuration.namespaces.enumerated() {
            let name = namespace.name
            if compiled.keys.contains(where: { $0.utf8.elementsEqual(name.utf8) }) {
                throw .duplicateNamespaceName(index: index, name: name)
            }
            guard isValidNamespaceName(name) else { throw .invalidNamespaceName(index: index, name: name) }
            let location = ChannelOptionsLocation.namespace(index: index, name: name)
            compiled[name] = try Self.compile(namespace.options, at: location)
            if name.utf8.elementsEqual(configuration.userPersonalChannelNamespace.utf8) {
                personalNamespaceFound = true
                if configuration.userPersonalSingleConnection, !namespace.options.presence {
                    throw .singleConnectionWithoutPresence(location)
                }
            }
        }
        guard personalNamespaceFound else {
            throw .personalNamespaceNotFound(configuration.userPersonalChannelNamespace)
        }
        return compiled
    }

    /// The checks of one option set: history size and TTL together, recovery needs history, regex compiles.
    private static func compile(
        _ options: ChannelOptions,
        at location: ChannelOptionsLocation
    ) throws(ChannelConfigurationError) -> CompiledChannelOptions {
        let hasSize = options.historySize != 0
        let hasTTL = options.historyTTL != .zero
        if hasSize != hasTTL { throw .incompleteHistory(location) }
        if options.forceRecovery, !hasSize || !hasTTL { throw .recoveryWithoutHistory(location) }
        guard !options.channelRegex.isEmpty else { return CompiledChannelOptions(options: options, pattern: nil) }
        do {
            let pattern = try ChannelPattern(options.channelRegex)
            return CompiledChannelOptions(options: options, pattern: pattern)
        } catch {
            throw .invalidChannelRegex(location, pattern: options.channelRegex, reason: error.reason)
        }
    }
}
