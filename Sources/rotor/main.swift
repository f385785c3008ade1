import Foundation
import RotorCLI

/// The `rotor` executable: Centrifugo v4.1.5's command line (`rotor checkconfig`, `gentoken`, …) and Rotor's
/// `codec` tool. The server itself arrives with issue 4.
let result = await RotorCLI.run(Array(CommandLine.arguments.dropFirst()), context: .process)
FileHandle.standardOutput.write(Data(result.stdout.utf8))
FileHandle.standardError.write(Data(result.stderr.utf8))
exit(result.status)
