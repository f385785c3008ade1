extension RouteBuilder {
    /// `/connection/sockjs/…`.
    mutating func mountSockJS() {}
}
