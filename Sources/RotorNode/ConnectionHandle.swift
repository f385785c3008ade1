import NIOCore
import RotorCore
import RotorProtocol

/// A connection as the node holds it: its state machine, its sink, its timer and the actions being run.
public final class ConnectionHandle {
    /// The connection's state machine.
    var machine: ClientConnection
    /// Where its messages go.
    let sink: any ClientSink
    /// How its messages are encoded.
    let format: MessageFormat
    /// The armed timer and its deadline.
    var timer: (any ScheduledWork)?
    var timerDeadline: Timestamp?
    /// Actions waiting to run; non-empty while `running`.
    var pending: [ConnectionAction] = []
    var running = false
    /// Publications that arrived while a channel's subscribe is in progress.
    var buffered: [String: [PositionedPublication]] = [:]
    /// The user this connection was registered under, once authenticated.
    var registeredUser: String?
    /// Set when the connection left the node.
    var removed = false

    init(machine: ClientConnection, sink: any ClientSink) {
        self.machine = machine
        self.sink = sink
        self.format = MessageFormat(machine.transport)
    }

    /// The client id.
    public var clientID: String { machine.clientID }
    /// The session id.
    public var sessionID: String { machine.sessionID }
    /// The user id (empty before authentication and for anonymous connections).
    public var user: String { machine.user }
    /// Whether the connection asked its transport to stop reading (later commands of a frame are dropped).
    public var hasStoppedReading: Bool { machine.hasStoppedReading }
    /// Whether the connection is authenticated and open.
    public var isConnected: Bool { machine.isConnected }
    /// The connection's transport (protocol version and encoding), for frames that arrive from elsewhere
    /// (emulation requests).
    public var transport: TransportDescription { machine.transport }
}
