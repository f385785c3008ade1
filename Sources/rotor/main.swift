import Foundation
import NIOCore
import RotorProtocol

/// The `rotor` executable. The server arrives with issue 4; for now it offers `version` and the codec
/// round-trip tool.
enum RotorCommandLine {
    static let version = "0.1.0"

    static let usage = """
        usage: rotor codec [--protobuf] [--v1]   decode client frames from stdin (one per line; hex for
                                                  --protobuf) and print the request and canonical re-encoding
               rotor version
        """

    static func main(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            print(usage)
            return 0
        }
        switch command {
        case "version":
            print("Rotor \(version) (Centrifugo v4.1.5 client protocol)")
            return 0
        case "codec":
            let options = Set(arguments.dropFirst())
            guard options.isSubset(of: ["--protobuf", "--v1"]) else {
                printError("rotor codec: unknown option \(options.subtracting(["--protobuf", "--v1"]).sorted()[0])")
                return 2
            }
            return CodecTool(
                encoding: options.contains("--protobuf") ? .protobuf : .json,
                version: options.contains("--v1") ? .v1 : .v2
            ).run()
        default:
            printError("rotor: unknown command \"\(command)\"\n\(usage)")
            return 2
        }
    }
}

func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

/// Writes to standard error.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}

exit(RotorCommandLine.main(Array(CommandLine.arguments.dropFirst())))
