/// Downloads a JWKS document for the verifier.
///
/// The server provides an HTTP implementation (GET, 1 s timeout, non-200 is an error); tests serve
/// documents from memory. The verifier makes at most two attempts per key fetch.
public protocol JWKSFetcher: Sendable {
    /// The body of a successful GET of `url`; throws on any failure.
    func fetch(url: String) async throws -> [UInt8]
}
