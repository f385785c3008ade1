import RotorCore
import Testing

/// Per-subscription features (`server.md` §2.4 steps 4, 7, 12–14, §5.3, §6; §15 quirks 15, 18).
@Suite struct SubscriptionFeaturesTests {
    static let allRequests = booleanCombinations(3).map {
        RequestedSubscriptionFeatures(positioned: $0[0], recoverable: $0[1], joinLeave: $0[2])
    }

    /// The options steps 12–14 look at, all combinations.
    struct AccessScenario: CustomStringConvertible {
        let flags: [Bool]
        var joinLeave: Bool { flags[0] }
        var allowPositioning: Bool { flags[1] }
        var allowRecovery: Bool { flags[2] }
        var historyForClient: Bool { flags[3] }
        var historyForAnonymous: Bool { flags[4] }
        var historyForSubscriber: Bool { flags[5] }
        var presenceForClient: Bool { flags[6] }
        var presenceForAnonymous: Bool { flags[7] }
        var presenceForSubscriber: Bool { flags[8] }
        var insecure: Bool { flags[9] }
        var historyOn: Bool { flags[10] }

        static let all = booleanCombinations(11).map(AccessScenario.init)

        var description: String { flags.map { $0 ? "1" : "0" }.joined() }

        var rules: ChannelRules {
            var options = ChannelOptions()
            options.joinLeave = joinLeave
            options.allowPositioning = allowPositioning
            options.allowRecovery = allowRecovery
            options.allowHistoryForClient = historyForClient
            options.allowHistoryForAnonymous = historyForAnonymous
            options.allowHistoryForSubscriber = historyForSubscriber
            options.allowPresenceForClient = presenceForClient
            options.allowPresenceForAnonymous = presenceForAnonymous
            options.allowPresenceForSubscriber = presenceForSubscriber
            if historyOn {
                options.historySize = 10
                options.historyTTL = .seconds(60)
            }
            return makeRules(options) { $0.clientInsecure = insecure }
        }

        /// Steps 12–14 as the spec words them, with the v4.1.5 quirk: the connection is not subscribed yet, so
        /// the `_for_subscriber` options never count; history/presence being enabled does not matter.
        func oracle(_ requested: RequestedSubscriptionFeatures, user: String) -> SubscriptionFeatures {
            let historyAccess = (historyForClient && (user != "" || historyForAnonymous)) || insecure
            let presenceAccess = (presenceForClient && (user != "" || presenceForAnonymous)) || insecure
            let recoverable = requested.recoverable && (allowRecovery || historyAccess)
            return SubscriptionFeatures(
                presence: false,
                emitJoinLeave: joinLeave,
                pushJoinLeave: requested.joinLeave && joinLeave && presenceAccess,
                positioned: (requested.positioned && (allowPositioning || historyAccess)) || recoverable,
                recoverable: recoverable
            )
        }
    }

    @Test(arguments: allRequests)
    func clientRequestsMatchTheSpec(requested: RequestedSubscriptionFeatures) throws {
        for scenario in AccessScenario.all {
            let rules = scenario.rules
            let resolved = try #require(rules.resolve("ns:chat"))
            for user in ["", "42"] {
                let expected = scenario.oracle(requested, user: user)
                let clientSide = rules.subscriptionFeatures(resolved, user: user, source: .clientSide(requested))
                #expect(clientSide == expected, "\(scenario) user=\(user)")
                // Without overrides a token subscription gets the same additions (v4.1.5 runs steps 12–14 after it).
                let token = rules.subscriptionFeatures(
                    resolved, user: user, source: .subscriptionToken(SubscriptionOverride(), requested))
                #expect(token == expected, "token \(scenario) user=\(user)")
                // Proxied and server-side subscriptions never take the client's requests.
                let base = SubscriptionFeatures(emitJoinLeave: scenario.joinLeave)
                let proxied = rules.subscriptionFeatures(
                    resolved, user: user, source: .subscribeProxy(SubscriptionOverride()))
                #expect(proxied == base)
            }
        }
    }

    /// Namespace defaults replaced by overrides, every combination.
    @Test(arguments: [Bool?.none, true, false])
    func defaultsAndOverrides(presenceOverride: Bool?) throws {
        let values: [Bool?] = [nil, true, false]
        for flags in booleanCombinations(5) {
            var options = ChannelOptions()
            options.presence = flags[0]
            options.joinLeave = flags[1]
            options.forcePushJoinLeave = flags[2]
            options.forcePositioning = flags[3]
            options.forceRecovery = flags[4]
            options.historySize = 10
            options.historyTTL = .seconds(60)
            let rules = makeRules(options)
            let resolved = try #require(rules.resolve("ns:chat"))
            for joinLeave in values {
                for push in values {
                    for positioning in values {
                        for recovery in values {
                            let override = SubscriptionOverride(
                                presence: presenceOverride, joinLeave: joinLeave, forcePushJoinLeave: push,
                                forceRecovery: recovery, forcePositioning: positioning)
                            let recoverable = recovery ?? flags[4]
                            let expected = SubscriptionFeatures(
                                presence: presenceOverride ?? flags[0],
                                emitJoinLeave: joinLeave ?? flags[1],
                                pushJoinLeave: push ?? flags[2],
                                positioned: (positioning ?? flags[3]) || recoverable,
                                recoverable: recoverable
                            )
                            for source in [
                                SubscriptionFeatureSource.serverSide(override), .subscribeProxy(override),
                                .subscriptionToken(override, RequestedSubscriptionFeatures()),
                            ] {
                                let actual = rules.subscriptionFeatures(resolved, user: "42", source: source)
                                #expect(actual == expected, "\(flags) \(override) \(source)")
                            }
                        }
                    }
                }
            }
            #expect(
                rules.subscriptionFeatures(resolved, user: "", source: .clientSide(RequestedSubscriptionFeatures()))
                    == SubscriptionFeatures(defaultsOf: options))
        }
    }

    struct Row: CustomStringConvertible, Sendable {
        let name: String
        var user = "42"
        let options: @Sendable (inout ChannelOptions) -> Void
        var insecure = false
        let source: SubscriptionFeatureSource
        let expected: SubscriptionFeatures
        var description: String { name }
    }

    static let all = RequestedSubscriptionFeatures(positioned: true, recoverable: true, joinLeave: true)

    @Test(arguments: [
        Row(
            name: "quirk 18: allow_presence_for_subscriber never grants join/leave pushes",
            options: {
                $0.joinLeave = true; $0.presence = true; $0.allowPresenceForSubscriber = true
            },
            source: .clientSide(RequestedSubscriptionFeatures(joinLeave: true)),
            expected: SubscriptionFeatures(presence: true, emitJoinLeave: true)),
        Row(
            name: "allow_presence_for_client grants join/leave pushes",
            options: {
                $0.joinLeave = true; $0.allowPresenceForClient = true
            },
            source: .clientSide(RequestedSubscriptionFeatures(joinLeave: true)),
            expected: SubscriptionFeatures(emitJoinLeave: true, pushJoinLeave: true)),
        Row(
            name: "anonymous users need allow_presence_for_anonymous too", user: "",
            options: {
                $0.joinLeave = true; $0.allowPresenceForClient = true
            },
            source: .clientSide(RequestedSubscriptionFeatures(joinLeave: true)),
            expected: SubscriptionFeatures(emitJoinLeave: true)),
        Row(
            name: "join/leave pushes need namespace join_leave", options: { $0.allowPresenceForClient = true },
            insecure: true, source: .clientSide(all),
            expected: SubscriptionFeatures(positioned: true, recoverable: true)),
        Row(
            name: "insecure mode grants every request", user: "", options: { $0.joinLeave = true }, insecure: true,
            source: .clientSide(all),
            expected: SubscriptionFeatures(
                emitJoinLeave: true, pushJoinLeave: true, positioned: true, recoverable: true)),
        Row(
            name: "allow_history_for_subscriber alone honours neither positioning nor recovery",
            options: {
                $0.allowHistoryForSubscriber = true; $0.historySize = 1; $0.historyTTL = .seconds(1)
            },
            source: .clientSide(all), expected: SubscriptionFeatures()),
        Row(
            name: "allow_history_for_client honours both, even with history off",
            options: { $0.allowHistoryForClient = true }, source: .clientSide(all),
            expected: SubscriptionFeatures(positioned: true, recoverable: true)),
        Row(
            name: "allow_positioning honours positioning only", options: { $0.allowPositioning = true },
            source: .clientSide(all), expected: SubscriptionFeatures(positioned: true)),
        Row(
            name: "allow_recovery honours recovery, which implies positioning", options: { $0.allowRecovery = true },
            source: .clientSide(RequestedSubscriptionFeatures(recoverable: true)),
            expected: SubscriptionFeatures(positioned: true, recoverable: true)),
        Row(
            name: "force options apply without requests",
            options: {
                $0.forcePushJoinLeave = true
                $0.forcePositioning = true
            },
            source: .clientSide(RequestedSubscriptionFeatures()),
            expected: SubscriptionFeatures(pushJoinLeave: true, positioned: true)),
        Row(
            name: "quirk 15: the proxy path ignores the client's requests",
            options: {
                $0.joinLeave = true; $0.allowPositioning = true; $0.allowRecovery = true
            }, insecure: true,
            source: .subscribeProxy(SubscriptionOverride()), expected: SubscriptionFeatures(emitJoinLeave: true)),
        Row(
            name: "token: an override enabling join_leave does not satisfy step 14's namespace check",
            options: { $0.allowPresenceForClient = true },
            source: .subscriptionToken(
                SubscriptionOverride(joinLeave: true), RequestedSubscriptionFeatures(joinLeave: true)),
            expected: SubscriptionFeatures(emitJoinLeave: true)),
        Row(
            name: "token: an override disabling join_leave does not stop step 14",
            options: {
                $0.joinLeave = true; $0.allowPresenceForClient = true
            },
            source: .subscriptionToken(
                SubscriptionOverride(joinLeave: false), RequestedSubscriptionFeatures(joinLeave: true)),
            expected: SubscriptionFeatures(pushJoinLeave: true)),
        Row(
            name: "token: client requests add to the token's options",
            options: { $0.allowPositioning = true },
            source: .subscriptionToken(
                SubscriptionOverride(presence: true), RequestedSubscriptionFeatures(positioned: true)),
            expected: SubscriptionFeatures(presence: true, positioned: true)),
        Row(
            name: "server-side: force_recovery override turns recovery (and positioning) on",
            options: { _ in }, source: .serverSide(SubscriptionOverride(forceRecovery: true)),
            expected: SubscriptionFeatures(positioned: true, recoverable: true)),
        Row(
            name: "server-side: overrides can switch namespace defaults off",
            options: {
                $0.presence = true; $0.forcePushJoinLeave = true
            },
            source: .serverSide(SubscriptionOverride(presence: false, forcePushJoinLeave: false)),
            expected: SubscriptionFeatures()),
    ])
    func specSentences(row: Row) throws {
        var options = ChannelOptions()
        row.options(&options)
        let rules = makeRules(options) { $0.clientInsecure = row.insecure }
        let resolved = try #require(rules.resolve("ns:chat"))
        #expect(rules.subscriptionFeatures(resolved, user: row.user, source: row.source) == row.expected)
    }

    @Test func recoveryImpliesPositioning() {
        #expect(SubscriptionFeatures(recoverable: true).positioned)
        var options = ChannelOptions()
        options.forceRecovery = true
        #expect(SubscriptionFeatures(defaultsOf: options).positioned)
        #expect(
            SubscriptionFeatures(defaultsOf: options, override: SubscriptionOverride(forcePositioning: false))
                .positioned)
    }
}
