import Crypto
import Foundation

/// Builds the sample tokens of `gentoken` and `gensubtoken` (`server.md` §3.5): HS256, header
/// `{"alg":"HS256","typ":"JWT"}`, claims `sub` (omitted when empty), `exp`, `iat`, then `channel`.
struct HS256TokenSigner {
    /// `token_hmac_secret_key`.
    let secret: String

    /// A connection token for `user` issued at `issuedAt` (Unix seconds), expiring `ttl` seconds later.
    func connectionToken(user: String, issuedAt: Int64, ttl: Int64) -> String {
        sign(claims: claims(user: user, issuedAt: issuedAt, ttl: ttl, channel: nil))
    }

    /// A subscription token for `user` and `channel`.
    func subscriptionToken(user: String, channel: String, issuedAt: Int64, ttl: Int64) -> String {
        sign(claims: claims(user: user, issuedAt: issuedAt, ttl: ttl, channel: channel))
    }

    /// The claims JSON with Go's field order and string escaping.
    func claims(user: String, issuedAt: Int64, ttl: Int64, channel: String?) -> String {
        var fields: [String] = []
        if !user.isEmpty { fields.append("\"sub\":" + GoJSONString.quote(user)) }
        fields.append("\"exp\":\(issuedAt &+ ttl)")
        fields.append("\"iat\":\(issuedAt)")
        if let channel, !channel.isEmpty { fields.append("\"channel\":" + GoJSONString.quote(channel)) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    private func sign(claims: String) -> String {
        let header = #"{"alg":"HS256","typ":"JWT"}"#
        let signingInput = Self.base64URL(Data(header.utf8)) + "." + Self.base64URL(Data(claims.utf8))
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)
        return signingInput + "." + Self.base64URL(Data(mac))
    }

    /// Unpadded base64url, as JWTs use.
    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// JSON string literals as Go's `encoding/json` writes them (HTML-safe: `<`, `>`, `&` escaped, as are
/// U+2028 and U+2029).
enum GoJSONString {
    /// `text` as a quoted JSON string.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    out += unicodeEscape(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
