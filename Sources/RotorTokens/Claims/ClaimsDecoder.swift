import NIOCore
import RotorCore

/// Decodes a token payload into a `ClaimsDraft` with the strict typing of the reference's Go structs.
///
/// Member names match case-insensitively and a repeated member overwrites the earlier one, as in Go's
/// `encoding/json`. Raw JSON claims (`info`, `data`, `meta`) keep their exact bytes, `null` included.
enum ClaimsDecoder {
    /// The claims of `payload` read as `kind`; throws on malformed JSON or a wrongly typed known claim.
    static func decode(_ payload: [UInt8], as kind: TokenKind) throws(TokenJSONError) -> ClaimsDraft {
        var cursor = JSONCursor(payload)
        var claims = ClaimsDraft()
        if try cursor.enterGoObject(field: "claims") {
            var first = true
            while let key = try cursor.nextKey(first: &first) {
                let name = key.lowercased()
                if try decodeRegistered(name, &cursor, into: &claims.registered) { continue }
                switch kind {
                case .connection: try decodeConnection(name, &cursor, into: &claims)
                case .subscription: try decodeSubscription(name, &cursor, into: &claims)
                case .registeredOnly: _ = try cursor.skipValue()
                }
            }
        }
        try cursor.finish()
        return claims
    }

    /// Decodes `name` if it is a registered claim; false if it is not one.
    private static func decodeRegistered(
        _ name: String, _ cursor: inout JSONCursor, into claims: inout RegisteredClaims
    ) throws(TokenJSONError) -> Bool {
        switch name {
        case "sub": claims.subject = try cursor.readGoString(field: name) ?? claims.subject
        case "iss": claims.issuer = try cursor.readGoString(field: name) ?? claims.issuer
        case "jti": _ = try cursor.readGoString(field: name)
        case "aud": claims.audience = try cursor.readAudience()
        case "exp": claims.expiresAt = try cursor.readNumericDate(field: name)
        case "nbf": claims.notBefore = try cursor.readNumericDate(field: name)
        case "iat": _ = try cursor.readNumericDate(field: name)
        default: return false
        }
        return true
    }

    /// `ConnectTokenClaims` fields besides the registered ones.
    private static func decodeConnection(
        _ name: String, _ cursor: inout JSONCursor, into claims: inout ClaimsDraft
    ) throws(TokenJSONError) {
        switch name {
        case "expire_at": claims.expireAt = try cursor.readGoInt64(field: name)
        case "info": claims.options.info = try rawValue(&cursor)
        case "b64info": claims.options.base64Info = try cursor.readGoString(field: name) ?? claims.options.base64Info
        case "channels": claims.channels = try cursor.readGoStringArray(field: name) ?? []
        case "subs": try decodeSubs(&cursor, into: &claims)
        case "meta": claims.meta = try rawValue(&cursor)
        case "channel": claims.channel = try cursor.readGoString(field: name) ?? claims.channel
        default: _ = try cursor.skipValue()
        }
    }

    /// `SubscribeTokenClaims` fields besides the registered ones.
    private static func decodeSubscription(
        _ name: String, _ cursor: inout JSONCursor, into claims: inout ClaimsDraft
    ) throws(TokenJSONError) {
        switch name {
        case "channel": claims.channel = try cursor.readGoString(field: name) ?? claims.channel
        case "client": claims.client = try cursor.readGoString(field: name) ?? claims.client
        case "expire_at": claims.expireAt = try cursor.readGoInt64(field: name)
        default:
            if try !decodeOption(name, &cursor, into: &claims.options) { _ = try cursor.skipValue() }
        }
    }

    /// `subs`: an object of channel → options; `null` clears it, a `null` entry is an entry with no options.
    private static func decodeSubs(_ cursor: inout JSONCursor, into claims: inout ClaimsDraft) throws(TokenJSONError) {
        guard try cursor.enterGoObject(field: "subs") else {
            claims.subs = [:]
            return
        }
        var first = true
        while let channel = try cursor.nextKey(first: &first) {
            var options = SubscriptionOptionsDraft()
            if try cursor.enterGoObject(field: "subs") {
                var firstOption = true
                while let key = try cursor.nextKey(first: &firstOption) {
                    if try !decodeOption(key.lowercased(), &cursor, into: &options) { _ = try cursor.skipValue() }
                }
            }
            claims.subs[channel] = options
        }
    }

    /// Decodes a `SubscribeOptions` field; false if `name` is not one.
    private static func decodeOption(
        _ name: String, _ cursor: inout JSONCursor, into options: inout SubscriptionOptionsDraft
    ) throws(TokenJSONError) -> Bool {
        switch name {
        case "info": options.info = try rawValue(&cursor)
        case "b64info": options.base64Info = try cursor.readGoString(field: name) ?? options.base64Info
        case "data": options.data = try rawValue(&cursor)
        case "b64data": options.base64Data = try cursor.readGoString(field: name) ?? options.base64Data
        case "override": try decodeOverride(&cursor, into: &options.override)
        default: return false
        }
        return true
    }

    /// `override`: optional `{"value": bool}` wrappers; `null` removes all overrides.
    private static func decodeOverride(
        _ cursor: inout JSONCursor, into override: inout SubscriptionOverride
    ) throws(TokenJSONError) {
        guard try cursor.enterGoObject(field: "override") else {
            override = SubscriptionOverride()
            return
        }
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            switch key.lowercased() {
            case "presence": override.presence = try boolValue(&cursor, current: override.presence)
            case "join_leave": override.joinLeave = try boolValue(&cursor, current: override.joinLeave)
            case "force_push_join_leave":
                override.forcePushJoinLeave = try boolValue(&cursor, current: override.forcePushJoinLeave)
            case "force_recovery": override.forceRecovery = try boolValue(&cursor, current: override.forceRecovery)
            case "force_positioning":
                override.forcePositioning = try boolValue(&cursor, current: override.forcePositioning)
            default: _ = try cursor.skipValue()
            }
        }
    }

    /// A `*BoolValue`: `null` → nil, `{}` → false, `{"value": b}` → b.
    private static func boolValue(_ cursor: inout JSONCursor, current: Bool?) throws(TokenJSONError) -> Bool? {
        guard try cursor.enterGoObject(field: "override") else { return nil }
        var value = current ?? false
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            if key.lowercased() == "value" {
                value = try cursor.readGoBool(field: "value") ?? value
            } else {
                _ = try cursor.skipValue()
            }
        }
        return value
    }

    /// The exact bytes of the next value.
    private static func rawValue(_ cursor: inout JSONCursor) throws(TokenJSONError) -> ByteBuffer {
        let range = try cursor.skipValue()
        return ByteBuffer(bytes: cursor.bytes[range])
    }
}
