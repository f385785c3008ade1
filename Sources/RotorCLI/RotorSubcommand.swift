import ArgumentParser

/// A parsed `rotor` subcommand that runs against a `CLIContext` and writes to a `CLIOutput` instead of the
/// process's streams.
protocol RotorSubcommand: ParsableCommand {
    /// Runs the command; returns its exit status.
    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32
}
