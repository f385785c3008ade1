/// The JOSE header fields the verifier uses.
struct JOSEHeader: Equatable {
    /// `alg`: the signature algorithm name.
    var algorithm = ""
    /// `kid`: the key id, needed to pick a JWKS key.
    var keyID = ""
}

/// A compact JWS (`header.payload.signature`) split and decoded, not yet verified.
///
/// Follows the reference's parser (cristalhq/jwt `ParseNoVerify`): the token must start with `eyJ`, the
/// segments are the text before the first dot, between the first and the last dot, and after the last dot,
/// each base64url without padding; the header must be a JSON object with string fields.
struct CompactJWS {
    let header: JOSEHeader
    /// The decoded claims JSON.
    let payload: [UInt8]
    /// `header.payload` exactly as sent: what the signature covers.
    let signingInput: ArraySlice<UInt8>
    /// The decoded signature.
    let signature: [UInt8]

    /// Nil if the token is not a well-formed compact JWS.
    init?(_ token: String) {
        let bytes = Array(token.utf8)
        guard bytes.starts(with: "eyJ".utf8),
            let firstDot = bytes.firstIndex(of: UInt8(ascii: ".")),
            let lastDot = bytes.lastIndex(of: UInt8(ascii: ".")), lastDot > firstDot,
            let headerJSON = Base64.decodeURLUnpadded(bytes[..<firstDot]),
            let header = try? Self.decodeHeader(headerJSON),
            let payload = Base64.decodeURLUnpadded(bytes[(firstDot + 1)..<lastDot]),
            let signature = Base64.decodeURLUnpadded(bytes[(lastDot + 1)...])
        else { return nil }
        self.header = header
        self.payload = payload
        self.signingInput = bytes[..<lastDot]
        self.signature = signature
    }

    /// Decodes the header object (`null` reads as an empty header, as in Go); `typ` and `cty` are type-checked
    /// but unused.
    private static func decodeHeader(_ json: [UInt8]) throws(TokenJSONError) -> JOSEHeader {
        var cursor = JSONCursor(json)
        var header = JOSEHeader()
        if try cursor.enterGoObject(field: "header") {
            var first = true
            while let key = try cursor.nextKey(first: &first) {
                switch key.lowercased() {
                case "alg": header.algorithm = try cursor.readGoString(field: "alg") ?? header.algorithm
                case "kid": header.keyID = try cursor.readGoString(field: "kid") ?? header.keyID
                case "typ", "cty": _ = try cursor.readGoString(field: key)
                default: _ = try cursor.skipValue()
                }
            }
        }
        try cursor.finish()
        return header
    }
}
