import RotorCore
import RotorProtocol
import Testing

/// Client-side subscribe permission (`server.md` §2.4 steps 2–11, §2.6, §15 quirk 14).
@Suite struct SubscribeAccessTests {
    /// The option combinations that matter for a subscribe.
    struct Scenario: CustomStringConvertible {
        var allowForClient = false
        var allowForAnonymous = false
        var allowUserLimited = false
        var proxySubscribe = false
        var proxyName = ""
        var proxyConfigured = false
        var namedProxies: Set<String> = []
        var insecure = false

        init(_ flags: [Bool]) {
            allowForClient = flags[0]
            allowForAnonymous = flags[1]
            allowUserLimited = flags[2]
            proxySubscribe = flags[3]
            proxyName = flags[4] ? "sp" : ""
            proxyConfigured = flags[5]
            namedProxies = flags[6] ? ["sp"] : []
            insecure = flags[7]
        }

        static let all = booleanCombinations(8).map(Scenario.init)

        var description: String {
            "client=\(allowForClient) anon=\(allowForAnonymous) userLimited=\(allowUserLimited) "
                + "proxy=\(proxySubscribe) name=\(proxyName) configured=\(proxyConfigured) "
                + "named=\(namedProxies.sorted()) insecure=\(insecure)"
        }

        var rules: ChannelRules {
            var options = ChannelOptions()
            options.allowSubscribeForClient = allowForClient
            options.allowSubscribeForAnonymous = allowForAnonymous
            options.allowUserLimitedChannels = allowUserLimited
            options.proxySubscribe = proxySubscribe
            options.subscribeProxyName = proxyName
            return makeRules(options) { configuration in
                configuration.subscribeProxyConfigured = proxyConfigured
                configuration.namedProxies = namedProxies
                configuration.clientInsecure = insecure
            }
        }

        /// `server.md` §2.4, step by step.
        func oracle(_ channel: ChannelCase, user: String, hasToken: Bool) -> SubscribeAccess {
            // 2. Resolve namespace → not found: error 102.
            guard channel.known else { return .rejected(.unknownChannel) }
            // 3. Validate name → error 107.
            guard channel.valid else { return .rejected(.badRequest) }
            // 5. userLimited := allow_user_limited_channels && C contains user boundary.
            let userLimited = allowUserLimited && channel.listed != nil
            // 6. Private prefix and no token → 103.
            if channel.isPrivate && !hasToken { return .rejected(.permissionDenied) }
            // 7. Token → verify as subscription token.
            if hasToken { return .verifyToken }
            // 8. userLimited and U in the channel's user list → accept.
            if userLimited && channel.listed!.contains(user) { return .accepted(.userLimited) }
            // 9. Subscribe proxy set and not userLimited: none configured → 108, else the proxy decides.
            if (proxySubscribe || !proxyName.isEmpty) && !userLimited {
                if proxyConfigured { return .proxy(name: nil) }
                if !proxyName.isEmpty && namedProxies.contains(proxyName) { return .proxy(name: proxyName) }
                return .rejected(.notAvailable)
            }
            // 10. allow_subscribe_for_client and (U != "" or allow_subscribe_for_anonymous) and not userLimited.
            if allowForClient && (user != "" || allowForAnonymous) && !userLimited {
                return .accepted(.allowedForClient)
            }
            // 11. client_insecure → accept; otherwise 103.
            return insecure ? .accepted(.insecure) : .rejected(.permissionDenied)
        }
    }

    @Test(arguments: ChannelCase.all)
    func everyCombinationMatchesTheSpecAlgorithm(channel: ChannelCase) {
        for scenario in Scenario.all {
            let rules = scenario.rules
            for user in testUsers {
                for hasToken in [false, true] {
                    let expected = scenario.oracle(channel, user: user, hasToken: hasToken)
                    let actual = rules.subscribeAccess(channel: channel.channel, user: user, hasToken: hasToken)
                    #expect(actual == expected, "\(scenario) user=\(user) token=\(hasToken)")
                }
            }
        }
    }

    struct Row: CustomStringConvertible, Sendable {
        let name: String
        let channel: String
        var user = "42"
        var hasToken = false
        let adjust: @Sendable (inout ChannelConfiguration) -> Void
        let expected: SubscribeAccess
        var description: String { name }
    }

    @Test(arguments: [
        Row(name: "nothing allowed → 103", channel: "news", adjust: { _ in }, expected: .rejected(.permissionDenied)),
        Row(
            name: "unknown namespace → 102, even with a token", channel: "xx:news", hasToken: true,
            adjust: { $0.clientInsecure = true }, expected: .rejected(.unknownChannel)),
        Row(
            name: "invalid name → 107, even with a token", channel: "n\u{00FC}ws", hasToken: true,
            adjust: { $0.clientInsecure = true }, expected: .rejected(.badRequest)),
        Row(
            name: "quirk 14: private channel without token in insecure mode → 103", channel: "$news",
            adjust: { $0.clientInsecure = true }, expected: .rejected(.permissionDenied)),
        Row(
            name: "quirk 14: private channel without token in a proxied namespace → 103", channel: "$news",
            adjust: {
                $0.topLevel.proxySubscribe = true; $0.subscribeProxyConfigured = true
            },
            expected: .rejected(.permissionDenied)),
        Row(
            name: "private channel with allow_subscribe_for_client → still 103", channel: "$news",
            adjust: { $0.topLevel.allowSubscribeForClient = true }, expected: .rejected(.permissionDenied)),
        Row(
            name: "any channel may be subscribed with a token", channel: "news", hasToken: true,
            adjust: { _ in }, expected: .verifyToken),
        Row(
            name: "a token wins over the proxy", channel: "news", hasToken: true,
            adjust: {
                $0.topLevel.proxySubscribe = true; $0.subscribeProxyConfigured = true
            },
            expected: .verifyToken),
        Row(
            name: "user-limited channel listing the user", channel: "dialog#42,43",
            adjust: { $0.topLevel.allowUserLimitedChannels = true }, expected: .accepted(.userLimited)),
        Row(
            name: "user-limited channel needs allow_user_limited_channels", channel: "dialog#42,43",
            adjust: { _ in }, expected: .rejected(.permissionDenied)),
        Row(
            name: "user-limited channel listing the user is never proxied", channel: "dialog#42",
            adjust: {
                $0.topLevel.allowUserLimitedChannels = true; $0.topLevel.proxySubscribe = true
            },
            expected: .accepted(.userLimited)),
        Row(
            name: "user-limited channel not listing the user is not proxied either", channel: "dialog#7",
            adjust: {
                $0.topLevel.allowUserLimitedChannels = true
                $0.topLevel.proxySubscribe = true
                $0.subscribeProxyConfigured = true
            },
            expected: .rejected(.permissionDenied)),
        Row(
            name: "allow_subscribe_for_client does not apply to user-limited channels", channel: "dialog#7",
            adjust: {
                $0.topLevel.allowUserLimitedChannels = true
                $0.topLevel.allowSubscribeForClient = true
            },
            expected: .rejected(.permissionDenied)),
        Row(
            name: "an unlisted user falls through to insecure", channel: "dialog#7",
            adjust: {
                $0.topLevel.allowUserLimitedChannels = true; $0.clientInsecure = true
            },
            expected: .accepted(.insecure)),
        Row(
            name: "without allow_user_limited_channels a # channel is an ordinary one", channel: "dialog#7",
            adjust: { $0.topLevel.allowSubscribeForClient = true }, expected: .accepted(.allowedForClient)),
        Row(
            name: "an empty user list entry admits anonymous users (reference behaviour)", channel: "chat#", user: "",
            adjust: { $0.topLevel.allowUserLimitedChannels = true }, expected: .accepted(.userLimited)),
        Row(
            name: "non-granular subscribe proxy", channel: "news",
            adjust: {
                $0.topLevel.proxySubscribe = true; $0.subscribeProxyConfigured = true
            },
            expected: .proxy(name: nil)),
        Row(
            name: "subscribe proxy configured for the namespace but not enabled → 108", channel: "news",
            adjust: { $0.topLevel.proxySubscribe = true }, expected: .rejected(.notAvailable)),
        Row(
            name: "granular subscribe proxy", channel: "ns:news",
            adjust: {
                $0.namespaces[0].options.subscribeProxyName = "sp"; $0.namedProxies = ["sp", "other"]
            },
            expected: .proxy(name: "sp")),
        Row(
            name: "granular proxy name that is not configured → 108", channel: "ns:news",
            adjust: {
                $0.namespaces[0].options.subscribeProxyName = "sp"; $0.namedProxies = ["other"]
            },
            expected: .rejected(.notAvailable)),
        Row(
            name: "granular mode, proxy_subscribe without a name → 108", channel: "ns:news",
            adjust: {
                $0.namespaces[0].options.proxySubscribe = true; $0.namedProxies = ["sp"]
            },
            expected: .rejected(.notAvailable)),
        Row(
            name: "the proxy decides before allow_subscribe_for_client and insecure", channel: "news",
            adjust: {
                $0.topLevel.proxySubscribe = true
                $0.topLevel.allowSubscribeForClient = true
                $0.clientInsecure = true
            },
            expected: .rejected(.notAvailable)),
        Row(
            name: "allow_subscribe_for_client, authenticated", channel: "news",
            adjust: { $0.topLevel.allowSubscribeForClient = true }, expected: .accepted(.allowedForClient)),
        Row(
            name: "allow_subscribe_for_client, anonymous → 103", channel: "news", user: "",
            adjust: { $0.topLevel.allowSubscribeForClient = true }, expected: .rejected(.permissionDenied)),
        Row(
            name: "allow_subscribe_for_anonymous alone grants nothing", channel: "news", user: "",
            adjust: { $0.topLevel.allowSubscribeForAnonymous = true }, expected: .rejected(.permissionDenied)),
        Row(
            name: "allow_subscribe_for_client + anonymous, anonymous", channel: "news", user: "",
            adjust: {
                $0.topLevel.allowSubscribeForClient = true; $0.topLevel.allowSubscribeForAnonymous = true
            },
            expected: .accepted(.allowedForClient)),
        Row(
            name: "insecure mode accepts anonymous users", channel: "news", user: "",
            adjust: { $0.clientInsecure = true }, expected: .accepted(.insecure)),
        Row(
            name: "namespace options, not top-level ones", channel: "ns:news",
            adjust: {
                $0.topLevel.allowSubscribeForClient = true; $0.namespaces[0].options = ChannelOptions()
            },
            expected: .rejected(.permissionDenied)),
    ])
    func specSentences(row: Row) {
        let rules = makeRules(configuration(ChannelOptions(), row.adjust))
        #expect(rules.subscribeAccess(channel: row.channel, user: row.user, hasToken: row.hasToken) == row.expected)
    }
}
