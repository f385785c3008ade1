import ArgumentParser
import RotorCore

/// `rotor checktoken [-c file] <token>`: verifies a connection token with the configured keys
/// (`server.md` §10.2).
struct CheckTokenCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(commandName: "checktoken", abstract: "Check connection JWT")

    @Option(name: [.customShort("c"), .customLong("config")], parsing: .unconditional, help: "path to config file")
    var config = "config.json"

    @Argument(help: "the token to check")
    var tokens: [String] = []

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        let checked = await TokenCheck.run(
            kind: .connection, configPath: config, arguments: tokens, context: context)
        switch checked {
        case .failure(let failure):
            output.line(failure.message)
            return 1
        case .success(let valid):
            output.line("valid token for \(valid.user.isEmpty ? "anonymous user" : "user \(valid.user)")")
            output.line("payload: \(valid.claims)")
            return 0
        }
    }
}

/// `rotor checksubtoken [-c file] <token>`: verifies a subscription token with the configured keys.
struct CheckSubTokenCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "checksubtoken", abstract: "Check subscription JWT")

    @Option(name: [.customShort("c"), .customLong("config")], parsing: .unconditional, help: "path to config file")
    var config = "config.json"

    @Argument(help: "the token to check")
    var tokens: [String] = []

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        let checked = await TokenCheck.run(
            kind: .subscription, configPath: config, arguments: tokens, context: context)
        switch checked {
        case .failure(let failure):
            output.line(failure.message)
            return 1
        case .success(let valid):
            let user = valid.user.isEmpty ? "anonymous user" : "user \"\(valid.user)\""
            output.line("valid subscription token for \(user) and channel \"\(valid.channel)\"")
            output.line("payload: \(valid.claims)")
            return 0
        }
    }
}
