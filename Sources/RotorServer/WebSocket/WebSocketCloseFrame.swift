import RotorProtocol

extension Disconnect {
    /// The Close frame a WebSocket client gets for this disconnect: the code and, for protocol v1, the JSON
    /// reason (spec §10.3). The reason is cut to the 123 bytes a Close frame can carry.
    func closeFrame(for version: ProtocolVersion) -> (code: UInt16, reason: String) {
        let reason = version == .v1 ? v1CloseReason : self.reason
        return (UInt16(truncatingIfNeeded: code), Self.truncated(reason, toBytes: 123))
    }

    static func truncated(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        for character in text {
            if result.utf8.count + character.utf8.count > limit { break }
            result.append(character)
        }
        return result
    }
}
