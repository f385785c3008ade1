import Foundation
import NIOCore

/// Replays a set of recording files against a server, one session after the other, either a server that is
/// already running or one started per session from a command template (`--spawn`).
public struct ReplayRunner: Sendable {
    /// The server under test.
    public enum Server: Sendable {
        /// A running server.
        case running(LiveTarget)
        /// A command template with `{config}` and `{port}`, started for each session.
        case spawn(String)
    }

    /// The server under test.
    public var server: Server
    /// Bounds of each replay.
    public var options: LiveReplayOptions
    /// Replay only scenarios with these names (all when empty).
    public var only: Set<String>

    /// A runner.
    public init(server: Server, options: LiveReplayOptions = LiveReplayOptions(), only: Set<String> = []) {
        self.server = server
        self.options = options
        self.only = only
    }

    /// The `.jsonl` files among `paths` (directories are searched, not recursively), sorted by path.
    public static func sessionFiles(in paths: [String]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ServerProcessError(message: "no such file or directory: \(path)")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".jsonl") }
                files += names.sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0) }
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }
        return files
    }

    /// Replays every file in order; `progress` sees each entry as soon as it is known.
    public func run(
        files: [URL], group: any EventLoopGroup, progress: @Sendable (ReplayReport.Entry) -> Void = { _ in }
    ) async -> ReplayReport {
        var report = ReplayReport()
        for file in files {
            let name = file.deletingPathExtension().lastPathComponent
            if !only.isEmpty && !only.contains(name) { continue }
            let clock = ContinuousClock()
            let started = clock.now
            let outcome = await replay(file, group: group)
            let entry = ReplayReport.Entry(name: name, outcome: outcome, duration: clock.now - started)
            progress(entry)
            report.entries.append(entry)
        }
        return report
    }

    /// Replays one file against the server, starting and stopping it first if spawning.
    public func replay(_ file: URL, group: any EventLoopGroup) async -> ReplayOutcome {
        let session: RecordedSession
        do {
            session = try RecordedSession.load(contentsOf: file)
        } catch {
            return .skipped(error.reason)
        }
        switch server {
        case .running(let target):
            return await replay(session, against: target, group: group)
        case .spawn(let template):
            let process: ServerProcess
            do {
                process = try await ServerProcess(
                    commandTemplate: template, configText: session.configText, group: group)
            } catch {
                return .mismatch("server did not start: \(error)")
            }
            let outcome = await replay(
                session, against: LiveTarget(host: "127.0.0.1", port: process.port), group: group)
            await process.stop()
            return outcome
        }
    }

    private func replay(_ session: RecordedSession, against target: LiveTarget, group: any EventLoopGroup) async
        -> ReplayOutcome
    {
        let replayer: LiveReplayer
        do {
            replayer = try LiveReplayer(session: session, target: target, group: group, options: options)
        } catch {
            return .skipped(error.reason)
        }
        return await replayer.run()
    }
}
