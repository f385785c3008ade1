import Foundation

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
        let token = uuidV4(using: &random)
        let password = uuidV4(using: &random)
        let secret = uuidV4(using: &random)
        let apiKey = uuidV4(using: &random)
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

    /// A random (version 4, variant 1) UUID in lower-case text form.
    public static func uuidV4(using random: inout some RandomNumberGenerator) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(
            separator: "-")
    }
}
