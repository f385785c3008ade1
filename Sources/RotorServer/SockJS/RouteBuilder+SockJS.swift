extension RouteBuilder {
    /// `/connection/sockjs/…` (`sockjs: true`): the SockJS endpoint, a subtree that also upgrades WebSockets.
    mutating func mountSockJS() {
        let configuration = context.configuration
        guard configuration.bidirectional.sockjs else { return }
        let endpoint = SockJSEndpoint(context: context)
        external.mount(webSocket: endpoint, at: configuration.http.sockjsHandlerPrefix, subtree: true)
        if !externalNames.contains(endpoint.name) { externalNames.append(endpoint.name) }
    }
}
