import Testing

@testable import RotorConfig

/// Weak typing of top-level options (`server.md` §1.1: integers and strings are interchangeable).
@Suite struct CoercionTests {
    @Test(
        arguments: [
            ("9000", 9000), ("+12", 12), ("-3", -3), ("12.0", 12), ("12.00", 12), ("0x1F", 31), ("0o17", 15),
            ("017", 15), ("0b101", 5), ("1_000", 1000), ("_1", nil), ("1_", nil), ("1__0", nil), ("0_17", 15),
            ("0x_1_0", 16), ("0", 0), ("12.5", nil), ("abc", nil), ("", nil),
            ("08", nil), ("1e3", nil),
        ] as [(String, Int?)])
    func integersFromText(text: String, expected: Int?) {
        #expect(ConfigValue.parseInt(text) == expected)
    }

    @Test(arguments: [
        (ConfigValue.int(5), "5"), (.double(1.5), "1.5"), (.double(300), "300"), (.bool(true), "true"),
        (.string("x"), "x"),
    ])
    func stringsFromScalars(value: ConfigValue, expected: String) {
        #expect(value.goString == expected)
    }

    @Test func scalarsFromTheFile() throws {
        let json = #"{"port": 9000, "client_channel_limit": "0x40", "admin": 1, "api_key": 12, "redis_db": 2.9}"#
        let config = try ConfigFixtures.load(json: json).configuration
        #expect(config.http.port == "9000")
        #expect(config.client.clientChannelLimit == 64)
        #expect(config.admin.admin)
        #expect(config.api.apiKey == "12")
        #expect(config.engine.redisDB == 2)
    }

    @Test func namespaceObjectsAreWeaklyTypedInFiles() throws {
        let json = """
            {"namespaces": [{"name": "chat", "presence": "true", "join_leave": 1, "history_size": "5",
              "history_ttl": "10s", "channel_regex": 7}],
             "proxies": [{"name": "pp", "endpoint": "http://a", "timeout": "2s", "http_headers": "A,B",
              "binary_encoding": "t"}]}
            """
        let config = try ConfigFixtures.load(json: json).configuration
        let options = config.namespaces[0].options
        #expect(options.presence && options.joinLeave)
        #expect(options.historySize == 5)
        #expect(options.channelRegex == "7")
        #expect(config.proxies[0].httpHeaders == ["a", "b"])
        #expect(config.proxies[0].timeout == .seconds(2))
        #expect(config.proxies[0].binaryEncoding)
    }
}
