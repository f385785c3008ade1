extension RouteBuilder {
    /// `/connection/http_stream`, `/connection/sse`, `/emulation`, `/connection/uni_sse`,
    /// `/connection/uni_http_stream`.
    mutating func mountStreamingTransports() {}
}
