import NIOCore
import OrderedCollections
import RotorCore

/// Which of the reference's claim structs a payload is decoded into.
///
/// Each struct knows only its own fields; the others are skipped without type checks, exactly as Go's
/// `encoding/json` ignores unknown members.
enum TokenKind {
    /// `ConnectTokenClaims`.
    case connection
    /// `SubscribeTokenClaims`.
    case subscription
    /// Only the registered claims (enough to rebuild the JWKS URL for `prepareKeys(for:)`).
    case registeredOnly
}

/// The registered JWT claims the verifier checks.
struct RegisteredClaims {
    var subject = ""
    var issuer = ""
    var audience: [String] = []
    var expiresAt: NumericDate?
    var notBefore: NumericDate?
}

/// A subscription's options as written in a token, base64 not yet decoded.
struct SubscriptionOptionsDraft {
    /// `info` raw JSON, byte for byte.
    var info: ByteBuffer?
    /// `b64info`: wins over `info` when not empty.
    var base64Info = ""
    /// `data` raw JSON, byte for byte.
    var data: ByteBuffer?
    /// `b64data`: wins over `data` when not empty.
    var base64Data = ""
    var override = SubscriptionOverride()
}

/// Claims of either token kind after type checking; base64 fields are decoded only once the token passed
/// the signature and time checks, as in the reference.
struct ClaimsDraft {
    var registered = RegisteredClaims()
    /// `channel`: required in subscription tokens, forbidden in connection tokens.
    var channel = ""
    /// `client` (subscription tokens).
    var client = ""
    /// `expire_at`.
    var expireAt: Int64?
    /// `info`/`b64info` of both kinds, and `data`/`b64data`/`override` of subscription tokens.
    var options = SubscriptionOptionsDraft()
    /// `channels` (connection tokens).
    var channels: [String] = []
    /// `subs` (connection tokens), in token order.
    var subs: OrderedDictionary<String, SubscriptionOptionsDraft> = [:]
    /// `meta` raw JSON (connection tokens).
    var meta: ByteBuffer?
}
