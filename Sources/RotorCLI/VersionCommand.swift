import ArgumentParser

/// `rotor version`: Rotor's version, the Centrifugo version it is compatible with, and the Swift compiler it
/// was built with (in place of Centrifugo's Go version, `server.md` §10.2).
struct VersionCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Rotor version information")

    /// Rotor's own version.
    static let rotorVersion = "0.1.0"

    /// The line `rotor version` prints.
    static var versionLine: String {
        "Rotor \(rotorVersion) (Centrifugo v4.1.5 client protocol, Swift \(swiftVersion))"
    }

    /// The version of the compiler this binary was built with.
    static var swiftVersion: String {
        #if compiler(>=6.5)
            "6.5 or later"
        #elseif compiler(>=6.4)
            "6.4"
        #elseif compiler(>=6.3)
            "6.3"
        #elseif compiler(>=6.2)
            "6.2"
        #elseif compiler(>=6.1)
            "6.1"
        #else
            "6.0"
        #endif
    }

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        output.line(Self.versionLine)
        return 0
    }
}

/// Rotor's version, for the server's startup line and metrics.
public enum RotorVersion {
    /// The version string.
    public static var current: String { VersionCommand.rotorVersion }
}
