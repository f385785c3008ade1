import ArgumentParser
import Foundation
import NIOPosix
import RotorConformance

/// `rotor-conformance replay`: replays recorded sessions against a live server.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay recorded sessions (rotor-session/1 .jsonl files) against a live server."
    )

    @Option(help: "Start the server per session: a command with {config} and {port}, run through /bin/sh.")
    var spawn: String?

    @Option(help: "Base URL of a running server (ignored with --spawn).")
    var url = "http://127.0.0.1:8000"

    @Option(help: "Base URL of the server API, if not at --url.")
    var apiURL: String?

    @Flag(help: "Compare JSON messages as parsed values only (by default they must also match byte for byte).")
    var semantic = false

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    @Option(help: "Replay only the scenario with this name (repeatable).")
    var only: [String] = []

    @Option(help: "Seconds to wait for the server output that precedes each client event.")
    var timeout = 5.0

    @Argument(help: "Recording files or directories of them.")
    var paths: [String]

    func run() async throws {
        let server: ReplayRunner.Server
        if let spawn {
            server = .spawn(spawn)
        } else {
            let (host, port) = try Self.hostAndPort(url)
            let api = try apiURL.map(Self.hostAndPort)
            server = .running(LiveTarget(host: host, port: port, apiHost: api?.0, apiPort: api?.1))
        }
        let options = LiveReplayOptions(eventTimeout: .milliseconds(Int(timeout * 1000)), byteForByte: !semantic)
        let runner = ReplayRunner(server: server, options: options, only: Set(only))
        let files = try ReplayRunner.sessionFiles(in: paths)
        let report = await runner.run(files: files, group: MultiThreadedEventLoopGroup.singleton) { entry in
            print(ReplayReport.line(entry))
        }
        print(report.summary)
        if let junit {
            try Data(report.junitXML(suite: "rotor-conformance replay").utf8).write(to: URL(fileURLWithPath: junit))
        }
        if report.counts.failed > 0 { throw ExitCode(1) }
    }

    /// The host and port of an `http://host:port` URL (port 80 when absent).
    static func hostAndPort(_ text: String) throws -> (String, Int) {
        guard let components = URLComponents(string: text), components.scheme == "http", let host = components.host
        else { throw ValidationError("expected an http:// URL, got \(text)") }
        return (host, components.port ?? 80)
    }
}
