import Logging
import NIOCore
import RotorProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// How one log line is written (`server.md` §11): a JSON object (`level`, the metadata fields, `time` in
/// RFC 3339 with second precision, `message`) or the console form `2006-01-02 15:04:05 [INF] message
/// key=value` with coloured level labels.
enum LogFormat: Sendable {
    /// One JSON object per line.
    case json
    /// The human-readable terminal form.
    case console

    /// The line for one event, with its trailing line feed. `time` is seconds since the epoch.
    func line(level: Logger.Level, message: String, metadata: Logger.Metadata, time: Int) -> String {
        switch self {
        case .json: Self.jsonLine(level: level, message: message, metadata: metadata, time: time)
        case .console: Self.consoleLine(level: level, message: message, metadata: metadata, time: time)
        }
    }

    /// The reference's level names: `trace`, `debug`, `info`, `warn`, `error`, `fatal` (`notice` is `info`).
    static func name(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "trace"
        case .debug: "debug"
        case .info, .notice: "info"
        case .warning: "warn"
        case .error: "error"
        case .critical: "fatal"
        }
    }

    static func jsonLine(level: Logger.Level, message: String, metadata: Logger.Metadata, time: Int) -> String {
        var line = "{\"level\":\"\(name(level))\""
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += ",\(jsonString(key)):\(jsonValue(value))"
        }
        line += ",\"time\":\"\(LogTime.rfc3339(time))\",\"message\":\(jsonString(message))}\n"
        return line
    }

    static func consoleLine(level: Logger.Level, message: String, metadata: Logger.Metadata, time: Int) -> String {
        var line = "\u{1b}[90m\(LogTime.console(time))\u{1b}[0m \(consoleLabel(level)) \(message)"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += " \u{1b}[36m\(key)=\u{1b}[0m\(consoleValue(value))"
        }
        return line + "\n"
    }

    /// `[INF]` and friends, coloured as the reference's console writer does.
    static func consoleLabel(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "[\u{1b}[34mTRC\u{1b}[0m]"
        case .debug: "[\u{1b}[35mDBG\u{1b}[0m]"
        case .info, .notice: "[\u{1b}[32mINF\u{1b}[0m]"
        case .warning: "[\u{1b}[33mWRN\u{1b}[0m]"
        case .error: "[\u{1b}[31mERR\u{1b}[0m]"
        case .critical: "[\u{1b}[1m\u{1b}[31mFTL\u{1b}[0m\u{1b}[0m]"
        }
    }

    /// A metadata value in JSON: integers, finite doubles and booleans given as `.stringConvertible` are written bare, as the
    /// reference's typed log fields are; everything else is a string.
    static func jsonValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): jsonString(text)
        case .stringConvertible(let convertible as any BinaryInteger): convertible.description
        case .stringConvertible(let convertible as Bool): convertible.description
        case .stringConvertible(let convertible as Double) where convertible.isFinite: convertible.description
        case .stringConvertible(let convertible): jsonString(convertible.description)
        case .array(let values): "[" + values.map(jsonValue).joined(separator: ",") + "]"
        case .dictionary(let entries):
            "{"
                + entries.sorted(by: { $0.key < $1.key }).map { "\(jsonString($0.key)):\(jsonValue($0.value))" }
                .joined(separator: ",") + "}"
        }
    }

    static func consoleValue(_ value: Logger.MetadataValue) -> String {
        let text = value.description
        let plain = !text.isEmpty && !text.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        return plain ? text : jsonString(text)
    }

    /// `text` as a JSON string literal (RotorProtocol's writer, the one Go-compatible escaper).
    static func jsonString(_ text: String) -> String {
        var builder = JSONBuilder()
        builder.string(text)
        return String(buffer: builder.buffer)
    }
}

/// Local-time renderings of a Unix time in seconds.
enum LogTime {
    /// `2006-01-02T15:04:05Z07:00` (RFC 3339, `Z` for UTC).
    static func rfc3339(_ time: Int) -> String {
        let parts = local(time)
        var zone = "Z"
        if parts.offset != 0 {
            let minutes = abs(parts.offset) / 60
            zone = (parts.offset < 0 ? "-" : "+") + pad(minutes / 60) + ":" + pad(minutes % 60)
        }
        return "\(parts.date)T\(parts.clock)\(zone)"
    }

    /// `2006-01-02 15:04:05`.
    static func console(_ time: Int) -> String {
        let parts = local(time)
        return "\(parts.date) \(parts.clock)"
    }

    private static func local(_ time: Int) -> (date: String, clock: String, offset: Int) {
        var seconds = time_t(time)
        var fields = tm()
        localtime_r(&seconds, &fields)
        let date = "\(fields.tm_year + 1900)-\(pad(Int(fields.tm_mon) + 1))-\(pad(Int(fields.tm_mday)))"
        let clock = "\(pad(Int(fields.tm_hour))):\(pad(Int(fields.tm_min))):\(pad(Int(fields.tm_sec)))"
        return (date, clock, Int(fields.tm_gmtoff))
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
