import NIOConcurrencyHelpers

/// What every connection of a live replay has received so far, filled from event loops and read by the
/// replayer.
final class LiveOutput: Sendable {
    private let messages = NIOLockedValueBox<[String: [PayloadMessage]]>([:])

    /// Appends `newMessages` to what `label` received.
    func append(_ newMessages: [PayloadMessage], to label: String) {
        guard !newMessages.isEmpty else { return }
        messages.withLockedValue { $0[label, default: []] += newMessages }
    }

    /// Appends items that have no JSON text of their own (statuses, closes, differences).
    func append(_ items: [SessionItem], to label: String) {
        append(items.map { PayloadMessage($0, raw: nil) }, to: label)
    }

    /// What `label` received so far.
    func items(of label: String) -> [SessionItem] {
        messages.withLockedValue { ($0[label] ?? []).map(\.item) }
    }

    /// What `label` received so far, with the JSON texts.
    func messages(of label: String) -> [PayloadMessage] {
        messages.withLockedValue { $0[label] ?? [] }
    }
}
