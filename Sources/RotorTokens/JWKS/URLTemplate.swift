/// The `token_jwks_public_endpoint` URL with its `{{name}}` placeholders.
///
/// Like the reference's fasttemplate, a placeholder is replaced by the variable of that exact name (the
/// text between the braces, untrimmed, not URL-escaped), or by nothing when no such variable was captured.
struct URLTemplate: Sendable, Hashable {
    /// Literal text and placeholders, in order.
    enum Part: Sendable, Hashable {
        case text(String)
        case variable(String)
    }

    let parts: [Part]

    /// Splits `template`; nil if a `{{` is never closed (the reference refuses such a URL at startup).
    init?(_ template: String) {
        var parts: [Part] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return nil }
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            parts.append(.variable(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// The URL with each placeholder replaced from `variables`.
    func render(_ variables: [String: String]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .variable(let name): variables[name] ?? ""
            }
        }.joined()
    }
}
