import Testing

@testable import RotorConfig

@Suite struct PrecedenceTests {
    @Test func flagBeatsEnvironmentBeatsFileBeatsDefault() throws {
        let json = #"{"port": "7000", "address": "10.0.0.1", "log_level": "debug", "name": "file"}"#
        let environment = ["CENTRIFUGO_PORT": "7100", "CENTRIFUGO_ADDRESS": "10.0.0.2", "CENTRIFUGO_NAME": ""]
        let overrides = ConfigOverrides(["port": .string("7200")])
        let loaded = try ConfigFixtures.load(json: json, environment: environment, overrides: overrides)
        let config = loaded.configuration
        #expect(config.http.port == "7200")
        #expect(config.source(of: "port") == .flag("port"))
        #expect(config.http.address == "10.0.0.2")
        #expect(config.source(of: "address") == .environment("CENTRIFUGO_ADDRESS"))
        #expect(config.general.logLevel == "debug")
        #expect(config.source(of: "log_level") == .file("config.json"))
        // An empty environment variable is unset: the file wins.
        #expect(config.general.name == "file")
        #expect(config.source(of: "engine") == .defaultValue)
        #expect(config.general.engine == "memory")
    }

    @Test func flagDefaultsAreTheFallbackAndNatsURLKeepsItsBuiltInDefault() throws {
        let config = try ConfigFixtures.load(json: "{}").configuration
        #expect(config.http.port == "8000")
        #expect(config.general.logLevel == "info")
        #expect(config.engine.redisAddress == ["redis://127.0.0.1:6379"])
        #expect(config.engine.tarantoolAddress == ["tcp://127.0.0.1:3301"])
        #expect(config.engine.natsURL == "")
    }

    @Test func fileKeysAreCaseInsensitive() throws {
        let config = try ConfigFixtures.load(json: #"{"API_KEY": "k", "Client_Insecure": true}"#).configuration
        #expect(config.api.apiKey == "k")
        #expect(config.token.clientInsecure)
    }

    @Test func explicitNullFallsThroughToTheDefault() throws {
        let config = try ConfigFixtures.load(json: #"{"port": null, "engine": null}"#).configuration
        #expect(config.http.port == "8000")
        #expect(config.general.engine == "memory")
    }

    @Test(arguments: [
        (ConfigValue.bool(true), true), (.string("true"), true), (.string("0"), false),
    ])
    func flagValuesAreCoerced(value: ConfigValue, expected: Bool) throws {
        let loaded = try ConfigFixtures.load(json: #"{"admin": false}"#, overrides: ConfigOverrides(["admin": value]))
        #expect(loaded.configuration.admin.admin == expected)
    }

    @Test func flagsReachEveryBoundOption() throws {
        let overrides = ConfigOverrides([
            "engine": .string("redis"), "client_insecure": .bool(true), "grpc_api_port": .int(10500),
            "redis_address": .string("redis://a:6379 redis://b:6379"), "nats_url": .string("nats://n:4222"),
        ])
        let config = try ConfigFixtures.load(json: "{}", overrides: overrides).configuration
        #expect(config.general.engine == "redis")
        #expect(config.token.clientInsecure)
        #expect(config.api.grpcAPIPort == 10500)
        #expect(config.engine.redisAddress == ["redis://a:6379", "redis://b:6379"])
        #expect(config.engine.natsURL == "nats://n:4222")
    }
}
