import ArgumentParser

/// Runs `rotor` command lines in-process: parses them, runs the subcommand against a `CLIContext`, and
/// returns what it printed and its exit status (`server.md` §10).
public enum RotorCLI {
    /// Runs `arguments` (without the program name).
    ///
    /// Like Centrifugo (whose `main` ignores the error cobra returns, §15 quirk 19), an unknown subcommand or a
    /// bad flag prints an error on standard error and exits 0. Subcommands print their own errors on standard
    /// output and exit 1.
    public static func run(_ arguments: [String], context: CLIContext) async -> CLIResult {
        let arguments = CommandLocator.subcommandFirst(arguments)
        guard let first = arguments.first, first.hasPrefix("-") == false else {
            return root(arguments)
        }
        guard SubcommandTree.names.contains(first) else {
            return CLIResult(stderr: "Error: unknown command \"\(first)\" for \"\"\nRun ' --help' for usage.\n")
        }
        if first == "help" {
            // `rotor help X` shows X's help; `rotor help` the full usage.
            guard arguments.count > 1 else { return CLIResult(stdout: help + "\n") }
            return await run(Array(arguments.dropFirst()) + ["--help"], context: context)
        }
        if arguments.contains(where: { $0 == "-h" || $0 == "--help" }),
            let type = SubcommandTree.configuration.subcommands.first(where: {
                ($0.configuration.commandName ?? "") == first
            })
        {
            return CLIResult(stdout: SubcommandTree.helpMessage(for: type) + "\n")
        }
        let parsed: ParsableCommand
        do {
            parsed = try SubcommandTree.parseAsRoot(arguments)
        } catch {
            return usageError(error, of: SubcommandTree.self)
        }
        guard let command = parsed as? any RotorSubcommand else {
            return CLIResult(stdout: help + "\n")
        }
        var output = CLIOutput(sink: context.outputSink)
        let status = await command.execute(in: context, output: &output)
        return output.result(status)
    }

    /// The server options when `arguments` (without the program name) run the server: the root command with
    /// valid flags and no help request. nil for subcommands, help and flag errors (which `run` answers).
    public static func serverOptions(for arguments: [String]) -> ServerOptions? {
        let arguments = CommandLocator.subcommandFirst(arguments)
        if let first = arguments.first, !first.hasPrefix("-") { return nil }
        if arguments.contains(where: { $0 == "-h" || $0 == "--help" }) { return nil }
        return try? ServerOptions.parse(arguments)
    }

    /// The root command when the server is not run in-process (tests, or an executable without the server):
    /// the usage for help, the parse error for bad flags, otherwise a refusal.
    static func root(_ arguments: [String]) -> CLIResult {
        if arguments.contains(where: { $0 == "-h" || $0 == "--help" }) {
            return CLIResult(stdout: help + "\n")
        }
        do {
            return serverUnavailable(try ServerOptions.parse(arguments))
        } catch {
            return usageError(error, of: RootCommand.self)
        }
    }

    /// The full usage: the server flags, then the subcommands.
    static var help: String {
        RootCommand.helpMessage() + "\n\n" + SubcommandTree.helpMessage()
    }

    /// ArgumentParser's message for a parse error (stderr, status 0 as in the reference) or a help request
    /// (stdout).
    static func usageError(_ error: any Error, of command: any ParsableCommand.Type) -> CLIResult {
        let message = command.fullMessage(for: error)
        if command.exitCode(for: error) == .success {
            return CLIResult(stdout: message + "\n")
        }
        return CLIResult(stderr: message + "\n")
    }

    /// The root command's answer until the server exists: the usage and a clear refusal, status 1.
    static func serverUnavailable(_ options: ServerOptions) -> CLIResult {
        CLIResult(
            stdout: help + "\n",
            stderr: "rotor: the server is not available in this build (config file \(options.configPath)); "
                + "only the subcommands work\n",
            status: 1
        )
    }
}
