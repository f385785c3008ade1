import RotorCore
import RotorProtocol
import Testing

/// Client-requested and personal server-side subscriptions at connect (`server.md` §6, §15 quirk 13;
/// `client-protocol.md` §6.1 steps 6–7).
@Suite struct ConnectSubscriptionTests {
    @Test(arguments: ChannelCase.all)
    func clientRequestedMatchesTheSpec(channel: ChannelCase) throws {
        for flags in booleanCombinations(7) {
            var options = ChannelOptions()
            options.allowSubscribeForClient = flags[0]
            options.allowSubscribeForAnonymous = flags[1]
            options.allowUserLimitedChannels = flags[2]
            options.proxySubscribe = flags[3]
            options.subscribeProxyName = flags[4] ? "sp" : ""
            let rules = makeRules(options) { configuration in
                configuration.clientInsecure = flags[5]
                configuration.subscribeProxyConfigured = flags[6]
                configuration.namedProxies = ["sp"]
            }
            for user in testUsers {
                let expected: ClientRequestedSubscription
                if !channel.known {
                    expected = .disconnect(.badRequest)  // namespace missing → disconnect 3501
                } else if channel.isPrivate || flags[3] || flags[4] || !channel.valid {
                    expected = .ignore  // private, subscribe proxy, invalid name: silently ignored
                } else if let listed = channel.listed, flags[2], user != "", listed.contains(user) {
                    expected = .subscribe(try #require(rules.resolve(channel.channel)))
                } else if flags[0] && (user != "" || flags[1]) {
                    expected = .subscribe(try #require(rules.resolve(channel.channel)))
                } else {
                    expected = .ignore  // insecure mode grants nothing here (quirk 13)
                }
                let actual = rules.clientRequestedConnectSubscription(channel: channel.channel, user: user)
                #expect(actual == expected, "\(flags) user=\(user)")
            }
        }
    }

    struct Row: CustomStringConvertible, Sendable {
        let name: String
        let channel: String
        var user = "42"
        let adjust: @Sendable (inout ChannelConfiguration) -> Void
        let subscribes: Bool
        var description: String { name }
    }

    @Test(arguments: [
        Row(
            name: "quirk 13: insecure mode does not auto-allow", channel: "news", user: "",
            adjust: { $0.clientInsecure = true }, subscribes: false),
        Row(
            name: "allow_subscribe_for_client", channel: "news",
            adjust: { $0.topLevel.allowSubscribeForClient = true }, subscribes: true),
        Row(
            name: "anonymous needs allow_subscribe_for_anonymous", channel: "news", user: "",
            adjust: { $0.topLevel.allowSubscribeForClient = true }, subscribes: false),
        Row(
            name: "private channels are excluded", channel: "$news",
            adjust: { $0.topLevel.allowSubscribeForClient = true }, subscribes: false),
        Row(
            name: "subscribe-proxy namespaces are excluded", channel: "news",
            adjust: {
                $0.topLevel.allowSubscribeForClient = true; $0.topLevel.proxySubscribe = true
            },
            subscribes: false),
        Row(
            name: "the name must be valid", channel: "n\u{00FC}ws",
            adjust: { $0.topLevel.allowSubscribeForClient = true }, subscribes: false),
        Row(
            name: "the namespace regex applies", channel: "ns:abc",
            adjust: {
                $0.namespaces[0].options.allowSubscribeForClient = true;
                $0.namespaces[0].options.channelRegex = "^[0-9]+$"
            },
            subscribes: false),
        Row(
            name: "user-limited channel listing the user", channel: "dialog#1,42",
            adjust: { $0.topLevel.allowUserLimitedChannels = true }, subscribes: true),
        Row(
            name: "an empty list entry does not admit anonymous users here", channel: "dialog#", user: "",
            adjust: { $0.topLevel.allowUserLimitedChannels = true }, subscribes: false),
        // Unlike a client subscribe, allow_subscribe_for_client is not limited to non-user-limited channels.
        Row(
            name: "allow_subscribe_for_client also covers user-limited channels not listing the user",
            channel: "dialog#1",
            adjust: {
                $0.topLevel.allowUserLimitedChannels = true; $0.topLevel.allowSubscribeForClient = true
            },
            subscribes: true),
    ])
    func specSentences(row: Row) throws {
        let rules = makeRules(configuration(ChannelOptions(), row.adjust))
        let expected: ClientRequestedSubscription =
            row.subscribes ? .subscribe(try #require(rules.resolve(row.channel))) : .ignore
        #expect(rules.clientRequestedConnectSubscription(channel: row.channel, user: row.user) == expected)
    }

    @Test func unknownNamespaceDisconnects() {
        let rules = makeRules(ChannelOptions()) { $0.clientInsecure = true }
        #expect(rules.clientRequestedConnectSubscription(channel: "xx:a", user: "1") == .disconnect(.badRequest))
        #expect(rules.clientRequestedConnectSubscription(channel: "$xx:a", user: "1") == .disconnect(.badRequest))
    }

    @Test func personalChannelSubscription() throws {
        var personal = ChannelOptions()
        personal.presence = true
        let configuration = configuration(ChannelOptions()) { configuration in
            configuration.userSubscribeToPersonal = true
            configuration.userPersonalChannelNamespace = "personal"
            configuration.namespaces.append(ChannelNamespace(name: "personal", options: personal))
        }
        let rules = makeRules(configuration)
        let resolved = try #require(rules.resolve("personal:#42"))
        #expect(resolved.options == personal)
        #expect(rules.personalChannelSubscription(user: "42") == .subscribe(resolved))
        #expect(rules.personalChannelSubscription(user: "") == .skip)

        var off = configuration
        off.userSubscribeToPersonal = false
        #expect(makeRules(off).personalChannelSubscription(user: "42") == .skip)

        var topLevel = configuration
        topLevel.userPersonalChannelNamespace = ""
        let top = makeRules(topLevel)
        #expect(top.personalChannelSubscription(user: "42") == .subscribe(try #require(top.resolve("#42"))))
    }

    /// Startup validation rejects a missing personal namespace, but a user id containing the namespace boundary
    /// can still make the personal channel resolve elsewhere; then connect fails with 102.
    @Test func personalChannelInAnUnknownNamespaceIs102() {
        let rules = makeRules(ChannelOptions()) { $0.userSubscribeToPersonal = true }
        #expect(rules.personalChannel(for: "x:y") == "#x:y")
        #expect(rules.personalChannelSubscription(user: "x:y") == .rejected(.unknownChannel))
        var other = ChannelConfiguration()
        other.userSubscribeToPersonal = true
        other.userBoundary = ""
        #expect(makeRules(other).personalChannelSubscription(user: "xx:y") == .rejected(.unknownChannel))
    }
}
