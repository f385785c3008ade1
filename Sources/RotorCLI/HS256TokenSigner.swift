import Crypto
import Foundation
import NIOCore
import RotorProtocol

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
        var json = JSONBuilder()
        json.beginObject()
        if !user.isEmpty {
            json.key("sub")
            json.string(user)
        }
        json.key("exp")
        json.integer(issuedAt &+ ttl)
        json.key("iat")
        json.integer(issuedAt)
        if let channel, !channel.isEmpty {
            json.key("channel")
            json.string(channel)
        }
        json.endObject()
        return String(buffer: json.buffer)
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
