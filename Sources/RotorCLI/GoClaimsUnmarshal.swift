import Foundation

/// The errors Go's `encoding/json` reports when the reference unmarshals a token's claims before verifying
/// them (`checktoken`: `jwt.RegisteredClaims`; `checksubtoken`: `jwtverify.SubscribeTokenClaims`): a wrong
/// type for a string field, a `NumericDate` that is not a number (`date is not valid`), an `aud` that is not a
/// string or list of strings (`audience format is not valid`). Covers the registered claims and the
/// subscription token's `channel`, `client` and `expire_at`; the first problem in document order wins.
enum GoClaimsUnmarshal {
    /// The error for the claims object `claims` decoded into `structName`; nil when it decodes.
    static func problem(in claims: String, structName: String, subscription: Bool) -> String? {
        var stringFields: Set<String> = ["jti", "iss", "sub"]
        if subscription { stringFields.formUnion(["channel", "client"]) }
        for member in TopLevelJSONMembers(claims).members where member.kind != "null" {
            let key = member.key.lowercased()
            if stringFields.contains(key), member.kind != "string" {
                return typeError(member.kind, field: "\(structName).\(key)", type: "string")
            }
            if ["exp", "iat", "nbf"].contains(key), !isNumericDate(member) {
                return "date is not valid"
            }
            if key == "aud", !isAudience(member) {
                return "audience format is not valid"
            }
            if subscription, key == "expire_at", !(member.kind == "number" && Int64(member.raw) != nil) {
                let value = member.kind == "number" ? "number \(member.raw)" : member.kind
                return typeError(value, field: "\(structName).expire_at", type: "int64")
            }
        }
        return nil
    }

    private static func typeError(_ value: String, field: String, type: String) -> String {
        "json: cannot unmarshal \(value) into Go struct field \(field) of type \(type)"
    }

    /// A JSON number, or a string holding one (Go's `json.Number` accepts both).
    private static func isNumericDate(_ member: TopLevelJSONMembers.Member) -> Bool {
        switch member.kind {
        case "number": return true
        case "string":
            let text = String(member.raw.dropFirst().dropLast())
            return (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed))
                is NSNumber && text.first.map { $0 == "-" || $0.isNumber } == true
        default: return false
        }
    }

    private static func isAudience(_ member: TopLevelJSONMembers.Member) -> Bool {
        switch member.kind {
        case "string": return true
        case "array":
            let value = try? JSONSerialization.jsonObject(with: Data(member.raw.utf8))
            return (value as? [Any])?.allSatisfy { $0 is String } ?? false
        default: return false
        }
    }
}
