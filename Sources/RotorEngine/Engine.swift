import NIOCore
import OrderedCollections
import RotorCore
import RotorProtocol

/// Why an engine operation failed; the node answers it with error 100 or disconnect 3004.
public struct EngineError: Error, Hashable, Sendable {
    /// What went wrong, for logs.
    public var message: String

    /// An engine failure described by `message`.
    public init(_ message: String) { self.message = message }
}

/// How a publication is stored and delivered (`engines.md` §1.1).
public struct PublishOptions: Sendable, Hashable {
    /// Publications kept in the channel stream; history is written only when this and `historyTTL` are > 0.
    public var historySize: Int
    /// How long the stream is kept after the last publication (whole seconds are used).
    public var historyTTL: Duration

    /// Options for one publish.
    public init(historySize: Int = 0, historyTTL: Duration = .zero) {
        self.historySize = historySize
        self.historyTTL = historyTTL
    }

    /// Whether this publish writes history (both size and TTL positive, TTL of at least a second).
    public var keepsHistory: Bool { historySize > 0 && historyTTL.wholeSeconds > 0 }
}

/// Which publications a history read returns (`engines.md` §1.4).
public struct HistoryFilter: Sendable, Hashable {
    /// Only publications after (or, reversed, before) this position.
    public var since: StreamPosition?
    /// -1: all retained, 0: none (position only), n: at most n.
    public var limit: Int
    /// Newest first.
    public var reverse: Bool

    /// A filter; the default asks for the position only.
    public init(since: StreamPosition? = nil, limit: Int = 0, reverse: Bool = false) {
        self.since = since
        self.limit = limit
        self.reverse = reverse
    }
}

/// What a history read returns: the publications (offsets filled) and the stream's current top.
public struct HistoryPage: Sendable, Hashable {
    /// The selected publications, in the filter's order.
    public var publications: [Publication]
    /// The current top offset and epoch of the stream.
    public var position: StreamPosition

    /// A page of `publications` at `position`.
    public init(publications: [Publication], position: StreamPosition) {
        self.publications = publications
        self.position = position
    }
}

/// Numbers of clients and distinct users present in a channel (the anonymous user counts as one user).
public struct PresenceStats: Sendable, Hashable {
    /// Present clients.
    public var numClients: Int
    /// Distinct user ids among them.
    public var numUsers: Int

    /// Counts of clients and users.
    public init(numClients: Int, numUsers: Int) {
        self.numClients = numClients
        self.numUsers = numUsers
    }
}

/// Receives what a broker delivers to this node. Called on the node's scheduler.
public protocol BrokerEventHandler: AnyObject {
    /// A publication for `channel`; `position` is the stream position after it (offset 0 without history).
    func handlePublication(channel: String, publication: Publication, position: StreamPosition)
    /// A client joined `channel`.
    func handleJoin(channel: String, info: ClientInfo)
    /// A client left `channel`.
    func handleLeave(channel: String, info: ClientInfo)
    /// A node-to-node control message.
    func handleControl(_ data: ByteBuffer)
}

/// Moves publications, join/leave and control messages between nodes and keeps channel history
/// (`engines.md` §1.2).
///
/// Completions run on the caller's scheduler; an engine may call them before returning. Publications of one
/// channel reach the handler in offset order.
public protocol Broker: AnyObject {
    /// Sets the receiver of delivered events; called once before anything else. Engines hold it weakly: the
    /// caller keeps it alive (the node registers itself, so the engine must not retain it).
    func run(handler: any BrokerEventHandler)
    /// Makes this node receive `channel`; effective when the completion runs.
    func subscribe(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void)
    /// Stops receiving `channel`.
    func unsubscribe(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void)
    /// Publishes to every node subscribed to `channel`, appending to history when `options` keep it.
    /// Returns the new stream top (offset 0, epoch "" without history).
    func publish(
        _ channel: String,
        _ publication: Publication,
        options: PublishOptions,
        completion: @escaping (Result<StreamPosition, EngineError>) -> Void
    )
    /// Announces a join in `channel` (never stored).
    func publishJoin(_ channel: String, _ info: ClientInfo, completion: @escaping (Result<Void, EngineError>) -> Void)
    /// Announces a leave in `channel` (never stored).
    func publishLeave(_ channel: String, _ info: ClientInfo, completion: @escaping (Result<Void, EngineError>) -> Void)
    /// Sends a control message to every node (`nodeID` empty) or to one node.
    func publishControl(_ data: ByteBuffer, nodeID: String, completion: @escaping (Result<Void, EngineError>) -> Void)
    /// Reads the channel stream; creates an empty stream (new epoch) if there is none.
    func history(
        _ channel: String,
        filter: HistoryFilter,
        completion: @escaping (Result<HistoryPage, EngineError>) -> Void
    )
    /// Drops the stored publications of `channel`, keeping its epoch and top offset.
    func removeHistory(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void)
}

/// Keeps who is present in which channel (`engines.md` §1.3). Completions as for `Broker`.
public protocol PresenceManager: AnyObject {
    /// Inserts or refreshes the entry of `clientID` in `channel`.
    func addPresence(
        _ channel: String,
        clientID: String,
        info: ClientInfo,
        completion: @escaping (Result<Void, EngineError>) -> Void
    )
    /// Removes the entry (no error when absent).
    func removePresence(_ channel: String, clientID: String, completion: @escaping (Result<Void, EngineError>) -> Void)
    /// The live entries of `channel`, by client id.
    func presence(
        _ channel: String,
        completion: @escaping (Result<OrderedDictionary<String, ClientInfo>, EngineError>) -> Void
    )
    /// Client and user counts of `channel`.
    func presenceStats(_ channel: String, completion: @escaping (Result<PresenceStats, EngineError>) -> Void)
}
