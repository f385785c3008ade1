import ArgumentParser

/// `rotor-conformance`: checks a Centrifugo-compatible server against recorded sessions of the reference.
@main
struct RotorConformanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotor-conformance",
        abstract: "Conformance suite for Centrifugo v4.1.5-compatible servers.",
        subcommands: [ReplayCommand.self]
    )
}
