extension RouteBuilder {
    /// `/connection/websocket`, `/connection/uni_websocket` and the test-only echo route.
    mutating func mountWebSocketTransports() {
        let configuration = context.configuration
        if !configuration.http.websocketDisable {
            mount(webSocket: ClientWebSocketEndpoint(context: context), at: configuration.http.websocketHandlerPrefix)
        }
        if configuration.unidirectional.uniWebsocket {
            mount(
                webSocket: UniWebSocketEndpoint(context: context),
                at: configuration.http.uniWebsocketHandlerPrefix)
        }
        if context.testRoutes {
            mount(webSocket: EchoWebSocketEndpoint(), at: EchoWebSocketEndpoint.path)
        }
    }
}
