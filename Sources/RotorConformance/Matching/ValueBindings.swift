import Foundation

/// Capture-and-substitute of server-assigned values (README §4): every recorded UUID and epoch is bound to
/// the live value at its first appearance; later appearances must agree, and distinct recorded values must
/// stay distinct live values.
public struct ValueBindings: Sendable {
    /// No bindings yet.
    public init() {}

    /// Recorded value → live value.
    public private(set) var live: [String: String] = [:]
    private var recorded: [String: String] = [:]

    /// Binds `recordedValue` to `liveValue`, or checks an existing binding; false on a conflict.
    public mutating func bind(_ recordedValue: String, to liveValue: String) -> Bool {
        if let bound = live[recordedValue] { return bound == liveValue }
        if recorded[liveValue] != nil { return false }
        live[recordedValue] = liveValue
        recorded[liveValue] = recordedValue
        return true
    }

    /// Whether `liveValue` is already the live side of a binding.
    public func isBound(live liveValue: String) -> Bool { recorded[liveValue] != nil }

    /// Replaces recorded values by their live values in client data (UUIDs anywhere, epochs when quoted).
    public func substitute(in text: String) -> String {
        var result = text
        for (recordedValue, liveValue) in live where recordedValue != liveValue && result.contains(recordedValue) {
            if Self.isUUID(recordedValue) {
                result = result.replacingOccurrences(of: recordedValue, with: liveValue)
            } else {
                result = result.replacingOccurrences(of: "\"\(recordedValue)\"", with: "\"\(liveValue)\"")
                result = result.replacingOccurrences(of: "\\\"\(recordedValue)\\\"", with: "\\\"\(liveValue)\\\"")
            }
        }
        return result
    }

    /// The live value of a recorded one, or the recorded value itself (a literal the server never issued).
    public func liveValue(of recordedValue: String) -> String { live[recordedValue] ?? recordedValue }

    /// A canonical UUID text: 8-4-4-4-12 hexadecimal digits.
    public static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte) else {
                    return false
                }
            }
        }
        return true
    }
}
