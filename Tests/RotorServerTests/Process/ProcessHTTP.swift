/// The HTTP exchanges the process tests make against a spawned `rotor`: server API calls, a
/// `uni_http_stream` connection and plain GETs, each over a fresh `HTTPTestClient` connection.
enum ProcessHTTP {
    /// Calls the server API (`POST /api`) with one command; `key` nil sends no `Authorization` header.
    static func api(
        port: Int, key: String?, method: String, params: String = "{}"
    ) async throws -> HTTPTestClient.Response {
        let headers = key.map { [("Authorization", "apikey \($0)")] } ?? []
        return try await exchange(port: port) { client in
            try await client.send(
                "POST", "/api", headers: headers + [("Content-Type", "application/json")],
                text: "{\"method\":\"\(method)\",\"params\":\(params)}")
            return try await client.response()
        }
    }

    /// A plain GET of `target`.
    static func get(port: Int, _ target: String) async throws -> HTTPTestClient.Response {
        try await exchange(port: port) { client in
            try await client.send("GET", target)
            return try await client.response()
        }
    }

    /// Runs `body` with a new connection that is closed afterwards.
    static func exchange<T>(port: Int, _ body: (HTTPTestClient) async throws -> T) async throws -> T {
        let client = try await HTTPTestClient.connect(port: port)
        do {
            let result = try await body(client)
            await client.close()
            return result
        } catch {
            await client.close()
            throw error
        }
    }

    /// Opens `/connection/uni_http_stream` with `token` and waits for the first line (the connect push);
    /// returns the open client and that line.
    static func uniStream(port: Int, token: String) async throws -> (client: HTTPTestClient, first: String) {
        let client = try await HTTPTestClient.connect(port: port)
        try await client.send(
            "POST", "/connection/uni_http_stream", headers: [("Content-Type", "application/json")],
            text: "{\"token\":\"\(token)\"}")
        let first = try await client.body { $0.hasSuffix("\n") }
        return (client, first)
    }
}
