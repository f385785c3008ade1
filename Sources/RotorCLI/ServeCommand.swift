import ArgumentParser

/// `rotor serve`: a static file server for development (`server.md` §10.2), with Centrifugo's flags and
/// first line (`start serving <dir> on <address>`).
struct ServeCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run static file server (for development only)")

    @Option(name: [.customShort("d"), .customLong("dir")], help: "path to directory")
    var dir = "./"
    @Option(name: [.customShort("p"), .customLong("port")], help: "port to serve on")
    var port = 3000
    @Option(
        name: [.customShort("a"), .customLong("address")],
        help: "interface to serve on (default: all interfaces)")
    var address = ""

    /// `host:port` as Go's `net.JoinHostPort` writes it.
    var joinedAddress: String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        output.line("start serving \(dir) on \(joinedAddress)")
        guard let serve = context.serveStaticFiles else {
            output.line("the static file server is not available in this build")
            return 1
        }
        return await serve(dir, address, port)
    }
}
