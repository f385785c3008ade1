import RotorConformance
import NIOCore
import OrderedCollections
import RotorEngine
import RotorNode
import RotorProtocol

extension ReplayAPI {
    /// `{"result":…}` or `{"error":…}`, as in a broadcast's `responses`.
    static func json(reply result: APIResult<JSONValue>) -> JSONValue {
        switch result {
        case .ok(let value): .object(["result": value])
        case .error(let error): .object(["error": json(error)])
        }
    }

    static func json(_ error: ReplyError) -> JSONValue {
        .object(["code": .number(Double(error.code)), "message": .string(error.message)])
    }

    /// A publish result: `{}` without history, else the new stream top.
    static func json(_ position: StreamPosition) -> JSONValue {
        var members: [String: JSONValue] = [:]
        if position.offset > 0 { members["offset"] = .number(Double(position.offset)) }
        if !position.epoch.isEmpty { members["epoch"] = .string(position.epoch) }
        return .object(members)
    }

    static func json(_ page: HistoryPage) -> JSONValue {
        .object([
            "publications": .array(page.publications.map { json(message: $0) }),
            "epoch": .string(page.position.epoch),
            "offset": .number(Double(page.position.offset)),
        ])
    }

    static func json(_ presence: OrderedDictionary<String, ClientInfo>) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for (client, info) in presence { members[client] = json(message: info) }
        return .object(["presence": .object(members)])
    }

    static func json(_ stats: PresenceStats) -> JSONValue {
        .object(["num_clients": .number(Double(stats.numClients)), "num_users": .number(Double(stats.numUsers))])
    }

    static func json(_ info: NodeInfo) -> JSONValue {
        let node: [String: JSONValue] = [
            "uid": .string(info.uid), "name": .string(info.name), "version": .string(info.version),
            "num_clients": .number(Double(info.numClients)), "num_users": .number(Double(info.numUsers)),
            "num_channels": .number(Double(info.numChannels)), "uptime": .number(Double(info.uptime)),
            "num_subs": .number(Double(info.numSubs)),
        ]
        return .object(["nodes": .array([.object(node)])])
    }

    /// A protocol message in its client-protocol JSON form (the API uses the same shapes).
    static func json<M: ProtocolMessage>(message: M) -> JSONValue {
        guard let encoded = try? MessageCodec.json.encode(message), let value = JSONValue(parsing: encoded) else {
            return .string("unencodable \(M.self)")
        }
        return value
    }
}
