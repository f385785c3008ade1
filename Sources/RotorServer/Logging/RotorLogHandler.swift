import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The swift-log handler of the server: formats each event with `LogFormat` and writes it to a `LogSink`.
struct RotorLogHandler: LogHandler {
    let sink: LogSink
    let format: LogFormat
    /// The current time in seconds since the epoch (a fixed clock in tests).
    let clock: @Sendable () -> Int
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(
        sink: LogSink, format: LogFormat, level: Logger.Level,
        clock: @escaping @Sendable () -> Int = { Int(time(nil)) }
    ) {
        self.sink = sink
        self.format = format
        self.logLevel = level
        self.clock = clock
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        sink.write(format.line(level: event.level, message: event.message.description, metadata: fields, time: clock()))
    }
}
