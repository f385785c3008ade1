import ArgumentParser
import RotorConfig

/// `rotor [flags]`: the root command, which runs the server, with Centrifugo v4.1.5's root flags
/// (`server.md` §10.1). Flags use snake_case long names; only flags given on the command line become
/// configuration overrides.
public struct RootCommand: ParsableCommand {
    /// The server command's name and summary; the subcommands live in `SubcommandTree` so that their `-c`
    /// does not clash with the root's.
    public static let configuration = CommandConfiguration(
        commandName: "rotor",
        abstract: "Rotor: a real-time messaging server compatible with Centrifugo v4.1.5"
    )

    /// Path to the configuration file (`-c/--config`, default `config.json`).
    @Option(name: [.customShort("c"), .customLong("config")], parsing: .unconditional, help: "path to config file")
    public var config = "config.json"

    @Option(
        name: [.customShort("e"), .customLong("engine")], parsing: .unconditional,
        help: "engine to use: memory or redis")
    var engine: String?
    @Option(name: .customLong("broker"), parsing: .unconditional, help: "custom broker to use: ex. nats")
    var broker: String?
    @Option(
        name: .customLong("log_level"), parsing: .unconditional,
        help: "set the log level: trace, debug, info, error, fatal or none")
    var logLevel: String?
    @Option(
        name: .customLong("log_file"), parsing: .unconditional,
        help: "optional log file - if not specified logs go to STDOUT")
    var logFile: String?
    @Option(name: .customLong("pid_file"), parsing: .unconditional, help: "optional path to create PID file")
    var pidFile: String?
    @Option(name: [.customShort("n"), .customLong("name")], parsing: .unconditional, help: "unique node name")
    var name: String?
    @Option(
        name: [.customShort("a"), .customLong("address")], parsing: .unconditional,
        help: "interface address to listen on")
    var address: String?
    @Option(
        name: [.customShort("p"), .customLong("port")], parsing: .unconditional, help: "port to bind HTTP server to")
    var port: String?
    @Option(
        name: .customLong("internal_address"), parsing: .unconditional,
        help: "custom interface address for internal endpoints")
    var internalAddress: String?
    @Option(name: .customLong("internal_port"), parsing: .unconditional, help: "custom port for internal endpoints")
    var internalPort: String?
    @Option(name: .customLong("tls_cert"), parsing: .unconditional, help: "path to an X509 certificate file")
    var tlsCert: String?
    @Option(name: .customLong("tls_key"), parsing: .unconditional, help: "path to an X509 certificate key")
    var tlsKey: String?
    @Option(name: .customLong("grpc_api_port"), parsing: .unconditional, help: "port to bind GRPC API server to")
    var grpcAPIPort: Int?
    @Option(
        name: .customLong("grpc_api_tls_cert"), parsing: .unconditional,
        help: "path to an X509 certificate file for GRPC API server")
    var grpcAPITLSCert: String?
    @Option(
        name: .customLong("grpc_api_tls_key"), parsing: .unconditional,
        help: "path to an X509 certificate key for GRPC API server")
    var grpcAPITLSKey: String?
    @Option(
        name: .customLong("uni_grpc_port"), parsing: .unconditional, help: "port to bind unidirectional GRPC server to")
    var uniGRPCPort: Int?
    @Option(
        name: .customLong("redis_address"), parsing: .unconditional, help: "Redis connection address (Redis engine)")
    var redisAddress: String?
    @Option(
        name: .customLong("tarantool_address"), parsing: .unconditional,
        help: "Tarantool connection address (Tarantool engine)")
    var tarantoolAddress: String?
    @Option(name: .customLong("nats_url"), parsing: .unconditional, help: "Nats connection URL (Nats broker)")
    var natsURL: String?

    @OptionGroup var switches: RootSwitches

    /// An empty root command (every flag unset).
    public init() {}

    /// The string and integer flags that were given, by option key.
    var valueOverrides: [String: ConfigValue] {
        let strings: [(String, String?)] = [
            ("engine", engine), ("broker", broker), ("log_level", logLevel), ("log_file", logFile),
            ("pid_file", pidFile), ("name", name), ("address", address), ("port", port),
            ("internal_address", internalAddress), ("internal_port", internalPort), ("tls_cert", tlsCert),
            ("tls_key", tlsKey), ("grpc_api_tls_cert", grpcAPITLSCert), ("grpc_api_tls_key", grpcAPITLSKey),
            ("redis_address", redisAddress), ("tarantool_address", tarantoolAddress), ("nats_url", natsURL),
        ]
        let integers: [(String, Int?)] = [("grpc_api_port", grpcAPIPort), ("uni_grpc_port", uniGRPCPort)]
        var values: [String: ConfigValue] = [:]
        for (key, value) in strings { if let value { values[key] = .string(value) } }
        for (key, value) in integers { if let value { values[key] = .int(value) } }
        return values
    }
}
