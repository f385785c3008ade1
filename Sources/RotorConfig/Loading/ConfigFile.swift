import Foundation
import OrderedCollections

/// Reading the configuration file (`server.md` §1.1): a missing, unreadable or unsupported file is not an
/// error (the caller warns `config file not found`); a file that exists but does not parse is.
enum ConfigFile {
    /// The file's top-level object with lower-cased keys, or nil when there is no usable file.
    static func read(path: String) throws(ConfigurationError) -> OrderedDictionary<String, ConfigValue>? {
        guard let format = ConfigFileFormat(path: path),
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return try parse(String(decoding: data, as: UTF8.self), format: format, path: path)
    }

    /// Parses `text` in `format`; `path` is named in errors.
    static func parse(
        _ text: String,
        format: ConfigFileFormat,
        path: String
    ) throws(ConfigurationError) -> OrderedDictionary<String, ConfigValue> {
        let tree: ConfigValue
        do {
            tree = try format.parse(text)
        } catch let error as JSONSyntaxError {
            throw ConfigurationError(source: .file(path), key: "", problem: .jsonSyntax(error))
        } catch {
            throw ConfigurationError(source: .file(path), key: "", problem: .fileSyntax(String(describing: error)))
        }
        guard case .object(let object) = tree else {
            throw ConfigurationError(source: .file(path), key: "", problem: .notAnObject)
        }
        var lowered = OrderedDictionary<String, ConfigValue>()
        for (key, value) in object { lowered[key.lowercased()] = value }
        return lowered
    }
}
