import ArgumentParser
import RotorProtocol

/// `rotor codec [--protobuf] [--v1]`: Rotor's own frame round-trip tool (not a Centrifugo command).
struct CodecCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: "Decode client frames from stdin and print the request and its canonical re-encoding"
    )

    @Flag(name: .customLong("protobuf"), help: "Read hex-encoded Protobuf frames instead of JSON")
    var protobuf = false

    @Flag(name: .customLong("v1"), help: "Decode v1 protocol envelopes")
    var v1 = false

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        CodecTool(encoding: protobuf ? .protobuf : .json, version: v1 ? .v1 : .v2)
            .run(readLine: context.readLine, output: &output)
    }
}
