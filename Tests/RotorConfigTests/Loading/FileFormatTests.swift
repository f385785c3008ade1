import Foundation
import RotorCore
import Testing

@testable import RotorConfig

@Suite struct FileFormatTests {
    static let json = """
        {
          "token_hmac_secret_key": "secret",
          "Api_Key": "key",
          "port": 9000,
          "allowed_origins": ["https://a.com", "https://b.com"],
          "ping_interval": "20s",
          "client_channel_limit": "64",
          "presence": true,
          "history_size": 10,
          "history_ttl": "300s",
          "namespaces": [
            {"name": "chat", "presence": true, "history_size": 5, "history_ttl": "1m30s", "force_recovery": true},
            {"name": "news", "allow_subscribe_for_client": true, "history_size": 3, "history_ttl": 60000000000}
          ],
          "proxies": [{"name": "backend", "endpoint": "http://localhost:3000", "http_headers": ["X-Token"]}]
        }
        """

    static let yaml = """
        token_hmac_secret_key: secret
        Api_Key: key
        port: 9000
        allowed_origins:
          - https://a.com
          - https://b.com
        ping_interval: 20s
        client_channel_limit: "64"
        presence: true
        history_size: 10
        history_ttl: 300s
        namespaces:
          - name: chat
            presence: true
            history_size: 5
            history_ttl: 1m30s
            force_recovery: true
          - name: news
            allow_subscribe_for_client: true
            history_size: 3
            history_ttl: 60000000000
        proxies:
          - name: backend
            endpoint: http://localhost:3000
            http_headers: [X-Token]
        """

    static let toml = """
        token_hmac_secret_key = "secret"
        Api_Key = "key"
        port = 9000
        allowed_origins = ["https://a.com", "https://b.com"]
        ping_interval = "20s"
        client_channel_limit = "64"
        presence = true
        history_size = 10
        history_ttl = "300s"

        [[namespaces]]
        name = "chat"
        presence = true
        history_size = 5
        history_ttl = "1m30s"
        force_recovery = true

        [[namespaces]]
        name = "news"
        allow_subscribe_for_client = true
        history_size = 3
        history_ttl = 60000000000

        [[proxies]]
        name = "backend"
        endpoint = "http://localhost:3000"
        http_headers = ["X-Token"]
        """

    static func expected() -> RotorConfiguration {
        var config = RotorConfiguration()
        config.token.tokenHMACSecretKey = "secret"
        config.api.apiKey = "key"
        config.http.port = "9000"
        config.http.allowedOrigins = ["https://a.com", "https://b.com"]
        config.client.pingInterval = .seconds(20)
        config.client.clientChannelLimit = 64
        config.topLevelChannelOptions.presence = true
        config.topLevelChannelOptions.historySize = 10
        config.topLevelChannelOptions.historyTTL = .seconds(300)
        var chat = ChannelOptions()
        chat.presence = true
        chat.historySize = 5
        chat.historyTTL = .seconds(90)
        chat.forceRecovery = true
        var news = ChannelOptions()
        news.allowSubscribeForClient = true
        news.historySize = 3
        news.historyTTL = .seconds(60)
        config.namespaces = [
            ChannelNamespace(name: "chat", options: chat), ChannelNamespace(name: "news", options: news),
        ]
        var backend = ProxyDefinition(name: "backend", endpoint: "http://localhost:3000")
        backend.httpHeaders = ["x-token"]
        config.proxies = [backend]
        return config
    }

    @Test(arguments: [("json", json), ("yaml", yaml), ("yml", yaml), ("toml", toml)])
    func everyFormatLoadsTheSameConfiguration(ext: String, text: String) throws {
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.\(ext)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try ConfigLoader.load(path: path)
        var configuration = loaded.configuration
        configuration.sources = [:]
        #expect(configuration == Self.expected())
        #expect(loaded.filePath == path)
        #expect(loaded.configuration.source(of: "namespaces[1].history_ttl") == .file(path))
        #expect(loaded.warnings.isEmpty)
    }

    @Test(arguments: ["config.ini", "config", "config.JSON", "missing.json"])
    func missingOrUnsupportedFileOnlyWarns(name: String) throws {
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        if name != "missing.json" { try "{\"api_key\": \"x\"}".write(toFile: path, atomically: true, encoding: .utf8) }
        let loaded = try ConfigLoader.load(path: path)
        #expect(loaded.filePath == nil)
        #expect(loaded.configuration.api.apiKey == "")
        #expect(loaded.warnings == [ConfigWarning(source: .file(path), key: "", kind: .configFileNotFound)])
    }

    @Test(arguments: [
        (ConfigFileFormat.yaml, "a: [1, 2"),
        (.toml, "a = "),
        (.json, "{\"a\": }"),
    ])
    func unparsableFileIsFatalAndNamesTheFile(format: ConfigFileFormat, text: String) {
        do {
            _ = try ConfigLoader.load(contents: text, format: format, path: "/etc/rotor/config")
            Issue.record("loaded")
        } catch {
            #expect(error.source == .file("/etc/rotor/config"))
            #expect(error.description.hasPrefix("/etc/rotor/config: "))
            if format == .json {
                #expect(error.description.contains("JSON syntax error around line 1, column 7"))
            } else {
                #expect(error.description.contains("configuration error: "))
            }
        }
    }

    @Test func topLevelMustBeAnObject() {
        #expect(ConfigFixtures.error(json: "[1]")?.problem == .notAnObject)
    }

    @Test(arguments: [
        ("a.json", ConfigFileFormat.json), ("a.yaml", .yaml), ("a.yml", .yaml), ("a.toml", .toml),
        ("dir.json/a", nil), ("a.Json", nil), ("a.", nil), ("a", nil),
    ])
    func formatFollowsTheExtension(path: String, format: ConfigFileFormat?) {
        #expect(ConfigFileFormat(path: path) == format)
    }
}
