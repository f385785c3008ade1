import RotorProtocol

/// One command from a client as the connection machine sees it, after decoding (v1 or v2).
public enum ClientCommand: Sendable, Hashable {
    /// A request with its id (v1 requests arrive in v2 form; a v1 `ping` is `.ping`).
    case request(id: UInt32, Request)
    /// v2: an empty command (`id == 0`, no `send`), the answer to a server ping.
    case pong
    /// A command the protocol forbids outright: v2 `id > 0` without a request, v1 `id == 0` for a method
    /// other than send (disconnect 3501).
    case malformed
    /// v1: a method number outside 0…11 (error 104).
    case unknownV1Method(id: UInt32)

    /// Classifies a decoded v2 command (spec §2.2).
    public static func v2(_ command: Command) -> ClientCommand {
        if command.isPong { return .pong }
        guard let request = command.request else { return .malformed }
        return .request(id: command.id, request)
    }

    /// Classifies a decoded v1 command whose request `V1Mapping.request(of:)` read (spec §3.4).
    public static func v1(id: UInt32, _ request: V1Request) -> ClientCommand {
        switch request {
        case .unknownMethod:
            return id == 0 ? .malformed : .unknownV1Method(id: id)
        case .request(let request):
            if case .send = request { return .request(id: id, request) }
            return id == 0 ? .malformed : .request(id: id, request)
        }
    }
}
