/// The client protocol version of a connection (spec §1.1).
public enum ProtocolVersion: String, Hashable, Sendable, CaseIterable {
    /// The legacy `method`/`params`/`result` protocol.
    case v1
    /// The default protocol of Centrifugo v4.
    case v2

    /// Why a connection's requested version is refused; transports answer HTTP 400 before upgrading.
    public enum SelectionError: Error, Hashable, Sendable {
        /// `cf_protocol_version` is neither `v1` nor `v2`.
        case unknownVersion(String)
        /// The connection resolves to v1 while `disable_client_protocol_v1` is on.
        case v1Disabled
    }

    /// The version for a connection from its `cf_protocol_version` query value (absent or empty: the default),
    /// `use_client_protocol_v1_by_default` and `disable_client_protocol_v1`.
    public static func select(
        queryValue: String?, v1ByDefault: Bool = false, v1Disabled: Bool = false
    ) -> Result<ProtocolVersion, SelectionError> {
        let version: ProtocolVersion
        switch queryValue ?? "" {
        case "": version = v1ByDefault ? .v1 : .v2
        case "v1": version = .v1
        case "v2": version = .v2
        case let other: return .failure(.unknownVersion(other))
        }
        if version == .v1 && v1Disabled { return .failure(.v1Disabled) }
        return .success(version)
    }
}

extension ProtocolEncoding {
    /// The WebSocket subprotocols the server offers, in preference order (spec §1.2).
    public static let webSocketSubprotocols = ["centrifuge-json", "centrifuge-protobuf"]

    /// The subprotocol to answer from the client's offer: the first of ours that the client lists, or nil.
    public static func negotiateSubprotocol(offered: [String]) -> String? {
        webSocketSubprotocols.first { offered.contains($0) }
    }

    /// The encoding of a WebSocket connection: Protobuf if `format=protobuf`, `cf_protocol=protobuf`
    /// or the negotiated subprotocol `centrifuge-protobuf`; JSON otherwise.
    public static func forWebSocket(format: String?, cfProtocol: String?, subprotocol: String?) -> ProtocolEncoding {
        if format == "protobuf" || cfProtocol == "protobuf" || subprotocol == "centrifuge-protobuf" {
            return .protobuf
        }
        return .json
    }

    /// The encoding of an HTTP-streaming or emulation request: Protobuf iff `Content-Type` is exactly
    /// `application/octet-stream`.
    public static func forHTTPStream(contentType: String?) -> ProtocolEncoding {
        contentType == "application/octet-stream" ? .protobuf : .json
    }
}
