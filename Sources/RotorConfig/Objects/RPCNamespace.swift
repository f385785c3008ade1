/// A named RPC namespace (`rpc_namespaces[]`, granular proxy mode): methods `<name><boundary>…` go to the
/// proxy `rpcProxyName`.
public struct RPCNamespace: Sendable, Hashable {
    /// The namespace name.
    public var name: String
    /// The granular proxy answering its methods (`rpc_proxy_name`).
    public var rpcProxyName: String

    /// A namespace `name` answered by `rpcProxyName`.
    public init(name: String, rpcProxyName: String = "") {
        self.name = name
        self.rpcProxyName = rpcProxyName
    }

    /// The fields of an rpc namespace object.
    static let fieldNames: Set<String> = ["name", "rpc_proxy_name"]

    /// Reads one `rpc_namespaces[]` object.
    init(fields: ObjectFields) throws(ConfigurationError) {
        self.init(name: try fields.string("name") ?? "", rpcProxyName: try fields.string("rpc_proxy_name") ?? "")
    }
}
