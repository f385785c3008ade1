import Foundation
import NIOCore
import NIOPosix

/// `rotor serve`: serves a directory over HTTP until the process is stopped.
public enum StaticFileServer {
    /// Binds `address:port` (empty address: all interfaces) and serves `directory`; returns 1 if it cannot
    /// listen (printing Go's style of error line), otherwise runs until SIGINT/SIGTERM and returns 0.
    public static func run(directory: String, address: String, port: Int) async -> Int32 {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var routes = RouteTable()
        routes.mount(StaticFileEndpoint(directory: directory), at: "/")
        let table = routes
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try Server.configure(channel: channel, routes: table, limiter: nil, tls: nil)
                    }
                }
                .bind(host: address.isEmpty ? "0.0.0.0" : address, port: port).get()
        } catch {
            print("listen tcp \(address):\(port): \(error)")
            try? await group.shutdownGracefully()
            return 1
        }
        _ = await SignalWaiter.next([SIGINT, SIGTERM])
        try? await channel.close()
        try? await group.shutdownGracefully()
        return 0
    }
}
