import NIOCore
import RotorEngine
import RotorProtocol

/// Everything a broker delivered, plus markers tests add themselves, in order.
enum RecordedEvent: Equatable {
    case publication(channel: String, offset: UInt64, data: String, position: StreamPosition)
    case join(channel: String, client: String)
    case leave(channel: String, client: String)
    case control(String)
    case marker(String)
}

/// A `BrokerEventHandler` that records what it receives.
final class RecordingHandler: BrokerEventHandler {
    /// The events so far.
    var events: [RecordedEvent] = []
    /// The publications received, as delivered.
    var publications: [Publication] = []

    func handlePublication(channel: String, publication: Publication, position: StreamPosition) {
        publications.append(publication)
        events.append(
            .publication(
                channel: channel,
                offset: publication.offset,
                data: String(buffer: publication.data),
                position: position
            )
        )
    }

    func handleJoin(channel: String, info: ClientInfo) {
        events.append(.join(channel: channel, client: info.client))
    }

    func handleLeave(channel: String, info: ClientInfo) {
        events.append(.leave(channel: channel, client: info.client))
    }

    func handleControl(_ data: ByteBuffer) {
        events.append(.control(String(buffer: data)))
    }
}
