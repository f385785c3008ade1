import Foundation
import RotorCore

/// The minimal configuration `centrifugo genconfig` writes (`server.md` §10.2): fresh random UUIDv4 strings
/// for `token_hmac_secret_key`, `admin_password`, `admin_secret` and `api_key`, and empty `allowed_origins`.
public enum GenConfig {
    /// Why a configuration could not be generated; `description` is Centrifugo's message (printed after
    /// `error: `).
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The output path has no json/toml/yaml/yml extension.
        case unsupportedExtension
        /// The output file already exists.
        case fileExists(String)
        /// Writing failed.
        case writeFailed(path: String, reason: String)

        /// Centrifugo's message.
        public var description: String {
            switch self {
            case .unsupportedExtension:
                "output config file must have one of supported extensions: json, toml, yaml, yml"
            case .fileExists(let path): "output config file already exists: \(path)"
            case .writeFailed(let path, let reason): "open \(path): \(reason)"
            }
        }
    }

    /// The file text for `format`, with secrets drawn from `random` in the order token secret, admin password,
    /// admin secret, API key.
    public static func render(format: ConfigFileFormat, random: inout some RandomNumberGenerator) -> String {
        let token = RandomUUID.string(using: &random)
        let password = RandomUUID.string(using: &random)
        let secret = RandomUUID.string(using: &random)
        let apiKey = RandomUUID.string(using: &random)
        switch format {
        case .json:
            return """
                {
                  "token_hmac_secret_key": "\(token)",
                  "admin_password": "\(password)",
                  "admin_secret": "\(secret)",
                  "api_key": "\(apiKey)",
                  "allowed_origins": []
                }

                """
        case .toml:
            return """
                token_hmac_secret_key = "\(token)"
                admin_password = "\(password)"
                admin_secret = "\(secret)"
                api_key = "\(apiKey)"
                allowed_origins = []

                """
        case .yaml:
            return """
                token_hmac_secret_key: \(token)
                admin_password: \(password)
                admin_secret: \(secret)
                api_key: \(apiKey)
                allowed_origins: []

                """
        }
    }

    /// Writes a generated configuration to `path` (mode 0644) unless the path has an unsupported extension or
    /// already exists. The caller then validates it with `ConfigLoader` and removes it if that fails.
    public static func write(to path: String, random: inout some RandomNumberGenerator) throws(Failure) {
        if FileManager.default.fileExists(atPath: path) { throw .fileExists(path) }
        guard let format = ConfigFileFormat(path: path) else { throw .unsupportedExtension }
        let text = render(format: format, random: &random)
        let created = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o644])
        if !created { throw .writeFailed(path: path, reason: "cannot create file") }
    }
}
