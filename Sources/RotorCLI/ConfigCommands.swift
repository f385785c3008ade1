import ArgumentParser
import Foundation
import RotorConfig

/// `rotor checkconfig [-c file]`: loads and validates a configuration file; silent on success
/// (`server.md` §10.2).
struct CheckConfigCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "checkconfig", abstract: "Check configuration file")

    @Option(
        name: [.customShort("c"), .customLong("config")], parsing: .unconditional, help: "path to config file to check")
    var config = "config.json"

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        do {
            let loaded = try ConfigLoader.load(path: config, environment: context.environment)
            if loaded.filePath == nil {
                output.line("configuration error: unable to find configuration file")
                return 1
            }
            return 0
        } catch {
            output.line(ConfigFileLoading.checkMessage(error))
            return 1
        }
    }
}

/// `rotor genconfig [-c file]`: writes a minimal configuration with fresh secrets, in the format its
/// extension names, then validates it (removing it if that fails).
struct GenConfigCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "genconfig", abstract: "Generate minimal configuration file to start with")

    @Option(
        name: [.customShort("c"), .customLong("config")], parsing: .unconditional, help: "path to output config file")
    var config = "config.json"

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        var random = SystemRandomNumberGenerator()
        do {
            try GenConfig.write(to: config, random: &random)
        } catch {
            output.line("error: \(error)")
            return 1
        }
        do {
            _ = try ConfigLoader.load(path: config, environment: context.environment)
            return 0
        } catch {
            try? FileManager.default.removeItem(atPath: config)
            output.line("error: \(ConfigFileLoading.readErrorMessage(error))")
            return 1
        }
    }
}
