import Foundation
import NIOCore
import NIOPosix

/// A server under test started by the runner (`--spawn`): the command template gets the recording's config
/// file and a free loopback port, and the process is stopped after the session.
public final class ServerProcess {
    /// The port the server was told to listen on.
    public let port: Int
    private let process: Process
    private let configURL: URL

    /// Writes `configText` to a temporary file, picks a free loopback port and starts `commandTemplate`
    /// (with `{config}` and `{port}` substituted) through `/bin/sh`; returns once the port accepts TCP
    /// connections, or throws after `readyTimeout`.
    public init(
        commandTemplate: String, configText: String, group: any EventLoopGroup, readyTimeout: Duration = .seconds(15)
    ) async throws {
        configURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("rotor-conformance-\(UUID().uuidString).json")
        try Data(configText.utf8).write(to: configURL)
        port = try await Self.freePort(group: group)
        let command = commandTemplate.replacingOccurrences(of: "{config}", with: configURL.path)
            .replacingOccurrences(of: "{port}", with: String(port))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec " + command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let clock = ContinuousClock()
        let deadline = clock.now + readyTimeout
        while !(await Self.accepts(port: port, group: group)) {
            guard process.isRunning, clock.now < deadline else {
                await stop()
                throw ServerProcessError(message: "server did not accept connections on port \(port): \(command)")
            }
            try? await clock.sleep(for: .milliseconds(50))
        }
    }

    /// SIGTERM, then SIGKILL if the process has not exited within `grace`; removes the config file.
    public func stop(grace: Duration = .seconds(3)) async {
        defer { try? FileManager.default.removeItem(at: configURL) }
        guard process.isRunning else { return }
        process.terminate()
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while process.isRunning, clock.now < deadline { try? await clock.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A port the kernel just handed out on 127.0.0.1 (bound then released).
    static func freePort(group: any EventLoopGroup) async throws -> Int {
        let channel = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }

    /// Whether a TCP connection to 127.0.0.1:`port` succeeds.
    static func accepts(port: Int, group: any EventLoopGroup) async -> Bool {
        guard
            let channel = try? await ClientBootstrap(group: group).connectTimeout(.milliseconds(200))
                .connect(host: "127.0.0.1", port: port).get()
        else { return false }
        try? await channel.close()
        return true
    }
}

/// The server under test could not be started.
public struct ServerProcessError: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// The message.
    public var description: String { message }
}
