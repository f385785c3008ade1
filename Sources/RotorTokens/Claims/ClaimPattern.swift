/// A compiled `token_issuer_regex` / `token_audience_regex`.
///
/// The reference compiles these with Go's RE2 `regexp` and calls `FindStringSubmatch`: an unanchored
/// search for the leftmost match, whose named groups become JWKS URL template variables. Swift `Regex`
/// accepts the same common syntax, including `(?P<name>…)` groups, and runs here with Unicode-scalar
/// semantics to match RE2's rune-wise matching. It is mostly but not fully compatible: RE2-only
/// constructs may be refused at startup, and Swift-only ones (look-arounds, back-references) are accepted.
struct ClaimPattern: @unchecked Sendable {
    // `Regex` is an immutable value whose lazily compiled program is built thread-safely by the
    // standard library; it is not declared `Sendable` only because its output type is generic.
    private let regex: Regex<AnyRegexOutput>

    /// The pattern as configured.
    let pattern: String

    /// Compiles `pattern`; throws Swift's parse error.
    init(_ pattern: String) throws {
        self.regex = try Regex(pattern).matchingSemantics(.unicodeScalar)
        self.pattern = pattern
    }

    /// The named groups of the first match in `text` (an unmatched group reads as ""), or nil if it does not
    /// match anywhere.
    func match(_ text: String) -> [String: String]? {
        guard let match = try? regex.firstMatch(in: text) else { return nil }
        var variables: [String: String] = [:]
        for group in match.output {
            guard let name = group.name, !name.isEmpty else { continue }
            variables[name] = group.substring.map(String.init) ?? ""
        }
        return variables
    }
}
