extension RouteBuilder {
    /// `/connection/websocket`, `/connection/uni_websocket` and the test-only echo route.
    mutating func mountWebSocketTransports() {}
}
