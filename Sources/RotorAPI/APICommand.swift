import RotorProtocol

/// One command of a v4 `/api` body or of a batch, decoded as Go decodes `apiproto.Command`
/// (`server.md` §4.1): any failure here fails the whole HTTP request with 400.
struct APICommand {
    /// `id`, echoed in the reply (0 = omitted).
    var id: UInt32 = 0
    /// The `Command.MethodType` number; a missing `method` is 0 = publish (quirk 3).
    var method: Int32 = 0
    /// `params`, raw (nil when absent).
    var params: JSONRawValue?
    /// The typed request fields (`"publish": {…}`, …) that were present and not null, decoded.
    var typed: [APIMethod: APICall] = [:]

    /// An empty command (what `null` decodes to).
    init() {}

    /// Decodes a command object (or `null`); throws for anything Go's decoder rejects.
    init(_ value: JSONRawValue) throws(ProtocolDecodingError) {
        if value.isNull { return }
        guard value.kind == .object else { throw .typeMismatch(offset: 0) }
        for (key, member) in try value.members() {
            switch key.lowercased() {
            case "id":
                if !member.isNull { id = try member.integer(UInt32.self) }
            case "method":
                method = try Self.methodNumber(member)
            case "params":
                params = member
            case let name:
                guard let typedMethod = APIMethod(name: name) else { continue }
                let params = try APIParams(member)
                if member.isNull {
                    typed[typedMethod] = nil
                } else if typedMethod.isOpenSource {
                    typed[typedMethod] = try APICall(typedMethod, params)
                }
            }
        }
    }

    /// The method as `Command_MethodType.UnmarshalJSON` reads it: the bytes between the first and last
    /// byte upper-cased and looked up by name (case-insensitive), else the whole text as a decimal
    /// integer (truncated to 32 bits); anything else — `null`, unknown names, fractions — is an error.
    private static func methodNumber(_ value: JSONRawValue) throws(ProtocolDecodingError) -> Int32 {
        let bytes = Array(value.raw.readableBytesView)
        if bytes.count > 2, let method = APIMethod(name: String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self))
        {
            return method.rawValue
        }
        guard value.kind == .number else { throw .typeMismatch(offset: 0) }
        return Int32(truncatingIfNeeded: try value.integer(Int64.self))
    }
}
