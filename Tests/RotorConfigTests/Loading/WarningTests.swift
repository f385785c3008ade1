import Testing

@testable import RotorConfig

@Suite struct WarningTests {
    @Test func unknownAndRemovedKeysAreWarnedAboutNotFatal() throws {
        let json = """
            {"client_anonymous": true, "colour": "blue", "publish": true,
             "namespaces": [{"name": "chat", "anonymous": true, "recover": true, "typo_presence": true}]}
            """
        let loaded = try ConfigFixtures.load(
            json: json,
            environment: ["CENTRIFUGO_NOPE": "1", "HOME": "/root", "CENTRIFUGO_PORT": "1"],
            overrides: ConfigOverrides(["bogus": .bool(true)])
        )
        let file = ConfigSource.file("config.json")
        #expect(
            loaded.warnings == [
                ConfigWarning(
                    source: file, key: "namespaces[0].anonymous",
                    kind: .removedKey(replacement: "use the allow_*_for_anonymous options")),
                ConfigWarning(
                    source: file, key: "namespaces[0].recover", kind: .removedKey(replacement: "use force_recovery")),
                ConfigWarning(source: file, key: "namespaces[0].typo_presence", kind: .unknownKey),
                ConfigWarning(source: .flag("bogus"), key: "bogus", kind: .unknownKey),
                ConfigWarning(source: .environment("CENTRIFUGO_NOPE"), key: "nope", kind: .unknownKey),
                ConfigWarning(
                    source: file, key: "client_anonymous",
                    kind: .removedKey(replacement: "use allow_anonymous_connect_without_token")),
                ConfigWarning(source: file, key: "colour", kind: .unknownKey),
                ConfigWarning(
                    source: file, key: "publish",
                    kind: .removedKey(replacement: "use allow_publish_for_subscriber or allow_publish_for_client")),
            ])
        #expect(loaded.warnings[2].description == "config.json: namespaces[0].typo_presence: unknown option, ignored")
    }

    @Test func unsupportedOptionsAreWarnedAboutWhenSetToANonDefaultValue() throws {
        let json =
            #"{"graphite": true, "tarantool_mode": "standalone", "websocket_compression": false, "nats_url": "nats://x"}"#
        let loaded = try ConfigFixtures.load(json: json, environment: ["CENTRIFUGO_GRPC_API": "true"])
        #expect(
            loaded.warnings == [
                ConfigWarning(source: .environment("CENTRIFUGO_GRPC_API"), key: "grpc_api", kind: .unsupportedOption),
                ConfigWarning(source: .file("config.json"), key: "graphite", kind: .unsupportedOption),
                ConfigWarning(source: .file("config.json"), key: "nats_url", kind: .unsupportedOption),
            ])
        #expect(loaded.warnings.allSatisfy { $0.kind == .unsupportedOption })
        #expect(
            loaded.warnings.first { $0.key == "graphite" }?.description
                == "config.json: graphite: option is not supported by Rotor yet, ignored")
    }
}
