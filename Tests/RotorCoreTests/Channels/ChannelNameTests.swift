import RotorCore
import Testing

/// Channel name validity, user-limited channels and personal channels (`server.md` §2.1, §6).
@Suite struct ChannelNameTests {
    struct ValidityRow: CustomStringConvertible, Sendable {
        let channel: String
        let valid: Bool
        var description: String { "\(channel) → \(valid)" }
    }

    /// Top level `^[a-z]+$`, namespace `strict` `^[0-9]{2}$`, namespace `loose` `[0-9]` (unanchored),
    /// namespace `unicode` `^.$`, namespace `plain` without regex.
    static let sample = makeRules(
        configuration(ChannelOptions()) { configuration in
            configuration.topLevel.channelRegex = "^[a-z]+$"
            var strict = ChannelOptions()
            strict.channelRegex = "^[0-9]{2}$"
            var loose = ChannelOptions()
            loose.channelRegex = "[0-9]"
            var unicode = ChannelOptions()
            unicode.channelRegex = "^.$"
            configuration.namespaces = [
                ChannelNamespace(name: "strict", options: strict), ChannelNamespace(name: "loose", options: loose),
                ChannelNamespace(name: "plain"), ChannelNamespace(name: "unicode", options: unicode),
            ]
        })

    @Test(arguments: [
        // Top-level regex: matched against the whole channel (the rest of a top-level channel).
        ValidityRow(channel: "news", valid: true),
        ValidityRow(channel: "news1", valid: false),
        ValidityRow(channel: "$news", valid: false),
        // `$` matches only at the very end, as in Go (no match before a trailing newline).
        ValidityRow(channel: "news\n", valid: false),
        // `:chat` is top level with rest `chat`: the regex sees the rest.
        ValidityRow(channel: ":chat", valid: true),
        // Namespace regexes work (v4.1.5 panicked here) and see only the rest.
        ValidityRow(channel: "strict:12", valid: true),
        ValidityRow(channel: "$strict:12", valid: true),
        ValidityRow(channel: "strict:123", valid: false),
        ValidityRow(channel: "strict:ab", valid: false),
        // Unanchored search: a match anywhere in the rest is enough, like Go's MatchString.
        ValidityRow(channel: "loose:abc1def", valid: true),
        ValidityRow(channel: "loose:abcdef", valid: false),
        // With a regex, the ASCII rule no longer applies.
        ValidityRow(channel: "loose:\u{00FC}1", valid: true),
        // Regexes match Unicode scalars (Go runes), not grapheme clusters.
        ValidityRow(channel: "unicode:\u{00E9}", valid: true),
        ValidityRow(channel: "unicode:e\u{301}", valid: false),
        // Without a regex the whole channel must be ASCII.
        ValidityRow(channel: "plain:chat", valid: true),
        ValidityRow(channel: "plain:ch\u{00E4}t", valid: false),
        ValidityRow(channel: "plain:chat\u{7F}", valid: true),
        ValidityRow(channel: "plain:", valid: true),
    ])
    func validity(row: ValidityRow) throws {
        let resolved = try #require(Self.sample.resolve(row.channel))
        #expect(Self.sample.isValidClientChannelName(resolved) == row.valid)
    }

    @Test func asciiRuleCoversTheNamespacePartAndPrivatePrefix() throws {
        let rules = makeRules(configuration(ChannelOptions()) { $0.privatePrefix = "\u{00A7}" })
        let resolved = try #require(rules.resolve("\u{00A7}ns:chat"))
        #expect(resolved.namespace == "ns")
        #expect(!rules.isValidClientChannelName(resolved))
    }

    struct UserRow: CustomStringConvertible, Sendable {
        let channel: String
        let user: String
        let allowed: Bool
        var boundary = "#"
        var separator = ","
        var description: String { "\(channel) [\(boundary)\(separator)] \(user) → \(allowed)" }
    }

    @Test(arguments: [
        UserRow(channel: "dialog#42,43", user: "42", allowed: true),
        UserRow(channel: "dialog#42,43", user: "43", allowed: true),
        UserRow(channel: "dialog#42,43", user: "4", allowed: false),
        UserRow(channel: "dialog#42,43", user: "42,43", allowed: false),
        UserRow(channel: "personal:user#42", user: "42", allowed: true),
        // Only the text after the last boundary lists users.
        UserRow(channel: "a#42#43", user: "43", allowed: true),
        UserRow(channel: "a#42#43", user: "42", allowed: false),
        // Empty entries admit the anonymous user, as in the reference.
        UserRow(channel: "chat#", user: "", allowed: true),
        UserRow(channel: "chat#1,,2", user: "", allowed: true),
        UserRow(channel: "chat#1,2", user: "", allowed: false),
        UserRow(channel: "chat#1,2,", user: "", allowed: true),
        // No boundary in the channel: everybody (the reference's UserAllowed).
        UserRow(channel: "chat", user: "x", allowed: true),
        // Byte-wise comparison: canonically equivalent user ids differ.
        UserRow(channel: "chat#\u{00E9}", user: "e\u{301}", allowed: false),
        UserRow(channel: "chat#\u{212A}", user: "K", allowed: false),
        // Empty separator: the whole tail is one user.
        UserRow(channel: "dialog#42,43", user: "42,43", allowed: true, separator: ""),
        UserRow(channel: "dialog#42,43", user: "42", allowed: false, separator: ""),
        // Multi-byte boundary and separator.
        UserRow(channel: "dialog@@1;;2", user: "2", allowed: true, boundary: "@@", separator: ";;"),
        UserRow(channel: "dialog@@1;;2", user: "1;", allowed: false, boundary: "@@", separator: ";;"),
        // Boundaries are found left to right without overlap, as Go's strings.Split does.
        UserRow(channel: "a@@@1", user: "@1", allowed: true, boundary: "@@", separator: ";;"),
        UserRow(channel: "a@@@1", user: "1", allowed: false, boundary: "@@", separator: ";;"),
        // Empty boundary: no channel is user-limited, everybody allowed.
        UserRow(channel: "dialog#1", user: "2", allowed: true, boundary: "", separator: ","),
    ])
    func userLimitedParsing(row: UserRow) {
        let rules = makeRules(
            configuration(ChannelOptions()) { configuration in
                configuration.userBoundary = row.boundary
                configuration.userSeparator = row.separator
            })
        #expect(rules.userLimitedChannelAllows(user: row.user, channel: row.channel) == row.allowed)
    }

    @Test(arguments: [
        ("ns:chat#1", true, true), ("ns:chat#1", false, false), ("ns:chat", true, false),
        ("$ns:#1", true, true), ("dialog#", true, true),
    ])
    func userLimitedNeedsTheOptionAndABoundary(channel: String, allowOption: Bool, limited: Bool) throws {
        var options = ChannelOptions()
        options.allowUserLimitedChannels = allowOption
        let rules = makeRules(options)
        let resolved = try #require(rules.resolve(channel))
        #expect(rules.isUserLimited(resolved) == limited)
        #expect(rules.containsUserBoundary(channel) == channel.contains("#"))
    }

    @Test func emptyUserBoundaryMeansNothingIsUserLimited() throws {
        var options = ChannelOptions()
        options.allowUserLimitedChannels = true
        let rules = makeRules(options) { $0.userBoundary = "" }
        #expect(!rules.isUserLimited(try #require(rules.resolve("ns:chat#1"))))
    }

    @Test(arguments: [
        ("", "#", ":", "42", "#42"),
        ("personal", "#", ":", "42", "personal:#42"),
        ("personal", "@", "::", "u1", "personal::@u1"),
        ("", "", ":", "42", "42"),
    ])
    func personalChannel(namespace: String, userBoundary: String, boundary: String, user: String, channel: String) {
        let rules = makeRules(
            configuration(ChannelOptions()) { configuration in
                configuration.namespaces = [ChannelNamespace(name: "personal")]
                configuration.userPersonalChannelNamespace = namespace
                configuration.userBoundary = userBoundary
                configuration.namespaceBoundary = boundary
            })
        #expect(rules.personalChannel(for: user) == channel)
    }
}
