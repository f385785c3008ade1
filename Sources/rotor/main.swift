import Foundation
import RotorCLI
import RotorServer

/// The `rotor` executable: the server (`rotor [flags]`, Centrifugo v4.1.5's root command), Centrifugo's
/// subcommands (`rotor checkconfig`, `gentoken`, …) and Rotor's `codec` tool.
let arguments = Array(CommandLine.arguments.dropFirst())
if let options = RotorCLI.serverOptions(for: arguments) {
    exit(await ServerRunner.run(options, environment: ProcessInfo.processInfo.environment))
}
var context = CLIContext.process
context.serveStaticFiles = { directory, address, port in
    await StaticFileServer.run(directory: directory, address: address, port: port)
}
let result = await RotorCLI.run(arguments, context: context)
FileHandle.standardOutput.write(Data(result.stdout.utf8))
FileHandle.standardError.write(Data(result.stderr.utf8))
exit(result.status)
