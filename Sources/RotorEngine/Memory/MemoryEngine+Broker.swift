import NIOCore
import RotorProtocol

extension MemoryEngine {
    /// Does nothing: a single node receives every channel. Completes with success at once.
    public func subscribe(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void) {
        completion(.success(()))
    }

    /// Does nothing. Completes with success at once.
    public func unsubscribe(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void) {
        completion(.success(()))
    }

    /// Appends `publication` to the channel stream when `options` keep history, hands it (with its offset) to
    /// the handler, then completes with the new top (offset 0, epoch "" without history).
    public func publish(
        _ channel: String,
        _ publication: Publication,
        options: PublishOptions,
        completion: @escaping (Result<StreamPosition, EngineError>) -> Void
    ) {
        guard options.keepsHistory else {
            var delivered = publication
            delivered.offset = 0
            handler?.handlePublication(channel: channel, publication: delivered, position: StreamPosition())
            completion(.success(StreamPosition()))
            return
        }
        let now = scheduler.now.unixSeconds
        let stream = liveStream(channel, now: now) ?? createStream(channel)
        setExpiry(of: stream, channel: channel, at: now + options.historyTTL.wholeSeconds)
        refreshMeta(of: stream, channel: channel, now: now)
        let stored = stream.append(publication, size: options.historySize)
        let position = stream.position
        handler?.handlePublication(channel: channel, publication: stored, position: position)
        completion(.success(position))
    }

    /// Hands the join to the handler, then completes.
    public func publishJoin(
        _ channel: String,
        _ info: ClientInfo,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        handler?.handleJoin(channel: channel, info: info)
        completion(.success(()))
    }

    /// Hands the leave to the handler, then completes.
    public func publishLeave(
        _ channel: String,
        _ info: ClientInfo,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        handler?.handleLeave(channel: channel, info: info)
        completion(.success(()))
    }

    /// Hands `data` to the handler whatever `nodeID` is (this is the only node), then completes.
    public func publishControl(
        _ data: ByteBuffer,
        nodeID: String,
        completion: @escaping (Result<Void, EngineError>) -> Void
    ) {
        handler?.handleControl(data)
        completion(.success(()))
    }

    /// Completes with the publications `filter` selects and the current top, creating an empty stream with
    /// a new epoch if the channel has none. Refreshes the meta TTL. Epochs in `filter.since` are not checked.
    public func history(
        _ channel: String,
        filter: HistoryFilter,
        completion: @escaping (Result<HistoryPage, EngineError>) -> Void
    ) {
        let now = scheduler.now.unixSeconds
        let stream = liveStream(channel, now: now) ?? createStream(channel)
        refreshMeta(of: stream, channel: channel, now: now)
        completion(.success(HistoryPage(publications: stream.select(filter), position: stream.position)))
    }

    /// Clears the stored publications of `channel`; its top offset and epoch stay. Creates nothing.
    public func removeHistory(_ channel: String, completion: @escaping (Result<Void, EngineError>) -> Void) {
        liveStream(channel, now: scheduler.now.unixSeconds)?.clearItems()
        completion(.success(()))
    }
}
