/// A compiled `channel_regex`, searched like Go's `regexp.MatchString`: unanchored (the pattern anchors
/// itself with `^`/`$` if it wants to) and over Unicode scalars, the nearest Swift equivalent of Go's runes.
///
/// `Regex` is not `Sendable` in Swift 6.3 because it may hold any output type. This wrapper only ever holds
/// an `AnyRegexOutput` regex built from a string, never mutates it, and runs one match in `init` so the
/// program is fully lowered before the value is shared; after that matching only reads it.
struct ChannelPattern: @unchecked Sendable {
    /// The pattern as configured.
    let source: String
    private let regex: Regex<AnyRegexOutput>

    /// Compiles `source`; the error text is the parser's description of the problem.
    init(_ source: String) throws(ChannelPatternError) {
        let compiled: Regex<AnyRegexOutput>
        do {
            compiled = try Regex(source)
        } catch {
            throw ChannelPatternError(reason: String(describing: error))
        }
        self.source = source
        self.regex = compiled.matchingSemantics(.unicodeScalar)
        _ = "".contains(self.regex)
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        text.contains(regex)
    }
}

extension ChannelPattern: Hashable {
    static func == (lhs: ChannelPattern, rhs: ChannelPattern) -> Bool { lhs.source == rhs.source }
    func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

/// Why a `channel_regex` did not compile.
struct ChannelPatternError: Error {
    /// The regex parser's message.
    let reason: String
}
