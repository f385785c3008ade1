import RotorCore
import Testing

@testable import RotorConfig

@Suite struct EnvironmentTests {
    @Test(arguments: [
        ("1", true), ("t", true), ("T", true), ("TRUE", true), ("true", true), ("True", true),
        ("0", false), ("f", false), ("F", false), ("FALSE", false), ("false", false), ("False", false),
    ])
    func booleansParseLikeGo(text: String, expected: Bool) throws {
        let config = try ConfigFixtures.load(json: "{}", environment: ["CENTRIFUGO_ADMIN": text]).configuration
        #expect(config.admin.admin == expected)
    }

    @Test(arguments: ["yes", "on", "tRuE", "2"])
    func otherBooleanTextIsATypeErrorNamingTheVariable(text: String) {
        let error = ConfigFixtures.error(json: "{}", environment: ["CENTRIFUGO_ADMIN": text])
        #expect(error?.source == .environment("CENTRIFUGO_ADMIN"))
        #expect(error?.key == "admin")
        #expect(
            error?.description
                == "environment variable CENTRIFUGO_ADMIN: admin: expected a boolean, found string \"\(text)\"")
    }

    @Test func listsSplitOnWhitespace() throws {
        let environment = [
            "CENTRIFUGO_ALLOWED_ORIGINS": "https://a.com  https://b.com\thttps://c.com",
            "CENTRIFUGO_PROXY_HTTP_HEADERS": "Authorization",
        ]
        let config = try ConfigFixtures.load(json: "{}", environment: environment).configuration
        #expect(config.http.allowedOrigins == ["https://a.com", "https://b.com", "https://c.com"])
        #expect(config.proxy.proxyHTTPHeaders == ["Authorization"])
    }

    @Test func integersAndDurationsParseFromText() throws {
        let environment = [
            "CENTRIFUGO_CLIENT_CHANNEL_LIMIT": "12", "CENTRIFUGO_PING_INTERVAL": "1m",
            "CENTRIFUGO_HISTORY_META_TTL": "24h", "CENTRIFUGO_PORT": "9001",
        ]
        let config = try ConfigFixtures.load(json: "{}", environment: environment).configuration
        #expect(config.client.clientChannelLimit == 12)
        #expect(config.client.pingInterval == .seconds(60))
        #expect(config.engine.historyMetaTTL == .seconds(86_400))
        #expect(config.http.port == "9001")
    }

    @Test func namespacesComeAsAJSONArray() throws {
        let environment = [
            "CENTRIFUGO_NAMESPACES": #"[{"name": "chat", "presence": true, "history_size": 2, "history_ttl": "10s"}]"#,
            "CENTRIFUGO_RPC_NAMESPACES": #"[{"name": "rpc", "rpc_proxy_name": ""}]"#,
            "CENTRIFUGO_PROXIES": #"[{"name": "p1", "endpoint": "grpc://x:1", "timeout": 2000000000}]"#,
        ]
        let config = try ConfigFixtures.load(json: #"{"namespaces": []}"#, environment: environment).configuration
        #expect(config.namespaces.map(\.name) == ["chat"])
        #expect(config.namespaces[0].options.presence)
        #expect(config.namespaces[0].options.historyTTL == .seconds(10))
        #expect(config.rpcNamespaces == [RPCNamespace(name: "rpc")])
        #expect(config.proxies[0].timeout == .seconds(2))
        #expect(config.source(of: "namespaces[0].presence") == .environment("CENTRIFUGO_NAMESPACES"))
    }

    @Test(arguments: [
        (
            #"[{"name": "chat", "presence": "true"}]"#, "namespaces[0].presence",
            "expected a boolean, found string \"true\""
        ),
        (
            #"[{"name": "chat", "history_ttl": 1000}]"#, "namespaces[0].history_ttl",
            "malformed duration for key 'namespaces[0].history_ttl': 1\u{00B5}s, minimal duration resolution is 1ms \u{2013} make sure correct time unit set"
        ),
        (
            #"[{"name": "chat", "history_ttl": "5x"}]"#, "namespaces[0].history_ttl",
            "malformed duration for key 'namespaces[0].history_ttl': time: unknown unit \"x\" in duration \"5x\""
        ),
        (#"[{"name": 1}]"#, "namespaces[0].name", "expected a string, found number 1"),
        ("[1]", "namespaces[0]", "expected an object, found number 1"),
        (#"{"name": "chat"}"#, "namespaces", "expected a JSON array, found object"),
        ("[{", "namespaces", "JSON syntax error around line 1, column 2: unexpected end of JSON input"),
    ])
    func namespacesFromJSONAreStrictlyTyped(json: String, key: String, message: String) {
        let error = ConfigFixtures.error(json: "{}", environment: ["CENTRIFUGO_NAMESPACES": json])
        #expect(error?.key == key)
        #expect(error?.source == .environment("CENTRIFUGO_NAMESPACES"))
        #expect(error?.problem.description == message)
    }
}
