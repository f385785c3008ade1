extension RouteBuilder {
    /// `/connection/http_stream`, `/connection/sse`, `/emulation`, `/connection/uni_sse`,
    /// `/connection/uni_http_stream`, each when the configuration enables it (`server.md` §7.1).
    mutating func mountStreamingTransports() {
        let configuration = context.configuration
        let http = configuration.http
        let bidirectional = configuration.bidirectional
        let unidirectional = configuration.unidirectional
        if bidirectional.httpStream {
            let endpoint = EmulatedStreamEndpoint(
                kind: .httpStream, context: context, maxBodySize: bidirectional.httpStreamMaxRequestBodySize)
            mount(endpoint, at: http.httpStreamHandlerPrefix, on: .external)
        }
        if bidirectional.sse {
            let endpoint = EmulatedStreamEndpoint(
                kind: .sse, context: context, maxBodySize: bidirectional.sseMaxRequestBodySize)
            mount(endpoint, at: http.sseHandlerPrefix, on: .external)
        }
        if bidirectional.httpStream || bidirectional.sse {
            let endpoint = EmulationEndpoint(context: context, maxBodySize: http.emulationMaxRequestBodySize)
            mount(endpoint, at: http.emulationHandlerPrefix, on: .external)
        }
        if unidirectional.uniSSE {
            let endpoint = UnidirectionalStreamEndpoint(
                kind: .uniSSE, context: context, maxBodySize: unidirectional.uniSSEMaxRequestBodySize)
            mount(endpoint, at: http.uniSSEHandlerPrefix, on: .external)
        }
        if unidirectional.uniHTTPStream {
            let endpoint = UnidirectionalStreamEndpoint(
                kind: .uniHTTPStream, context: context,
                maxBodySize: unidirectional.uniHTTPStreamMaxRequestBodySize)
            mount(endpoint, at: http.uniHTTPStreamHandlerPrefix, on: .external)
        }
    }
}
