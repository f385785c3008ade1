import ArgumentParser

/// The `rotor` subcommands: Centrifugo's (`server.md` §10.2) and Rotor's `codec`. Parsed apart from
/// `RootCommand`, whose server flags would otherwise capture the subcommands' `-c/--config`.
struct SubcommandTree: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotor",
        abstract: "Rotor: a real-time messaging server compatible with Centrifugo v4.1.5",
        subcommands: [
            VersionCommand.self, CheckConfigCommand.self, GenConfigCommand.self, GenTokenCommand.self,
            GenSubTokenCommand.self, CheckTokenCommand.self, CheckSubTokenCommand.self, ServeCommand.self,
            CodecCommand.self,
        ]
    )

    /// The subcommand names, plus ArgumentParser's `help`.
    static var names: Set<String> {
        Set(configuration.subcommands.map { ($0.configuration.commandName ?? "") } + ["help"])
    }
}
