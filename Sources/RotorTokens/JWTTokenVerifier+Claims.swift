import NIOCore
import OrderedCollections
import RotorCore

extension JWTTokenVerifier {
    /// The public connection claims; `subs` base64 errors make the token invalid, a `b64info` error is a
    /// failure (the reference returns the decoding error itself there, not "invalid token").
    func connectionClaims(from draft: ClaimsDraft) throws(Rejection) -> ConnectionTokenClaims {
        var subs: OrderedDictionary<String, TokenSubscriptionOptions> = [:]
        for (channel, options) in draft.subs {
            subs[channel] = TokenSubscriptionOptions(
                info: try payload(options.base64Info, raw: options.info, claim: "subs.\(channel).b64info"),
                data: try payload(options.base64Data, raw: options.data, claim: "subs.\(channel).b64data"),
                override: options.override)
        }
        let info: ByteBuffer
        do {
            info = try payload(draft.options.base64Info, raw: draft.options.info, claim: "b64info")
        } catch {
            guard case .invalid(let reason) = error else { throw error }
            throw .failed(reason)
        }
        return ConnectionTokenClaims(
            user: draft.registered.subject,
            expiresAt: draft.registered.expiresAt?.seconds,
            expireAt: draft.expireAt.map { max($0, 0) },
            info: info,
            channels: draft.channels,
            subs: subs,
            meta: draft.meta ?? ByteBuffer())
    }

    /// The public subscription claims; base64 errors make the token invalid.
    func subscriptionClaims(from draft: ClaimsDraft) throws(Rejection) -> SubscriptionTokenClaims {
        SubscriptionTokenClaims(
            user: draft.registered.subject,
            channel: draft.channel,
            client: draft.client,
            expiresAt: draft.registered.expiresAt?.seconds,
            expireAt: draft.expireAt.map { max($0, 0) },
            info: try payload(draft.options.base64Info, raw: draft.options.info, claim: "b64info"),
            data: try payload(draft.options.base64Data, raw: draft.options.data, claim: "b64data"),
            override: draft.options.override)
    }

    /// The decoded base64 claim when it is not empty, else the raw JSON claim, else nothing.
    private func payload(_ base64: String, raw: ByteBuffer?, claim: String) throws(Rejection) -> ByteBuffer {
        guard !base64.isEmpty else { return raw ?? ByteBuffer() }
        guard let bytes = Base64.decodeStandardPadded(base64) else { throw .invalid("\(claim) is not valid base64") }
        return ByteBuffer(bytes: bytes)
    }
}
