import NIOCore
import RotorCore
import RotorEngine
import RotorProtocol

/// One publication as the engine delivered it to the node: the ground truth the checks compare clients with.
public struct LedgerEntry: Sendable, Hashable {
    /// The channel.
    public var channel: String
    /// The payload (JSON text).
    public var payload: String
    /// Offset in the stream (0 for channels without history).
    public var offset: UInt64
    /// Epoch of the stream ("" without history).
    public var epoch: String
    /// When the engine applied it.
    public var time: Timestamp
    /// Its position among the channel's publications, all epochs together, from 0.
    public var sequence: Int
}

/// Sits between the engine and the node as the broker's event handler: records every publication, join and
/// leave the engine delivers, then hands it on to the node. Publications a failed publish call still applied
/// (a reply lost after applying) are recorded too, exactly as subscribers can see them.
public final class PublicationLedger: BrokerEventHandler {
    /// Where events go on (held weakly: the simulation owns the node).
    public private(set) weak var next: (any BrokerEventHandler)?
    let scheduler: any Scheduler
    private var byChannel: [String: [LedgerEntry]] = [:]
    private var byStream: [StreamKey: [Int]] = [:]
    private var byPayload: [String: (channel: String, sequence: Int)] = [:]
    /// Problems in what the engine delivered (offsets not contiguous within an epoch, repeated payloads).
    public private(set) var anomalies: [String] = []
    /// Joins delivered.
    public private(set) var joinCount = 0
    /// Leaves delivered.
    public private(set) var leaveCount = 0

    private struct StreamKey: Hashable {
        var channel: String
        var epoch: String
    }

    /// A ledger on `scheduler` forwarding to `next`.
    public init(scheduler: any Scheduler, forwardingTo next: any BrokerEventHandler) {
        self.scheduler = scheduler
        self.next = next
    }

    // MARK: BrokerEventHandler

    /// Records the publication, then forwards it.
    public func handlePublication(channel: String, publication: Publication, position: StreamPosition) {
        let payload = String(buffer: publication.data)
        var entries = byChannel[channel, default: []]
        let entry = LedgerEntry(
            channel: channel,
            payload: payload,
            offset: position.offset,
            epoch: position.epoch,
            time: scheduler.now,
            sequence: entries.count
        )
        if byPayload[payload] != nil { anomalies.append("payload \(payload) delivered twice by the engine") }
        byPayload[payload] = (channel, entry.sequence)
        if position.offset > 0 {
            let key = StreamKey(channel: channel, epoch: position.epoch)
            let stream = byStream[key, default: []]
            // Streams are created inside the simulation, so every epoch starts at offset 1.
            if position.offset != UInt64(stream.count) + 1 {
                anomalies.append("\(channel) epoch \(position.epoch): offset \(position.offset) after \(stream.count)")
            }
            byStream[key, default: []].append(entry.sequence)
        }
        entries.append(entry)
        byChannel[channel] = entries
        next?.handlePublication(channel: channel, publication: publication, position: position)
    }

    /// Counts the join, then forwards it.
    public func handleJoin(channel: String, info: ClientInfo) {
        joinCount += 1
        next?.handleJoin(channel: channel, info: info)
    }

    /// Counts the leave, then forwards it.
    public func handleLeave(channel: String, info: ClientInfo) {
        leaveCount += 1
        next?.handleLeave(channel: channel, info: info)
    }

    /// Forwards the control message.
    public func handleControl(_ data: ByteBuffer) {
        next?.handleControl(data)
    }

    // MARK: Queries

    /// Every publication of `channel`, in delivery order.
    public func entries(in channel: String) -> [LedgerEntry] { byChannel[channel] ?? [] }

    /// Total publications recorded.
    public var count: Int { byPayload.count }

    /// The publication with `payload`, if the engine delivered it.
    public func entry(payload: String) -> LedgerEntry? {
        guard let (channel, sequence) = byPayload[payload] else { return nil }
        return byChannel[channel]?[sequence]
    }

    /// The publication at `offset` of the stream `epoch` of `channel`.
    public func entry(channel: String, epoch: String, offset: UInt64) -> LedgerEntry? {
        guard offset > 0, let stream = byStream[StreamKey(channel: channel, epoch: epoch)],
            offset <= UInt64(stream.count)
        else { return nil }
        return byChannel[channel]?[stream[Int(offset - 1)]]
    }

    /// The top offset the stream `epoch` of `channel` reached (0 if nothing was published in it).
    public func top(channel: String, epoch: String) -> UInt64 {
        UInt64(byStream[StreamKey(channel: channel, epoch: epoch)]?.count ?? 0)
    }
}
