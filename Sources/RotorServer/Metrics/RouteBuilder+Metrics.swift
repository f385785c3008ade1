extension RouteBuilder {
    /// `/metrics` (`prometheus: true`).
    mutating func mountMetrics() {}
}
