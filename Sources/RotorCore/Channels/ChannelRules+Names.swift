extension ChannelRules {
    /// Whether a client may use this channel name (`server.md` §2.1): subscribe, publish, presence,
    /// presence_stats, history and client-requested connect subscriptions; failure means error 107.
    ///
    /// With a `channel_regex` in the channel's namespace (or at top level), the rest must match it somewhere
    /// (unanchored, like Go's `MatchString`); without one, the whole channel must be ASCII. Unlike v4.1.5,
    /// whose namespace-level regex was never compiled (a panic), namespace regexes work (`COMPATIBILITY.md`).
    /// Server API calls do not check names.
    public func isValidClientChannelName(_ resolved: ResolvedChannel) -> Bool {
        if let pattern = resolved.compiled.pattern {
            return pattern.matches(resolved.rest)
        }
        return UTF8Search.isASCII(resolved.channel)
    }

    /// Whether `channel` starts with the private prefix (`$`): client-side subscribe then needs a token, and
    /// it never becomes a client-requested connect subscription. An empty prefix option makes nothing private.
    public func isPrivate(_ channel: String) -> Bool {
        let prefix = configuration.privatePrefix
        return !prefix.isEmpty && UTF8Search.hasPrefix(channel.utf8[...], prefix.utf8)
    }

    /// Whether `channel` contains the user boundary (`#`) anywhere; an empty boundary option means never.
    public func containsUserBoundary(_ channel: String) -> Bool {
        let boundary = configuration.userBoundary
        return UTF8Search.firstRange(of: boundary.utf8, in: channel.utf8[...]) != nil
    }

    /// Whether the channel is user-limited for subscribe permission (`server.md` §2.4 step 5): its namespace
    /// has `allow_user_limited_channels` and the channel contains the user boundary.
    public func isUserLimited(_ resolved: ResolvedChannel) -> Bool {
        resolved.options.allowUserLimitedChannels && containsUserBoundary(resolved.channel)
    }

    /// Whether `user` is in the user list of `channel` (`server.md` §2.1): the text after the **last** user
    /// boundary, split on the user separator, must have an entry equal to `user`; with an empty separator the
    /// whole text must equal `user`. Comparison is byte-wise; boundaries are found left to right without
    /// overlap, as Go's `strings.Split` does (`a@@@1` with boundary `@@` lists `@1`).
    ///
    /// As in the reference, a channel without a user boundary (or an empty boundary option) allows everyone,
    /// and an empty entry (`chat#`, `chat#1,,2`) allows the anonymous user `""`.
    public func userLimitedChannelAllows(user: String, channel: String) -> Bool {
        let boundary = configuration.userBoundary.utf8
        let bytes = channel.utf8[...]
        guard let last = UTF8Search.lastSplitRange(of: boundary, in: bytes) else { return true }
        var list = bytes[last.upperBound...]
        let separator = configuration.userSeparator.utf8
        while let next = UTF8Search.firstRange(of: separator, in: list) {
            if UTF8Search.equal(list[..<next.lowerBound], user.utf8) { return true }
            list = list[next.upperBound...]
        }
        return UTF8Search.equal(list, user.utf8)
    }

    /// The personal channel of `user` (`server.md` §6): `#user`, or `ns:#user` with
    /// `user_personal_channel_namespace`, using the configured boundaries.
    public func personalChannel(for user: String) -> String {
        let namespace = configuration.userPersonalChannelNamespace
        let personal = configuration.userBoundary + user
        return namespace.isEmpty ? personal : namespace + configuration.namespaceBoundary + personal
    }
}
