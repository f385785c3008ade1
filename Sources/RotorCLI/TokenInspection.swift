import Foundation

/// A token split without checking its signature, as the reference's `ParseNoVerify` does before verifying
/// (`server.md` §10.2): `checktoken` prints its algorithm and raw claims when verification fails.
struct TokenInspection {
    /// The header's `alg`.
    let algorithm: String
    /// The decoded claims segment, exactly as sent.
    let claims: String

    /// Nil when `token` is not a compact JWS (`error: token format is not valid`): it must start with `eyJ`,
    /// have a dot-separated header, claims and signature, each unpadded base64url, and a JSON object header.
    init?(_ token: String) {
        guard token.hasPrefix("eyJ"), let firstDot = token.firstIndex(of: "."),
            let lastDot = token.lastIndex(of: "."), firstDot < lastDot,
            let header = Self.decode(token[..<firstDot]),
            let claims = Self.decode(token[token.index(after: firstDot)..<lastDot]),
            Self.decode(token[token.index(after: lastDot)...]) != nil,
            let algorithm = Self.algorithm(inHeader: header)
        else { return nil }
        self.algorithm = algorithm
        self.claims = String(decoding: claims, as: UTF8.self)
    }

    /// Why the claims cannot be read as a claims object (the reference unmarshals them before verifying);
    /// nil when they can.
    func claimsProblem(goType: String) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(claims.utf8), options: .fragmentsAllowed)
        else { return "invalid character in claims JSON" }
        if value is [String: Any] || value is NSNull { return nil }
        let first = claims.unicodeScalars.first { !" \t\r\n".unicodeScalars.contains($0) }
        let kind =
            switch first {
            case "[": "array"
            case "\"": "string"
            case "t", "f": "bool"
            default: "number"
            }
        return "json: cannot unmarshal \(kind) into Go value of type \(goType)"
    }

    /// The `alg` of a JSON object header (`""` when absent); nil when the header is not an object or `alg` is
    /// not a string. Like Go, a `null` header is an empty one.
    private static func algorithm(inHeader header: Data) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: header, options: .fragmentsAllowed) else {
            return nil
        }
        if value is NSNull { return "" }
        guard let object = value as? [String: Any] else { return nil }
        var algorithm = ""
        for (key, field) in object where key.lowercased() == "alg" {
            if field is NSNull { continue }
            guard let text = field as? String else { return nil }
            algorithm = text
        }
        return algorithm
    }

    /// Unpadded base64url; nil for padding or any other character.
    private static func decode(_ segment: Substring) -> Data? {
        guard segment.utf8.count % 4 != 1,
            segment.unicodeScalars.allSatisfy({
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    || $0 == "_"
            })
        else { return nil }
        var base64 = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
