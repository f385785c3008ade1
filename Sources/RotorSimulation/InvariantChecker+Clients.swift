import RotorCore
import RotorProtocol

/// A client's channel as the checks follow it through the client's events.
private struct ChannelTrack {
    /// Subscribed (reply received) and not ended since.
    var live = false
    /// When the current subscription's reply arrived.
    var sessionStart = Timestamp(nanosecondsSinceEpoch: 0)
    /// History channels: the stream epoch and the last offset the client has.
    var epoch: String?
    var last: UInt64 = 0
    /// Channels without history: the ledger sequence of the last publication received in this subscription.
    var lastSequence: Int?
}

extension InvariantChecker {
    /// Walks every client's events: order, continuity and payloads of publications, recoveries, codes.
    mutating func checkClients() {
        for client in simulation.clients {
            check(client)
        }
    }

    private mutating func check(_ client: SimulatedClient) {
        let historyChannels = Set(simulation.scenario.historyChannelNames)
        var tracks: [String: ChannelTrack] = [:]
        func endAll() {
            for channel in client.channels { tracks[channel]?.live = false }
        }
        for event in client.events {
            let time = event.time
            switch event.kind {
            case .connected:
                statistics.connections += 1
            case .disconnected(let code, let reason):
                statistics.disconnects[code, default: 0] += 1
                endAll()
                if !allowedDisconnects.contains(code) {
                    violate("disconnect", client: client.index, at: time, "closed by the server with \(code) \(reason)")
                }
            case .transportBroken, .left:
                endAll()
            case .subscribed(let record):
                var track = tracks[record.channel] ?? ChannelTrack()
                if track.live {
                    violate(
                        "subscribe", client: client.index, channel: record.channel, at: time,
                        "subscribe reply while subscribed")
                }
                if historyChannels.contains(record.channel) {
                    subscribedWithHistory(record, &track, client: client.index, at: time)
                } else {
                    if record.positioned || record.recovered {
                        violate(
                            "subscribe", client: client.index, channel: record.channel, at: time,
                            "positioned without history")
                    }
                    track.lastSequence = nil
                }
                track.live = true
                track.sessionStart = time
                tracks[record.channel] = track
            case .subscribeFailed(let channel, let code):
                tracks[channel]?.live = false
                if !allowedErrors.contains(code) {
                    violate("subscribe", client: client.index, channel: channel, at: time, "failed with \(code)")
                }
            case .publication(let channel, let offset, let payload):
                var track = tracks[channel] ?? ChannelTrack()
                guard track.live else {
                    violate(
                        "delivery", client: client.index, channel: channel, at: time, "\(payload) while not subscribed")
                    continue
                }
                if historyChannels.contains(channel) {
                    checkStreamPublication(channel, offset, payload, &track, client: client.index, at: time)
                } else {
                    checkLivePublication(channel, payload, &track, client: client.index, at: time)
                }
                tracks[channel] = track
            case .unsubscribed(let channel, let code):
                statistics.unsubscribes[code, default: 0] += 1
                tracks[channel]?.live = false
                if !allowedUnsubscribes.contains(code) {
                    violate(
                        "unsubscribe", client: client.index, channel: channel, at: time,
                        "unsubscribed by the server with \(code)")
                }
            case .clientUnsubscribed(let channel):
                tracks[channel]?.live = false
            case .published(let channel, let payload, let code):
                if code == 0 {
                    if simulation.ledger.entry(payload: payload)?.channel != channel {
                        violate(
                            "client-publish", client: client.index, channel: channel, at: time,
                            "\(payload) acknowledged but never delivered")
                    }
                } else if !allowedErrors.contains(code) {
                    violate(
                        "client-publish", client: client.index, channel: channel, at: time,
                        "\(payload) failed with \(code)")
                }
            case .protocolViolation(let what):
                violate("protocol", client: client.index, at: time, what)
            }
        }
        guard client.isSettled else { return }
        for channel in client.subscribedChannels {
            guard let track = tracks[channel], track.live else {
                violate("subscribe", client: client.index, channel: channel, "subscribed without a recorded reply")
                continue
            }
            checkComplete(channel, track, client: client.index)
        }
    }

    // MARK: History channels

    private mutating func subscribedWithHistory(
        _ record: SubscribeRecord,
        _ track: inout ChannelTrack,
        client: Int,
        at time: Timestamp
    ) {
        let channel = record.channel
        guard record.positioned && record.recoverable else {
            violate(
                "subscribe", client: client, channel: channel, at: time, "history channel subscription not recoverable")
            return
        }
        guard let requested = record.requested else {
            if record.recovered || record.wasRecovering || !record.publications.isEmpty {
                violate(
                    "recovery", client: client, channel: channel, at: time, "recovery result without a recovery request"
                )
            }
            if record.position.offset > simulation.ledger.top(channel: channel, epoch: record.position.epoch) {
                violate(
                    "subscribe", client: client, channel: channel, at: time,
                    "position \(record.position.offset) beyond the stream")
            }
            track.epoch = record.position.epoch
            track.last = record.position.offset
            return
        }
        if !record.wasRecovering {
            violate("recovery", client: client, channel: channel, at: time, "was_recovering missing")
        }
        if requested.epoch != track.epoch || requested.offset != track.last {
            violate(
                "recovery", client: client, channel: channel, at: time,
                "client asked for \(requested.epoch):\(requested.offset) but had \(track.epoch ?? "-"):\(track.last)"
            )
        }
        if record.recovered {
            statistics.recoveriesSucceeded += 1
            statistics.publicationsRecovered += record.publications.count
            if record.position != requested {
                violate(
                    "recovery", client: client, channel: channel, at: time,
                    "recovered result does not echo the requested position")
            }
            track.epoch = requested.epoch
            track.last = requested.offset
            for publication in record.publications {
                checkStreamPublication(
                    channel, publication.offset, publication.payload, &track, client: client, at: time)
            }
            return
        }
        statistics.recoveriesFailed += 1
        if !record.publications.isEmpty {
            violate("recovery", client: client, channel: channel, at: time, "publications in a failed recovery")
        }
        switch recoveryFailureCause(channel, requested: requested, result: record.position, at: time) {
        case .outsideWindow(let cause):
            statistics.recoveryFailureCauses[cause, default: 0] += 1
        case .unjustified(let detail):
            violate("recovery", client: client, channel: channel, at: time, detail)
        }
        track.epoch = record.position.epoch
        track.last = record.position.offset
    }

    /// Whether a `recovered: false` is justified by the history window.
    private enum RecoveryFailureCause {
        /// The client was outside the window for this reason (epoch, size, limit, ttl).
        case outsideWindow(String)
        /// The window still held everything the client missed.
        case unjustified(String)
    }

    /// Why `recovered: false` is right — another epoch, more missed than the history keeps or a recovery may
    /// read, or the history TTL cleared the stream after the first missed publication (`client-protocol.md`
    /// §11.3, `engines.md` §1.6–§1.7) — or why it is wrong. The result's position is the stream top when the
    /// node read it, and that read happened before `replyTime`.
    private func recoveryFailureCause(
        _ channel: String,
        requested: StreamPosition,
        result: StreamPosition,
        at replyTime: Timestamp
    ) -> RecoveryFailureCause {
        let scenario = simulation.scenario
        if result.epoch != requested.epoch {
            guard scenario.historyMetaTTL > .zero else {
                return .unjustified("epoch changed from \(requested.epoch) to \(result.epoch) without a meta TTL")
            }
            return .outsideWindow("epoch")
        }
        guard result.offset >= requested.offset else {
            return .unjustified("stream top \(result.offset) behind the client's offset \(requested.offset)")
        }
        let missed = result.offset - requested.offset
        if missed == 0 { return .unjustified("nothing was missed (top \(result.offset))") }
        if missed > UInt64(scenario.historySize) { return .outsideWindow("size") }
        if missed > UInt64(simulation.node.configuration.client.recoveryMaxPublicationLimit) {
            return .outsideWindow("limit")
        }
        // The stream is cleared when a publish or read comes a TTL or more after the previous publish.
        let ttl = scenario.historyTTL.wholeSeconds
        let ledger = simulation.ledger
        for offset in (requested.offset + 1)...result.offset {
            guard let entry = ledger.entry(channel: channel, epoch: result.epoch, offset: offset) else {
                return .unjustified("offset \(offset) of \(result.epoch) missing from the ledger")
            }
            var next = replyTime
            if offset < result.offset,
                let following = ledger.entry(channel: channel, epoch: result.epoch, offset: offset + 1)
            {
                next = following.time
            }
            if next.unixSeconds >= entry.time.unixSeconds + ttl { return .outsideWindow("ttl") }
        }
        let range = "\(requested.offset + 1)…\(result.offset)"
        return .unjustified("missed \(range) (\(missed) ≤ history size \(scenario.historySize)) within the TTL")
    }

    /// A publication of a history channel: the next offset of the client's epoch, with the ledger's payload.
    private mutating func checkStreamPublication(
        _ channel: String,
        _ offset: UInt64,
        _ payload: String,
        _ track: inout ChannelTrack,
        client: Int,
        at time: Timestamp
    ) {
        statistics.publicationsChecked += 1
        let epoch = track.epoch ?? ""
        if offset != track.last + 1 {
            let kind = offset <= track.last ? "duplicate or out of order" : "gap"
            violate(
                "delivery", client: client, channel: channel, at: time,
                "\(kind): offset \(offset) after \(track.last) (\(payload))")
        }
        if let entry = simulation.ledger.entry(channel: channel, epoch: epoch, offset: offset) {
            if entry.payload != payload {
                violate(
                    "delivery", client: client, channel: channel, at: time,
                    "offset \(offset) carries \(payload), the stream has \(entry.payload)")
            }
        } else {
            violate(
                "delivery", client: client, channel: channel, at: time,
                "offset \(offset) of epoch \(epoch) was never published")
        }
        track.last = max(track.last, offset)
    }

    // MARK: Channels without history

    /// A publication of a channel without history: the ledger's next one after the previous in this
    /// subscription; the first one may follow only publications made before the subscribe reply arrived.
    private mutating func checkLivePublication(
        _ channel: String,
        _ payload: String,
        _ track: inout ChannelTrack,
        client: Int,
        at time: Timestamp
    ) {
        statistics.publicationsChecked += 1
        guard let entry = simulation.ledger.entry(payload: payload), entry.channel == channel else {
            violate("delivery", client: client, channel: channel, at: time, "\(payload) was never published here")
            return
        }
        if let previous = track.lastSequence {
            if entry.sequence != previous + 1 {
                violate(
                    "delivery", client: client, channel: channel, at: time,
                    "publication #\(entry.sequence) after #\(previous)")
            }
        } else if let missed = firstMissed(channel, before: entry.sequence, after: track.sessionStart) {
            violate(
                "delivery", client: client, channel: channel, at: time,
                "missed #\(missed) published after the subscribe reply")
        }
        track.lastSequence = max(track.lastSequence ?? entry.sequence, entry.sequence)
    }

    /// The first publication of `channel` before `sequence` that was made after `start`.
    private func firstMissed(_ channel: String, before sequence: Int, after start: Timestamp) -> Int? {
        simulation.ledger.entries(in: channel).prefix(sequence).first { $0.time > start }?.sequence
    }

    // MARK: Completeness

    /// A subscription still live once everything settled has everything published after it started.
    private mutating func checkComplete(_ channel: String, _ track: ChannelTrack, client: Int) {
        let ledger = simulation.ledger
        if simulation.scenario.historyChannelNames.contains(channel) {
            let epoch = track.epoch ?? ""
            let top = ledger.top(channel: channel, epoch: epoch)
            if track.last != top {
                violate(
                    "complete", client: client, channel: channel,
                    "has \(epoch):\(track.last), the stream reached \(top)")
            }
            if let later = ledger.entries(in: channel).last(where: { $0.epoch != epoch && $0.time > track.sessionStart }
            ) {
                violate(
                    "complete", client: client, channel: channel,
                    "still in epoch \(epoch), missed \(later.epoch):\(later.offset)")
            }
        } else if let last = track.lastSequence {
            let count = ledger.entries(in: channel).count
            if last != count - 1 {
                violate("complete", client: client, channel: channel, "received up to #\(last) of \(count)")
            }
        } else if let missed = ledger.entries(in: channel).first(where: { $0.time > track.sessionStart }) {
            violate(
                "complete", client: client, channel: channel,
                "missed #\(missed.sequence) published after the subscribe reply")
        }
    }
}
