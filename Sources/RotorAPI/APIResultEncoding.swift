import NIOCore
import OrderedCollections
import RotorEngine
import RotorNode
import RotorProtocol

/// JSON of the API results with the reference's key order and field presence (`server.md` §4.2, §4.5
/// "JSON field-presence rules"). Embedded raw JSON is compacted as Go's `json.Marshal` re-emits it; map
/// keys are sorted by bytes, as Go sorts them.
enum APIResultEncoding {
    /// `{}` (subscribe, unsubscribe, disconnect, refresh, history_remove).
    static var empty: ByteBuffer { ByteBuffer(string: "{}") }

    /// Publish result: offset and epoch, each omitted when zero/empty.
    static func publish(_ position: StreamPosition) -> ByteBuffer {
        var json = JSONBuilder()
        json.beginObject()
        if position.offset != 0 {
            json.key("offset")
            json.integer(position.offset)
        }
        if !position.epoch.isEmpty {
            json.key("epoch")
            json.string(position.epoch)
        }
        json.endObject()
        return json.buffer
    }

    /// Broadcast result: one publish response per channel.
    static func broadcast(_ results: [APIOutcome]) -> ByteBuffer {
        var json = JSONBuilder()
        json.beginObject()
        if !results.isEmpty {
            json.key("responses")
            json.beginArray()
            for result in results { json.apiResponse(result) }
            json.endArray()
        }
        json.endObject()
        return json.buffer
    }

    /// Presence result: the map is always present; entries sorted by client id.
    static func presence(_ presence: OrderedDictionary<String, ClientInfo>) -> ByteBuffer {
        var json = JSONBuilder()
        json.beginObject()
        json.key("presence")
        json.beginObject()
        for (client, info) in sortedByBytes(presence) {
            json.key(client)
            clientInfo(info, into: &json)
        }
        json.endObject()
        json.endObject()
        return json.buffer
    }

    /// Presence stats: both counts always present.
    static func presenceStats(_ stats: PresenceStats) -> ByteBuffer {
        var json = JSONBuilder()
        json.beginObject()
        json.key("num_clients")
        json.integer(UInt32(truncatingIfNeeded: stats.numClients))
        json.key("num_users")
        json.integer(UInt32(truncatingIfNeeded: stats.numUsers))
        json.endObject()
        return json.buffer
    }

    /// History: publications, epoch and offset always present.
    static func history(_ page: HistoryPage) -> ByteBuffer {
        var json = JSONBuilder()
        json.beginObject()
        json.key("publications")
        json.beginArray()
        for publication in page.publications {
            json.beginObject()
            if publication.data.readableBytes > 0 {
                json.key("data")
                json.compactedValue(publication.data)
            }
            if let info = publication.info {
                json.key("info")
                clientInfo(info, into: &json)
            }
            if publication.offset != 0 {
                json.key("offset")
                json.integer(publication.offset)
            }
            if !publication.tags.isEmpty {
                json.key("tags")
                json.beginObject()
                for (name, value) in sortedByBytes(publication.tags) {
                    json.key(name)
                    json.string(value)
                }
                json.endObject()
            }
            json.endObject()
        }
        json.endArray()
        json.key("epoch")
        json.string(page.position.epoch)
        json.key("offset")
        json.integer(page.position.offset)
        json.endObject()
        return json.buffer
    }

    /// Channels: the map is always present; entries sorted by channel.
    static func channels(_ channels: [(channel: String, numClients: Int)]) -> ByteBuffer {
        var json = JSONBuilder()
        json.beginObject()
        json.key("channels")
        json.beginObject()
        for entry in channels.sorted(by: { Array($0.channel.utf8).lexicographicallyPrecedes(Array($1.channel.utf8)) }) {
            json.key(entry.channel)
            json.beginObject()
            if entry.numClients != 0 {
                json.key("num_clients")
                json.integer(UInt32(truncatingIfNeeded: entry.numClients))
            }
            json.endObject()
        }
        json.endObject()
        json.endObject()
        return json.buffer
    }

    /// Info: one entry per node, keys in the reference's order.
    static func info(_ nodes: [NodeInfo], metrics: APIMetrics?) -> ByteBuffer {
        var json = JSONBuilder()
        json.beginObject()
        if !nodes.isEmpty {
            json.key("nodes")
            json.beginArray()
            for node in nodes {
                json.beginObject()
                json.key("uid")
                json.string(node.uid)
                json.key("name")
                json.string(node.name)
                json.key("version")
                json.string(node.version)
                json.key("num_clients")
                json.integer(UInt32(truncatingIfNeeded: node.numClients))
                json.key("num_users")
                json.integer(UInt32(truncatingIfNeeded: node.numUsers))
                json.key("num_channels")
                json.integer(UInt32(truncatingIfNeeded: node.numChannels))
                if node.uptime != 0 {
                    json.key("uptime")
                    json.integer(UInt32(truncatingIfNeeded: node.uptime))
                }
                if let metrics {
                    json.key("metrics")
                    json.beginObject()
                    if metrics.interval != 0 {
                        json.key("interval")
                        json.double(metrics.interval)
                    }
                    if !metrics.items.isEmpty {
                        json.key("items")
                        json.beginObject()
                        for (name, value) in sortedByBytes(metrics.items) {
                            json.key(name)
                            json.double(value)
                        }
                        json.endObject()
                    }
                    json.endObject()
                }
                json.key("num_subs")
                json.integer(UInt32(truncatingIfNeeded: node.numSubs))
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        return json.buffer
    }

    /// A `ClientInfo`: user and client always, conn_info/chan_info when not empty.
    static func clientInfo(_ info: ClientInfo, into json: inout JSONBuilder) {
        json.beginObject()
        json.key("user")
        json.string(info.user)
        json.key("client")
        json.string(info.client)
        if info.connInfo.readableBytes > 0 {
            json.key("conn_info")
            json.compactedValue(info.connInfo)
        }
        if info.chanInfo.readableBytes > 0 {
            json.key("chan_info")
            json.compactedValue(info.chanInfo)
        }
        json.endObject()
    }

    private static func sortedByBytes<Value>(_ map: OrderedDictionary<String, Value>) -> [(key: String, value: Value)] {
        map.elements.map { ($0.key, $0.value) }.sorted {
            Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8))
        }
    }
}
