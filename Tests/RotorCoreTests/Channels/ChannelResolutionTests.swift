import RotorCore
import Testing

/// Namespace resolution (`server.md` §2.1, §2.2).
@Suite struct ChannelResolutionTests {
    struct Row: CustomStringConvertible, Sendable {
        let channel: String
        /// nil: unknown namespace.
        let namespace: String?
        let rest: String
        var description: String { channel }
    }

    static let defaultRules = makeRules(
        configuration(ChannelOptions()) { configuration in
            configuration.namespaces = [
                ChannelNamespace(name: "public"), ChannelNamespace(name: "personal"), ChannelNamespace(name: "chat.v2"),
            ]
        })

    @Test(arguments: [
        Row(channel: "news", namespace: "", rest: "news"),
        Row(channel: "public:chat", namespace: "public", rest: "chat"),
        Row(channel: "$public:chat", namespace: "public", rest: "chat"),
        Row(channel: "$news", namespace: "", rest: "$news"),
        Row(channel: "personal:user#42", namespace: "personal", rest: "user#42"),
        Row(channel: "dialog#42,43", namespace: "", rest: "dialog#42,43"),
        Row(channel: "xxx:hello", namespace: nil, rest: ""),
        Row(channel: "$xxx:hello", namespace: nil, rest: ""),
        // Only the first boundary splits.
        Row(channel: "public:a:b", namespace: "public", rest: "a:b"),
        Row(channel: "chat.v2:room:1", namespace: "chat.v2", rest: "room:1"),
        // Only one private prefix is stripped.
        Row(channel: "$$public:chat", namespace: nil, rest: ""),
        // An empty namespace name means top level, with the rest after the boundary.
        Row(channel: ":chat", namespace: "", rest: "chat"),
        Row(channel: "$:chat", namespace: "", rest: "chat"),
        Row(channel: "public:", namespace: "public", rest: ""),
        Row(channel: "", namespace: "", rest: ""),
        // The prefix only counts at the start.
        Row(channel: "public$:chat", namespace: nil, rest: ""),
        // Names are compared byte-wise: no case folding, no Unicode equivalence (U+212A KELVIN SIGN ≡ K).
        Row(channel: "Public:chat", namespace: nil, rest: ""),
        Row(channel: "\u{212A}public:chat", namespace: nil, rest: ""),
        // A combining mark after the boundary does not hide it.
        Row(channel: "public:\u{301}x", namespace: "public", rest: "\u{301}x"),
    ])
    func defaultBoundaries(row: Row) {
        let resolved = Self.defaultRules.resolve(row.channel)
        #expect(resolved?.namespace == row.namespace)
        if let resolved {
            #expect(resolved.rest.utf8.elementsEqual(row.rest.utf8))
            #expect(resolved.channel.utf8.elementsEqual(row.channel.utf8))
        }
    }

    @Test func optionsComeFromTheNamespaceWithoutInheritance() throws {
        var top = ChannelOptions()
        top.presence = true
        top.allowSubscribeForClient = true
        var chat = ChannelOptions()
        chat.joinLeave = true
        let rules = makeRules(configuration(top) { $0.namespaces = [ChannelNamespace(name: "chat", options: chat)] })
        #expect(try #require(rules.resolve("news")).options == top)
        #expect(try #require(rules.resolve("chat:1")).options == chat)
        #expect(try #require(rules.resolve("$chat:1")).options == chat)
    }

    struct CustomRow: CustomStringConvertible, Sendable {
        let channel: String
        let namespace: String?
        let rest: String
        var description: String { channel }
    }

    /// Boundaries and prefixes of several bytes, and an empty boundary.
    @Test(arguments: [
        CustomRow(channel: "public::chat", namespace: "public", rest: "chat"),
        CustomRow(channel: "public:chat", namespace: "", rest: "public:chat"),
        CustomRow(channel: "priv.public::a::b", namespace: "public", rest: "a::b"),
        CustomRow(channel: "priv.news", namespace: "", rest: "priv.news"),
        CustomRow(channel: "x::y", namespace: nil, rest: ""),
    ])
    func customBoundaries(row: CustomRow) {
        let rules = makeRules(
            configuration(ChannelOptions()) { configuration in
                configuration.namespaceBoundary = "::"
                configuration.privatePrefix = "priv."
                configuration.namespaces = [ChannelNamespace(name: "public")]
            })
        let resolved = rules.resolve(row.channel)
        #expect(resolved?.namespace == row.namespace)
        if let resolved { #expect(resolved.rest == row.rest) }
    }

    @Test func emptyBoundaryMakesEveryChannelTopLevel() throws {
        let rules = makeRules(
            configuration(ChannelOptions()) { configuration in
                configuration.namespaceBoundary = ""
                configuration.namespaces = [ChannelNamespace(name: "public")]
            })
        let resolved = try #require(rules.resolve("public:chat"))
        #expect(resolved.namespace == "")
        #expect(resolved.rest == "public:chat")
    }

    @Test func emptyPrivatePrefixStripsNothing() throws {
        let rules = makeRules(
            configuration(ChannelOptions()) { configuration in
                configuration.privatePrefix = ""
                configuration.namespaces = [ChannelNamespace(name: "public")]
            })
        #expect(try #require(rules.resolve("public:chat")).namespace == "public")
        #expect(rules.resolve("$public:chat") == nil)
        #expect(!rules.isPrivate("$public:chat"))
    }

    @Test(arguments: [
        ("$news", true), ("$ns:news", true), ("news", false), ("ns:$news", false), ("", false),
        ("$\u{301}news", true),
    ])
    func privatePrefix(channel: String, isPrivate: Bool) {
        #expect(ChannelResolutionTests.defaultRules.isPrivate(channel) == isPrivate)
    }

    @Test func maxLengthCountsBytesAndZeroMeans255() {
        var configuration = ChannelConfiguration()
        configuration.channelMaxLength = 0
        let defaults = makeRules(configuration)
        #expect(defaults.channelMaxLength == 255)
        #expect(!defaults.exceedsMaxLength(String(repeating: "a", count: 255)))
        #expect(defaults.exceedsMaxLength(String(repeating: "a", count: 256)))
        configuration.channelMaxLength = 4
        let short = makeRules(configuration)
        #expect(short.channelMaxLength == 4)
        #expect(!short.exceedsMaxLength("abcd"))
        #expect(short.exceedsMaxLength("\u{00E9}\u{00E9}\u{00E9}"))
    }
}
