extension RouteBuilder {
    /// `/metrics` (`prometheus: true`) at `prometheus_handler_prefix` on the internal listener.
    mutating func mountMetrics() {
        guard context.configuration.monitoring.prometheus else { return }
        mount(
            MetricsEndpoint(observability: context.observability),
            at: context.configuration.http.prometheusHandlerPrefix, on: .internal)
    }
}
