/// The state of one SockJS session (sockjs-go's session): which receiving request is attached, the messages
/// waiting for one, the close frame, and which timer should run. Pure: the shell performs the returned actions
/// and reports receivers ending and timers firing.
struct SockJSSessionMachine: Sendable {
    /// Identifies one receiving request (HTTP response or WebSocket) of the session.
    typealias ReceiverID = Int

    enum State: Equatable, Sendable {
        /// No receiver has been attached yet: the first one gets `o`.
        case opening
        /// Open: messages flow.
        case active
        /// Closed by the server: every receiver gets the close frame, until the session expires.
        case closing
        /// Gone: forgotten by the registry; nothing more happens.
        case closed
    }

    /// The timer the session should have running (any previous one is cancelled).
    enum Timer: Equatable, Sendable {
        /// Nothing.
        case none
        /// Close the session after the disconnect delay (no receiver attached).
        case expiry
        /// Send `h` after the heartbeat delay (a receiver is attached).
        case heartbeat
    }

    /// What to do with a new receiver.
    enum Attachment: Equatable, Sendable {
        /// Another receiver is attached: send it `c[2010,…]` and end it; the session is unchanged.
        case refused
        /// The session is closing: send it the close frame and end it.
        case closing(frame: String)
        /// Attached: send `o` first when `open`, then any waiting messages (`takeWaiting`), and run `timer`.
        case attached(open: Bool, timer: Timer)
    }

    /// What to do with an outbound message.
    enum Delivery: Equatable, Sendable {
        /// Send this `a[…]` frame to the attached receiver.
        case send(frame: String)
        /// Kept until a receiver attaches.
        case waiting
        /// The waiting messages passed the queue bound: disconnect the client (3008).
        case overflow
        /// The session no longer sends messages.
        case dropped
    }

    private(set) var state = State.opening
    private(set) var receiver: ReceiverID?
    private(set) var waiting: [String] = []
    private var waitingBytes = 0
    private(set) var closeFrame = ""
    /// The bound of waiting message bytes (`client_queue_max_size`).
    let maxWaitingBytes: Int
    /// Whether attached receivers get heartbeats.
    let heartbeats: Bool

    /// A new session; its shell starts the expiry timer.
    init(maxWaitingBytes: Int, heartbeats: Bool) {
        self.maxWaitingBytes = maxWaitingBytes
        self.heartbeats = heartbeats
    }

    /// The timer a new session starts with.
    static let initialTimer = Timer.expiry

    /// A receiving request arrived.
    mutating func attach(_ id: ReceiverID) -> Attachment {
        switch state {
        case .closing, .closed:
            return .closing(frame: closeFrame)
        case .opening, .active:
            guard receiver == nil else { return .refused }
            receiver = id
            let open = state == .opening
            state = .active
            return .attached(open: open, timer: heartbeats ? .heartbeat : .none)
        }
    }

    /// The waiting messages as one `a[…]` frame for the attached receiver, or nil when none wait.
    mutating func takeWaiting() -> String? {
        guard receiver != nil, !waiting.isEmpty else { return nil }
        let frame = SockJSFrame.messages(waiting)
        waiting = []
        waitingBytes = 0
        return frame
    }

    /// The node sent `message` (one LF-joined batch).
    mutating func send(_ message: String) -> Delivery {
        guard state == .active || state == .opening else { return .dropped }
        waiting.append(message)
        waitingBytes += message.utf8.count
        if let frame = takeWaiting() { return .send(frame: frame) }
        return waitingBytes > maxWaitingBytes ? .overflow : .waiting
    }

    /// The receiver `id` ended normally (poll answered, response limit reached): the expiry timer runs.
    mutating func receiverEnded(_ id: ReceiverID) -> Timer? {
        guard receiver == id else { return nil }
        receiver = nil
        return state == .closed ? Timer.none : .expiry
    }

    /// The client of receiver `id` went away mid-response: the session closes at once. Returns whether it did.
    mutating func receiverInterrupted(_ id: ReceiverID) -> Bool {
        guard receiver == id else { return false }
        receiver = nil
        return expire()
    }

    /// The node closed the connection: the attached receiver (returned) gets `frame` and ends.
    mutating func close(frame: String) -> ReceiverID? {
        guard state == .opening || state == .active else { return nil }
        state = .closing
        closeFrame = frame
        waiting = []
        waitingBytes = 0
        return receiver
    }

    /// The heartbeat timer fired: whether to send `h` (and run the heartbeat timer again).
    func heartbeatDue() -> Bool {
        receiver != nil && heartbeats && state != .closed
    }

    /// The expiry timer fired (or the session is torn down): returns whether this closed it.
    mutating func expire() -> Bool {
        guard state != .closed else { return false }
        state = .closed
        receiver = nil
        waiting = []
        waitingBytes = 0
        return true
    }
}
