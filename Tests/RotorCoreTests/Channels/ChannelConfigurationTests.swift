import RotorCore
import Testing

/// Startup validation of the channel configuration (`server.md` §1.3).
@Suite struct ChannelConfigurationTests {
    struct Row: CustomStringConvertible, Sendable {
        let name: String
        let adjust: @Sendable (inout ChannelConfiguration) -> Void
        let error: ChannelConfigurationError?
        var key: String? = nil
        var message: String? = nil
        var description: String { name }
    }

    static func options(_ adjust: (inout ChannelOptions) -> Void) -> ChannelOptions {
        var options = ChannelOptions()
        adjust(&options)
        return options
    }

    static let history = options {
        $0.historySize = 10
        $0.historyTTL = .seconds(60)
    }
    static let presence = options { $0.presence = true }

    @Test(arguments: [
        Row(name: "defaults", adjust: { _ in }, error: nil),
        Row(
            name: "valid namespaces and regexes",
            adjust: {
                $0.topLevel.channelRegex = "^[a-z]+$"
                $0.namespaces = [
                    ChannelNamespace(name: "a.b-c_d", options: options { $0.channelRegex = "[0-9]" }),
                    ChannelNamespace(name: "42"),
                ]
            },
            error: nil),
        Row(
            name: "invalid namespace name", adjust: { $0.namespaces = [ChannelNamespace(name: "x")] },
            error: .invalidNamespaceName(index: 0, name: "x"), key: "namespaces[0].name",
            message:
                "namespace x: invalid namespace name \u{2013} x (must match ^[-a-zA-Z0-9_.]{2,}$ regular expression)"),
        Row(
            name: "namespace name with a colon",
            adjust: { $0.namespaces = [ChannelNamespace(name: "ok"), ChannelNamespace(name: "a:b")] },
            error: .invalidNamespaceName(index: 1, name: "a:b")),
        Row(
            name: "namespace name with a trailing newline",
            adjust: { $0.namespaces = [ChannelNamespace(name: "ab\n")] },
            error: .invalidNamespaceName(index: 0, name: "ab\n")),
        Row(
            name: "non-ASCII namespace name", adjust: { $0.namespaces = [ChannelNamespace(name: "\u{212A}x")] },
            error: .invalidNamespaceName(index: 0, name: "\u{212A}x")),
        Row(
            name: "empty namespace name", adjust: { $0.namespaces = [ChannelNamespace(name: "")] },
            error: .invalidNamespaceName(index: 0, name: "")),
        Row(
            name: "duplicate namespace",
            adjust: { $0.namespaces = [ChannelNamespace(name: "ab"), ChannelNamespace(name: "ab")] },
            error: .duplicateNamespaceName(index: 1, name: "ab"), key: "namespaces[1].name",
            message: "namespace name must be unique: ab"),
        Row(
            name: "an invalid name is reported at its first occurrence",
            adjust: { $0.namespaces = [ChannelNamespace(name: "x"), ChannelNamespace(name: "x")] },
            error: .invalidNamespaceName(index: 0, name: "x")),
        Row(
            name: "uniqueness is checked before the namespace's options",
            adjust: {
                $0.namespaces = [
                    ChannelNamespace(name: "ab"), ChannelNamespace(name: "ab", options: options { $0.historySize = 1 }),
                ]
            },
            error: .duplicateNamespaceName(index: 1, name: "ab")),
        Row(
            name: "invalid top-level regex", adjust: { $0.topLevel.channelRegex = "a(" },
            error: nil, key: "channel_regex"),
        Row(
            name: "invalid namespace regex",
            adjust: {
                $0.namespaces = [
                    ChannelNamespace(name: "aa"), ChannelNamespace(name: "bb"),
                    ChannelNamespace(name: "cc", options: options { $0.channelRegex = "[" }),
                ]
            },
            error: nil, key: "namespaces[2].channel_regex"),
        // The dialect is Swift's (COMPATIBILITY.md): RE2's brace-less `\pL` is refused, lookahead is accepted.
        Row(
            name: "RE2-only syntax", adjust: { $0.topLevel.channelRegex = "\\pL" },
            error: nil, key: "channel_regex"),
        Row(name: "lookahead", adjust: { $0.topLevel.channelRegex = "^(?=a)" }, error: nil),
        Row(
            name: "history size without ttl", adjust: { $0.topLevel.historySize = 10 },
            error: .incompleteHistory(.topLevel), key: "history_ttl",
            message: "both history size and history ttl required for history"),
        Row(
            name: "history ttl without size in a namespace",
            adjust: {
                $0.namespaces = [ChannelNamespace(name: "ab", options: options { $0.historyTTL = .seconds(1) })]
            },
            error: .incompleteHistory(.namespace(index: 0, name: "ab")),
            message: "namespace ab: both history size and history ttl required for history"),
        Row(
            name: "recovery without history", adjust: { $0.topLevel.forceRecovery = true },
            error: .recoveryWithoutHistory(.topLevel), key: "force_recovery",
            message: "both history size and history ttl required for recovery"),
        Row(
            name: "recovery with history",
            adjust: {
                $0.topLevel = history; $0.topLevel.forceRecovery = true
            }, error: nil),
        Row(
            name: "personal namespace missing",
            adjust: {
                $0.userSubscribeToPersonal = true; $0.userPersonalChannelNamespace = "personal"
            },
            error: .personalNamespaceNotFound("personal"), key: "user_personal_channel_namespace",
            message: "namespace for user personal channel not found: personal"),
        Row(
            name: "personal namespace present",
            adjust: {
                $0.userSubscribeToPersonal = true
                $0.userPersonalChannelNamespace = "personal"
                $0.namespaces = [ChannelNamespace(name: "personal")]
            },
            error: nil),
        Row(
            name: "personal namespace unused when personal subscription is off",
            adjust: { $0.userPersonalChannelNamespace = "personal" }, error: nil),
        Row(
            name: "single connection without top-level presence",
            adjust: { $0.userPersonalSingleConnection = true },
            error: .singleConnectionWithoutPresence(.topLevel), key: "presence",
            message: "presence must be enabled on top level to maintain single connection"),
        Row(
            name: "single connection with top-level presence",
            adjust: {
                $0.userPersonalSingleConnection = true; $0.topLevel.presence = true
            }, error: nil),
        Row(
            name: "single connection without presence in the personal namespace",
            adjust: {
                $0.userSubscribeToPersonal = true
                $0.userPersonalSingleConnection = true
                $0.userPersonalChannelNamespace = "personal"
                $0.topLevel.presence = true
                $0.namespaces = [ChannelNamespace(name: "personal")]
            },
            error: .singleConnectionWithoutPresence(.namespace(index: 0, name: "personal")),
            key: "namespaces[0].presence",
            message: "presence must be enabled for namespace personal to maintain single connection"),
        Row(
            name: "single connection with presence in the personal namespace only",
            adjust: {
                $0.userSubscribeToPersonal = true
                $0.userPersonalSingleConnection = true
                $0.userPersonalChannelNamespace = "personal"
                $0.namespaces = [ChannelNamespace(name: "personal", options: presence)]
            },
            error: nil),
        // The reference checks top-level presence whenever personal subscription is off, even with a namespace.
        Row(
            name: "single connection with a namespace but personal subscription off",
            adjust: {
                $0.userPersonalSingleConnection = true
                $0.userPersonalChannelNamespace = "personal"
                $0.namespaces = [ChannelNamespace(name: "personal", options: presence)]
            },
            error: .singleConnectionWithoutPresence(.topLevel)),
        Row(
            name: "top-level options are checked before namespaces",
            adjust: {
                $0.topLevel.historySize = 1; $0.namespaces = [ChannelNamespace(name: "x")]
            },
            error: .incompleteHistory(.topLevel)),
    ])
    func validation(row: Row) {
        var configuration = ChannelConfiguration()
        row.adjust(&configuration)
        do {
            _ = try ChannelRules(configuration)
            #expect(row.error == nil && row.key == nil, "accepted")
        } catch {
            if let expected = row.error { #expect(error == expected) }
            #expect(row.error != nil || row.key != nil, "rejected: \(error)")
            if let key = row.key { #expect(error.key == key) }
            if let message = row.message { #expect(error.description == message) }
        }
    }

    @Test func regexErrorsNameThePatternAndNamespace() {
        var configuration = ChannelConfiguration()
        configuration.namespaces = [ChannelNamespace(name: "chat", options: Self.options { $0.channelRegex = "a(" })]
        #expect {
            try ChannelRules(configuration)
        } throws: { error in
            guard let error = error as? ChannelConfigurationError,
                case .invalidChannelRegex(.namespace(0, "chat"), "a(", let reason) = error
            else { return false }
            return !reason.isEmpty && error.description.hasPrefix("namespace chat: invalid channel regex a(: ")
        }
    }

    @Test func locationKeys() {
        #expect(ChannelOptionsLocation.topLevel.key("presence") == "presence")
        #expect(ChannelOptionsLocation.namespace(index: 3, name: "x").key("presence") == "namespaces[3].presence")
    }
}
