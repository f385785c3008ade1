import NIOCore
import RotorEngine
import RotorNode
import RotorProtocol

/// Runs decoded API calls on a node and encodes their results (`server.md` §4.2). Confined to the node's
/// scheduler; the completion runs there, synchronously or later.
struct APIExecutor {
    let node: Node
    /// The `metrics` object of `info` (nil: omitted).
    let metrics: () -> APIMetrics?
    /// Times each call (see `APIHandler.timeCommand`).
    let timeCommand: ((_ method: String) -> () -> Void)?

    func execute(_ call: APICall, completion: @escaping (APIOutcome) -> Void) {
        guard let timeCommand else { return run(call, completion: completion) }
        let finished = timeCommand(call.methodName)
        run(call) { outcome in
            finished()
            completion(outcome)
        }
    }

    private func run(_ call: APICall, completion: @escaping (APIOutcome) -> Void) {
        switch call {
        case .publish(let channel, let data, let b64data, let skipHistory, let tags):
            if channel.isEmpty { return completion(.error(.badRequest)) }
            guard let payload = Self.payload(data, b64data) else { return completion(.error(.badRequest)) }
            node.publish(channel: channel, data: payload, skipHistory: skipHistory, tags: tags) { result in
                completion(Self.outcome(result, APIResultEncoding.publish))
            }
        case .broadcast(let channels, let data, let b64data, let skipHistory, let tags):
            if channels.isEmpty { return completion(.error(.badRequest)) }
            guard let payload = Self.payload(data, b64data) else { return completion(.error(.badRequest)) }
            node.broadcast(channels: channels, data: payload, skipHistory: skipHistory, tags: tags) { result in
                completion(
                    Self.outcome(result) { results in
                        APIResultEncoding.broadcast(results.map { Self.outcome($0, APIResultEncoding.publish) })
                    })
            }
        case .subscribe(let selector, let subscription):
            completion(Self.outcome(node.subscribe(selector, subscription)) { APIResultEncoding.empty })
        case .unsubscribe(let selector, let channel):
            completion(Self.outcome(node.unsubscribe(selector, channel: channel)) { APIResultEncoding.empty })
        case .disconnect(let selector, let whitelist, let disconnect):
            let result = node.disconnect(selector, whitelist: Set(whitelist), disconnect: disconnect)
            completion(Self.outcome(result) { APIResultEncoding.empty })
        case .refresh(let selector, let expired, let expireAt, let info):
            let result = node.refresh(selector, expired: expired, expireAt: expireAt == 0 ? nil : expireAt, info: info)
            completion(Self.outcome(result) { APIResultEncoding.empty })
        case .presence(let channel):
            node.presence(channel: channel) { completion(Self.outcome($0, APIResultEncoding.presence)) }
        case .presenceStats(let channel):
            node.presenceStats(channel: channel) { completion(Self.outcome($0, APIResultEncoding.presenceStats)) }
        case .history(let channel, let limit, let since, let reverse):
            node.history(channel: channel, limit: Int(limit), since: since, reverse: reverse) {
                completion(Self.outcome($0, APIResultEncoding.history))
            }
        case .historyRemove(let channel):
            node.historyRemove(channel: channel) { completion(Self.outcome($0) { APIResultEncoding.empty }) }
        case .channels(let pattern):
            completion(Self.outcome(node.channels(pattern: pattern), APIResultEncoding.channels))
        case .info:
            completion(.result(APIResultEncoding.info([node.info()], metrics: metrics())))
        case .rpc(let method):
            // OSS registers no server RPC extensions.
            completion(.error(method.isEmpty ? .badRequest : .methodNotFound))
        }
    }

    /// The publication payload: decoded `b64data` when given, else `data`; nil when invalid or empty.
    private static func payload(_ data: ByteBuffer?, _ b64data: String) -> ByteBuffer? {
        var payload = data ?? ByteBuffer()
        if !b64data.isEmpty {
            guard let decoded = StandardBase64.decode(b64data) else { return nil }
            payload = ByteBuffer(bytes: decoded)
        }
        return payload.readableBytes > 0 ? payload : nil
    }

    private static func outcome<Value>(_ result: APIResult<Value>, _ encode: (Value) -> ByteBuffer) -> APIOutcome {
        switch result {
        case .ok(let value): .result(encode(value))
        case .error(let error): .error(error)
        }
    }
}
