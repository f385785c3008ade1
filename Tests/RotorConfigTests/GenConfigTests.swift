import Foundation
import RotorCore
import Testing

@testable import RotorConfig

@Suite struct GenConfigTests {
    @Test func uuidsAreVersion4() {
        var random = ConfigFixtures.SeededRandom(state: 1)
        let uuid = RandomUUID.string(using: &random)
        let parts = uuid.split(separator: "-").map(\.count)
        #expect(parts == [8, 4, 4, 4, 12])
        #expect(Array(uuid)[14] == "4")
        #expect("89ab".contains(Array(uuid)[19]))
        #expect(uuid == uuid.lowercased())
    }

    @Test(arguments: ConfigFileFormat.allCases)
    func rendersTheFourSecretsAndAllowedOriginsAndLoadsBack(format: ConfigFileFormat) throws {
        var random = ConfigFixtures.SeededRandom(state: 7)
        let text = GenConfig.render(format: format, random: &random)
        var replay = ConfigFixtures.SeededRandom(state: 7)
        let secrets = (0..<4).map { _ in RandomUUID.string(using: &replay) }
        let loaded = try ConfigLoader.load(contents: text, format: format, path: "config.\(format.rawValue)")
        let config = loaded.configuration
        #expect(config.token.tokenHMACSecretKey == secrets[0])
        #expect(config.admin.adminPassword == secrets[1])
        #expect(config.admin.adminSecret == secrets[2])
        #expect(config.api.apiKey == secrets[3])
        #expect(config.http.allowedOrigins == [])
        #expect(config.sources["allowed_origins"] != nil)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func jsonTextIsExactlyCentrifugos() {
        var random = ConfigFixtures.SeededRandom(state: 3)
        let text = GenConfig.render(format: .json, random: &random)
        var replay = ConfigFixtures.SeededRandom(state: 3)
        let s = (0..<4).map { _ in RandomUUID.string(using: &replay) }
        #expect(
            text == """
                {
                  "token_hmac_secret_key": "\(s[0])",
                  "admin_password": "\(s[1])",
                  "admin_secret": "\(s[2])",
                  "api_key": "\(s[3])",
                  "allowed_origins": []
                }

                """)
        #expect(GenConfig.render(format: .yaml, random: &replay).hasPrefix("token_hmac_secret_key: "))
        #expect(GenConfig.render(format: .toml, random: &replay).hasSuffix("allowed_origins = []\n"))
    }

    @Test func writeRefusesExistingFilesAndUnknownExtensions() throws {
        let directory = try ConfigFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var random = ConfigFixtures.SeededRandom(state: 9)
        let path = directory.appendingPathComponent("config.yml").path
        try GenConfig.write(to: path, random: &random)
        #expect(try ConfigLoader.load(path: path).filePath == path)
        #expect(throws: GenConfig.Failure.fileExists(path)) { try GenConfig.write(to: path, random: &random) }
        let ini = directory.appendingPathComponent("config.ini").path
        #expect(throws: GenConfig.Failure.unsupportedExtension) { try GenConfig.write(to: ini, random: &random) }
        #expect(
            GenConfig.Failure.unsupportedExtension.description
                == "output config file must have one of supported extensions: json, toml, yaml, yml")
    }
}
