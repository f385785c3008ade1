import NIOCore
import RotorCore
import RotorProtocol

/// Reads the client commands of one inbound frame (a WebSocket message, an emulation request's data, a
/// SockJS message) in the connection's protocol version and encoding (`client-protocol.md` §4).
public struct CommandFrameReader: Sendable {
    /// The connection's protocol version.
    public var version: ProtocolVersion
    /// The connection's encoding.
    public var encoding: ProtocolEncoding

    /// A reader for `version` and `encoding`.
    public init(version: ProtocolVersion, encoding: ProtocolEncoding) {
        self.version = version
        self.encoding = encoding
    }

    /// The commands of `frame` up to the first undecodable one, and that failure (3501, or message too big).
    /// Commands before a failure are processed before it, as the reference does (§4.4).
    public func read(_ frame: ByteBuffer) -> (commands: [ClientCommand], failure: DecodingOutcome?) {
        var decoder = FrameDecoder<Command>(frame: frame, encoding: encoding)
        var commands: [ClientCommand] = []
        while true {
            do throws(ProtocolDecodingError) {
                guard let next = try decoder.next() else { return (commands, nil) }
                if version == .v1 {
                    commands.append(.v1(id: next.id, try V1Mapping(encoding).request(of: next)))
                } else {
                    commands.append(.v2(next))
                }
            } catch {
                return (commands, error.outcome)
            }
        }
    }
}

extension NodeConnection {
    /// Hands the commands of `frame` to the node; a decoding failure then disconnects with its code. Returns
    /// the failure so the transport can stop reading (or close with 1009 for an over-limit message).
    @discardableResult
    public func receive(frame: ByteBuffer, with reader: CommandFrameReader) -> DecodingOutcome? {
        let (commands, failure) = reader.read(frame)
        receive(commands)
        if case .disconnect(let disconnect) = failure { self.disconnect(disconnect) }
        return failure
    }
}
