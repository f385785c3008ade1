/// One HTTP listener the server starts: its address, its routes and whether it uses TLS.
public struct Listener: Sendable {
    /// Bind host (empty: all interfaces).
    public var host: String
    /// Bind port.
    public var port: Int
    /// What it serves.
    public var routes: RouteTable
    /// The endpoint names, in the reference's order, for the startup log line.
    public var names: [String]
    /// TLS applies.
    public var tls: Bool

    /// `host:port` as the reference prints it.
    public var address: String { "\(host):\(port)" }
}
