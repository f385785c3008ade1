import RotorConformance
import NIOCore
import OrderedCollections
import RotorCore
import RotorNode
import RotorProtocol

/// Plays `/api` request bodies (v4 format: one `{"id","method","params"}` command per line) through the
/// node's server API and renders each result as the reference's reply line, for a semantic comparison (the
/// HTTP layer itself — auth, status codes, body framing — is the server shell's and not replayed).
struct ReplayAPI {
    unowned let node: Node

    /// One reply item per command line.
    func execute(_ body: String) -> [SessionItem] {
        body.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            guard let command = JSONValue(parsing: String(line)), let method = command["method"]?.stringValue else {
                return .unreplayed("unparseable API command")
            }
            let params = command["params"] ?? .object([:])
            guard let outcome = run(method, params) else { return .unreplayed("API method \(method)") }
            var reply: [String: JSONValue] = [:]
            if let id = command["id"], id != .number(0) { reply["id"] = id }
            switch outcome {
            case .ok(let result): reply["result"] = result
            case .error(let error): reply["error"] = Self.json(error)
            }
            return .message(.object(reply))
        }
    }

    /// The result of one command; nil if the replayer does not map the method or it did not complete inline.
    private func run(_ method: String, _ params: JSONValue) -> APIResult<JSONValue>? {
        let channel = params["channel"]?.stringValue ?? ""
        switch method {
        case "publish":
            var outcome: APIResult<JSONValue>?
            node.publish(
                channel: channel, data: Self.payload(params["data"]),
                skipHistory: params["skip_history"]?.boolValue ?? false,
                tags: Self.tags(params["tags"])
            ) { outcome = Self.map($0, Self.json) }
            return outcome
        case "broadcast":
            var outcome: APIResult<JSONValue>?
            let channels = (params["channels"]?.arrayValue ?? []).compactMap(\.stringValue)
            node.broadcast(
                channels: channels, data: Self.payload(params["data"]),
                skipHistory: params["skip_history"]?.boolValue ?? false, tags: Self.tags(params["tags"])
            ) { result in
                outcome = Self.map(result) { responses in
                    .object(["responses": .array(responses.map { Self.json(reply: Self.map($0, Self.json)) })])
                }
            }
            return outcome
        case "subscribe":
            if params["override"] != nil { return nil }
            var subscription = ServerSubscription(channel: channel)
            subscription.info = Self.payload(params["info"])
            subscription.data = Self.payload(params["data"])
            subscription.expireAt = Int64(params["expire_at"]?.intValue ?? 0)
            if let since = params["recover_since"] { subscription.recoverSince = Self.position(since) }
            return Self.map(node.subscribe(Self.selector(params), subscription), Self.empty)
        case "unsubscribe":
            return Self.map(node.unsubscribe(Self.selector(params), channel: channel), Self.empty)
        case "disconnect":
            let whitelist = Set((params["whitelist"]?.arrayValue ?? []).compactMap(\.stringValue))
            var disconnect = Disconnect.forceDisconnect
            if let custom = params["disconnect"] {
                disconnect = Disconnect(
                    code: UInt32(custom["code"]?.intValue ?? 0), reason: custom["reason"]?.stringValue ?? "",
                    reconnect: custom["reconnect"]?.boolValue ?? false)
            }
            return Self.map(
                node.disconnect(Self.selector(params), whitelist: whitelist, disconnect: disconnect), Self.empty)
        case "refresh":
            let result = node.refresh(
                Self.selector(params), expired: params["expired"]?.boolValue ?? false,
                expireAt: params["expire_at"]?.intValue.map(Int64.init),
                info: params["info"].map { Self.payload($0) })
            return Self.map(result, Self.empty)
        default:
            return readOnly(method, channel, params)
        }
    }

    /// The commands that only read (presence, history, channels, info) and `history_remove`.
    private func readOnly(_ method: String, _ channel: String, _ params: JSONValue) -> APIResult<JSONValue>? {
        var outcome: APIResult<JSONValue>?
        switch method {
        case "presence":
            node.presence(channel: channel) { outcome = Self.map($0, Self.json) }
        case "presence_stats":
            node.presenceStats(channel: channel) { outcome = Self.map($0, Self.json) }
        case "history":
            let since = params["since"].map(Self.position)
            node.history(
                channel: channel, limit: params["limit"]?.intValue ?? 0, since: since,
                reverse: params["reverse"]?.boolValue ?? false
            ) { outcome = Self.map($0, Self.json) }
        case "history_remove":
            node.historyRemove(channel: channel) { outcome = Self.map($0, Self.empty) }
        case "channels":
            outcome = Self.map(node.channels(pattern: params["pattern"]?.stringValue ?? "")) { channels in
                var members: [String: JSONValue] = [:]
                for entry in channels {
                    members[entry.channel] = .object(["num_clients": .number(Double(entry.numClients))])
                }
                return .object(["channels": .object(members)])
            }
        case "info":
            outcome = .ok(Self.json(node.info()))
        default:
            return nil
        }
        return outcome
    }

    static func selector(_ params: JSONValue) -> ConnectionSelector {
        ConnectionSelector(
            user: params["user"]?.stringValue ?? "", client: params["client"]?.stringValue ?? "",
            session: params["session"]?.stringValue ?? "")
    }

    /// A raw JSON payload as the API passes it on (re-serialised: the comparison is semantic).
    static func payload(_ value: JSONValue?) -> ByteBuffer {
        guard let value else { return ByteBuffer() }
        return ByteBuffer(string: value.description)
    }

    static func tags(_ value: JSONValue?) -> OrderedDictionary<String, String> {
        var tags: OrderedDictionary<String, String> = [:]
        for (key, tag) in (value?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) { tags[key] = tag.stringValue }
        return tags
    }

    static func position(_ value: JSONValue) -> StreamPosition {
        StreamPosition(offset: UInt64(value["offset"]?.intValue ?? 0), epoch: value["epoch"]?.stringValue ?? "")
    }

    static func map<Value>(_ result: APIResult<Value>, _ transform: (Value) -> JSONValue) -> APIResult<JSONValue> {
        switch result {
        case .ok(let value): .ok(transform(value))
        case .error(let error): .error(error)
        }
    }

    static func empty(_: Void) -> JSONValue { .object([:]) }
}
