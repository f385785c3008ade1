import RotorCore
import RotorProtocol
import Testing

/// Publish, presence and history permission (`server.md` §2.5, §2.6; `client-protocol.md` §6.4–§6.6).
@Suite struct OperationAccessTests {
    /// The common prefix of every client operation: unknown namespace 102, invalid name 107.
    static func commonPrefix(_ channel: ChannelCase) -> ReplyError? {
        if !channel.known { return .unknownChannel }
        if !channel.valid { return .badRequest }
        return nil
    }

    @Test(arguments: ChannelCase.all)
    func publishMatchesTheSpec(channel: ChannelCase) {
        for flags in booleanCombinations(8) {
            var options = ChannelOptions()
            options.allowPublishForClient = flags[0]
            options.allowPublishForSubscriber = flags[1]
            options.allowPublishForAnonymous = flags[2]
            options.proxyPublish = flags[3]
            options.publishProxyName = flags[4] ? "pp" : ""
            let rules = makeRules(options) { configuration in
                configuration.publishProxyConfigured = flags[5]
                configuration.namedProxies = flags[6] ? ["pp"] : []
                configuration.clientInsecure = flags[7]
                // A subscribe proxy must not matter for publish.
                configuration.subscribeProxyConfigured = true
            }
            for user in testUsers {
                for subscribed in [false, true] {
                    let expected: PublishAccess
                    if let error = Self.commonPrefix(channel) {
                        expected = .rejected(error)
                    } else if options.proxyPublish || !options.publishProxyName.isEmpty {
                        // 1. Publish proxy: none configured → 108; else it decides.
                        if flags[5] {
                            expected = .proxy(name: nil)
                        } else if flags[4] && flags[6] {
                            expected = .proxy(name: "pp")
                        } else {
                            expected = .rejected(.notAvailable)
                        }
                    } else if flags[0] && (user != "" || flags[2]) {
                        expected = .allowed  // 2. allow_publish_for_client (+anonymous)
                    } else if flags[1] && subscribed && (user != "" || flags[2]) {
                        expected = .allowed  // 3. allow_publish_for_subscriber while subscribed (+anonymous)
                    } else if flags[7] {
                        expected = .allowed  // 4. insecure
                    } else {
                        expected = .rejected(.permissionDenied)
                    }
                    let actual = rules.publishAccess(channel: channel.channel, user: user, isSubscribed: subscribed)
                    #expect(actual == expected, "\(flags) user=\(user) subscribed=\(subscribed)")
                }
            }
        }
    }

    enum Kind: String, CaseIterable, Sendable { case presence, history }

    @Test(arguments: Kind.allCases)
    func presenceAndHistoryMatchTheSpec(kind: Kind) {
        for channel in ChannelCase.all {
            for flags in booleanCombinations(5) {
                var options = ChannelOptions()
                switch kind {
                case .presence:
                    options.presence = flags[0]
                    options.allowPresenceForClient = flags[1]
                    options.allowPresenceForSubscriber = flags[2]
                    options.allowPresenceForAnonymous = flags[3]
                    // History options must not matter for presence.
                    options.allowHistoryForClient = true
                case .history:
                    if flags[0] {
                        options.historySize = 10
                        options.historyTTL = .seconds(300)
                    }
                    options.allowHistoryForClient = flags[1]
                    options.allowHistoryForSubscriber = flags[2]
                    options.allowHistoryForAnonymous = flags[3]
                    options.allowPresenceForClient = true
                    options.presence = true
                }
                let rules = makeRules(options) { $0.clientInsecure = flags[4] }
                for user in testUsers {
                    for subscribed in [false, true] {
                        let expected: ChannelAccess
                        if let error = Self.commonPrefix(channel) {
                            expected = .rejected(error)
                        } else if !flags[0] {
                            expected = .rejected(.notAvailable)  // presence off / history disabled → 108
                        } else if flags[1] && (user != "" || flags[3]) {
                            expected = .allowed
                        } else if flags[2] && subscribed && (user != "" || flags[3]) {
                            expected = .allowed
                        } else if flags[4] {
                            expected = .allowed
                        } else {
                            expected = .rejected(.permissionDenied)
                        }
                        let actual =
                            switch kind {
                            case .presence:
                                rules.presenceAccess(channel: channel.channel, user: user, isSubscribed: subscribed)
                            case .history:
                                rules.historyAccess(channel: channel.channel, user: user, isSubscribed: subscribed)
                            }
                        #expect(actual == expected, "\(channel) \(flags) user=\(user) subscribed=\(subscribed)")
                    }
                }
            }
        }
    }

    @Test func historyNeedsBothSizeAndTTLPositive() {
        var options = ChannelOptions()
        options.allowHistoryForClient = true
        options.historySize = -1
        options.historyTTL = .seconds(10)
        let rules = makeRules(options)
        #expect(rules.historyAccess(channel: "news", user: "1", isSubscribed: true) == .rejected(.notAvailable))
    }

    @Test func insecureDoesNotOpenPrivateOrUnknownChannelsWrongly() {
        let rules = makeRules(ChannelOptions()) { $0.clientInsecure = true }
        // Private channels are only special for subscribe: publish/history/presence follow the normal rules.
        #expect(rules.publishAccess(channel: "$news", user: "", isSubscribed: false) == .allowed)
        #expect(rules.publishAccess(channel: "xx:news", user: "", isSubscribed: false) == .rejected(.unknownChannel))
        #expect(rules.publishAccess(channel: "n\u{00FC}ws", user: "", isSubscribed: false) == .rejected(.badRequest))
        #expect(rules.presenceAccess(channel: "news", user: "", isSubscribed: false) == .rejected(.notAvailable))
        #expect(rules.historyAccess(channel: "news", user: "", isSubscribed: false) == .rejected(.notAvailable))
    }

    @Test func publishProxyIgnoresTheOtherPublishOptions() {
        var options = ChannelOptions()
        options.publishProxyName = "pp"
        options.allowPublishForClient = true
        let granular = makeRules(options) {
            $0.namedProxies = ["pp"]; $0.clientInsecure = true
        }
        #expect(granular.publishAccess(channel: "news", user: "1", isSubscribed: true) == .proxy(name: "pp"))
        let missing = makeRules(options) { $0.clientInsecure = true }
        #expect(missing.publishAccess(channel: "news", user: "1", isSubscribed: true) == .rejected(.notAvailable))
    }

    @Test func regexValidationAppliesToEveryOperation() {
        var options = ChannelOptions()
        options.channelRegex = "^[a-z]+$"
        options.presence = true
        options.historySize = 1
        options.historyTTL = .seconds(1)
        let rules = makeRules(options) { $0.clientInsecure = true }
        for channel in ["ns:abc", "abc"] {
            #expect(rules.publishAccess(channel: channel, user: "", isSubscribed: false) == .allowed)
            #expect(rules.presenceAccess(channel: channel, user: "", isSubscribed: false) == .allowed)
            #expect(rules.historyAccess(channel: channel, user: "", isSubscribed: false) == .allowed)
            #expect(rules.subscribeAccess(channel: channel, user: "", hasToken: false) == .accepted(.insecure))
        }
        for channel in ["ns:ab1", "ab1"] {
            #expect(rules.publishAccess(channel: channel, user: "", isSubscribed: false) == .rejected(.badRequest))
            #expect(rules.presenceAccess(channel: channel, user: "", isSubscribed: false) == .rejected(.badRequest))
            #expect(rules.historyAccess(channel: channel, user: "", isSubscribed: false) == .rejected(.badRequest))
            #expect(rules.subscribeAccess(channel: channel, user: "", hasToken: true) == .rejected(.badRequest))
        }
    }
}
