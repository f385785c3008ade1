import NIOCore

/// What travels over a simulated link: WebSocket data frames and the close frame.
public enum LinkFrame: Sendable {
    /// A data frame: LF-joined JSON messages, as a WebSocket text frame carries them.
    case data(ByteBuffer)
    /// A close frame with its code and reason; nothing follows it in that direction.
    case close(code: UInt32, reason: String)
}

/// One side of a simulated link: what arrives from the other side.
public protocol LinkEndpoint: AnyObject {
    /// The link is established: frames sent now reach the peer.
    func linkOpened(_ link: SimulatedLink)
    /// A frame from the peer arrived (in order, per direction).
    func linkReceived(_ frame: LinkFrame, on link: SimulatedLink)
    /// The link broke (no close frame): this side's read or write failed.
    func linkBroke(_ link: SimulatedLink)
}
