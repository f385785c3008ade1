/// Tokens computed outside Rotor (openssl) to pin the exact bytes of `gentoken`.
enum TokenFixtures {
    /// `{"alg":"HS256","typ":"JWT"}` . `{"sub":"42","exp":1700003600,"iat":1700000000}`, HMAC-SHA256 with key
    /// `secret-key`.
    static let knownToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImV4cCI6MTcwMDAwMzYwMCwiaWF0IjoxNzAwMDAwMDAwfQ"
        + ".MHivz48aWeHfxkiteL48gY8DNd1oyYnHNEnBToulQI8"
}
