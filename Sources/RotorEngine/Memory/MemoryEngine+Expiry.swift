import RotorCore

/// Stream lookup and the two expiry mechanisms of `engines.md` §1.7 / §2: the history TTL clears a stream's
/// items, the history meta TTL drops the whole stream. Deadlines are Unix seconds.
extension MemoryEngine {
    /// The stream of `channel` after applying whatever is due at `now`: nil if it never existed or its meta
    /// TTL has passed (it is dropped then); its items cleared if its history TTL has passed.
    func liveStream(_ channel: String, now: Int64) -> MemoryStream? {
        guard let stream = streams[channel] else { return nil }
        if let removeAt = stream.removeAt, removeAt <= now {
            streams[channel] = nil  // Its queue entries become stale: the next stream has another id.
            return nil
        }
        if let expireAt = stream.expireAt, expireAt <= now {
            stream.clearItems()
            stream.expireAt = nil
        }
        return stream
    }

    /// A new empty stream for `channel` with a fresh epoch, replacing any previous one.
    func createStream(_ channel: String) -> MemoryStream {
        lastStreamID &+= 1
        let stream = MemoryStream(id: lastStreamID, epoch: makeEpoch())
        streams[channel] = stream
        return stream
    }

    /// Sets the history TTL deadline of `stream` and makes sure the expiry queue will look at it in time.
    func setExpiry(of stream: MemoryStream, channel: String, at deadline: Int64) {
        stream.expireAt = deadline
        if let queued = stream.queuedExpiry, queued <= deadline { return }
        stream.queuedExpiry = deadline
        expiryQueue.push(.init(deadline: deadline, channel: channel, streamID: stream.id))
    }

    /// Pushes the meta TTL deadline of `stream` to `now + historyMetaTTL` when a meta TTL is configured.
    func refreshMeta(of stream: MemoryStream, channel: String, now: Int64) {
        guard historyMetaTTL > .zero else { return }
        let deadline = now + historyMetaTTL.wholeSeconds
        stream.removeAt = deadline
        if let queued = stream.queuedRemoval, queued <= deadline { return }
        stream.queuedRemoval = deadline
        removalQueue.push(.init(deadline: deadline, channel: channel, streamID: stream.id))
    }

    /// Clears the items of streams whose history TTL has passed and drops streams whose meta TTL has passed,
    /// as of `scheduler.now`. Results never depend on it (deadlines are also checked on access); it only
    /// reclaims memory. Costs O(log n) per due entry.
    public func removeExpired() {
        let now = scheduler.now.unixSeconds
        while let entry = removalQueue.popDue(now: now) {
            guard let stream = streams[entry.channel], stream.id == entry.streamID,
                stream.queuedRemoval == entry.deadline
            else { continue }
            stream.queuedRemoval = nil
            guard let removeAt = stream.removeAt else { continue }
            if removeAt <= now {
                streams[entry.channel] = nil
            } else {
                stream.queuedRemoval = removeAt
                removalQueue.push(.init(deadline: removeAt, channel: entry.channel, streamID: stream.id))
            }
        }
        while let entry = expiryQueue.popDue(now: now) {
            guard let stream = streams[entry.channel], stream.id == entry.streamID,
                stream.queuedExpiry == entry.deadline
            else { continue }
            stream.queuedExpiry = nil
            guard let expireAt = stream.expireAt else { continue }
            if expireAt <= now {
                stream.clearItems()
                stream.expireAt = nil
            } else {
                stream.queuedExpiry = expireAt
                expiryQueue.push(.init(deadline: expireAt, channel: entry.channel, streamID: stream.id))
            }
        }
    }

    /// The earliest time at which `removeExpired()` may have something to do; nil when nothing is queued.
    /// A node can schedule its next sweep for then instead of sweeping every second.
    public var nextExpiryCheck: Timestamp? {
        let earliest = [expiryQueue.earliestDeadline, removalQueue.earliestDeadline].compactMap { $0 }.min()
        return earliest.map { Timestamp.unixSeconds($0) }
    }
}
