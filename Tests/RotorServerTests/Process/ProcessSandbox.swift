import Foundation
import NIOCore
import NIOPosix

/// A fresh temporary directory for one process test, with helpers to write config files in it and to find
/// free loopback ports.
struct ProcessSandbox {
    /// The directory.
    let directory: URL

    /// Makes a new empty directory under the system's temporary directory.
    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rotor-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// The path of `name` in the directory.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `contents` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try contents.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// Removes the directory.
    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Runs `body` with a new sandbox that is removed afterwards.
    static func with<T>(_ body: (ProcessSandbox) async throws -> T) async throws -> T {
        let sandbox = try ProcessSandbox()
        defer { sandbox.remove() }
        return try await body(sandbox)
    }

    /// `count` distinct loopback ports that were free a moment ago (all bound at once, then released).
    static func freePorts(_ count: Int) async throws -> [Int] {
        var channels: [any Channel] = []
        for _ in 0..<count {
            channels.append(
                try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .bind(host: "127.0.0.1", port: 0).get())
        }
        let ports = channels.compactMap { $0.localAddress?.port }
        for channel in channels { try? await channel.close().get() }
        return ports
    }

    /// One free loopback port.
    static func freePort() async throws -> Int { try await freePorts(1)[0] }
}
