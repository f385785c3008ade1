import RotorCore
import RotorProtocol

/// What the memory engine holds for one channel's stream, as stored (deadlines not yet applied).
public struct MemoryStreamState: Sendable, Hashable {
    /// The top offset and epoch.
    public var position: StreamPosition
    /// Offsets of the retained publications, oldest to newest; empty when none are retained.
    public var retainedOffsets: [UInt64]
    /// When the retained publications are cleared (history TTL), if that is pending.
    public var expiresAt: Timestamp?
    /// When the whole stream is dropped (history meta TTL), if ever.
    public var removedAt: Timestamp?

    /// A state with the given values.
    public init(position: StreamPosition, retainedOffsets: [UInt64], expiresAt: Timestamp?, removedAt: Timestamp?) {
        self.position = position
        self.retainedOffsets = retainedOffsets
        self.expiresAt = expiresAt
        self.removedAt = removedAt
    }
}

/// Read-only views for tests, metrics and leak checks; none of them changes state or applies deadlines.
extension MemoryEngine {
    /// Channels that currently have a stream object (expired ones included until swept or touched).
    public var streamCount: Int { streams.count }

    /// Channels with at least one present client.
    public var presenceChannelCount: Int { presenceByChannel.count }

    /// Present clients summed over all channels. O(channels).
    public var presenceEntryCount: Int { presenceByChannel.values.reduce(0) { $0 + $1.count } }

    /// Publications retained over all streams. O(channels).
    public var retainedPublicationCount: Int { streams.values.reduce(0) { $0 + $1.items.count } }

    /// Entries waiting in the two deadline queues, stale ones included (each stream has at most two live ones).
    public var queuedDeadlineCount: Int { expiryQueue.count + removalQueue.count }

    /// The stored state of `channel`'s stream, or nil if it has none.
    public func streamState(_ channel: String) -> MemoryStreamState? {
        guard let stream = streams[channel] else { return nil }
        return MemoryStreamState(
            position: stream.position,
            retainedOffsets: stream.items.map(\.offset),
            expiresAt: stream.expireAt.map { Timestamp.unixSeconds($0) },
            removedAt: stream.removeAt.map { Timestamp.unixSeconds($0) }
        )
    }
}
