import Logging
import NIOCore
import NIOHTTP1
import RotorConfig

/// The debug-level `http request` line of every HTTP request (`server.md` §7.1): `method`, `status`, `path`,
/// `addr` (`X-Real-IP`, else `X-Forwarded-For`, else the peer's `ip:port`) and `duration`, logged when the
/// response head is written.
struct HTTPRequestLog: Sendable {
    let logger: Logger

    /// A log when `logger` logs at debug level, else nil (nothing is measured then).
    init?(logger: Logger) {
        guard logger.logLevel <= .debug else { return nil }
        self.logger = logger
    }

    /// Starts timing `head` from `peer`; the returned closure logs the line with the response status.
    func start(_ head: HTTPRequestHead, peer: SocketAddress?) -> (HTTPResponseStatus) -> Void {
        let started = NIODeadline.now()
        let address =
            head.headers.first(name: "X-Real-IP") ?? head.headers.first(name: "X-Forwarded-For")
            ?? Self.describe(peer)
        let method = head.method.rawValue
        let path = HTTPRequest.split(head.uri).path
        return { [logger] status in
            let duration = Duration.nanoseconds((NIODeadline.now() - started).nanoseconds)
            logger.debug(
                "http request",
                metadata: [
                    "method": "\(method)", "status": .stringConvertible(Int(status.code)), "path": "\(path)",
                    "addr": "\(address)",
                    "duration": "\(GoDuration(duration))",
                ])
        }
    }

    /// `ip:port` of a peer (`[ip]:port` for IPv6), or empty.
    static func describe(_ peer: SocketAddress?) -> String {
        guard let peer, let ip = peer.ipAddress else { return "" }
        let host = ip.contains(":") ? "[\(ip)]" : ip
        return peer.port.map { "\(host):\($0)" } ?? host
    }
}
