import NIOConcurrencyHelpers

/// What every connection of a live replay has received so far, filled from event loops and read by the
/// replayer.
final class LiveOutput: Sendable {
    private let items = NIOLockedValueBox<[String: [SessionItem]]>([:])

    /// Appends `newItems` to what `label` received.
    func append(_ newItems: [SessionItem], to label: String) {
        guard !newItems.isEmpty else { return }
        items.withLockedValue { $0[label, default: []] += newItems }
    }

    /// What `label` received so far.
    func items(of label: String) -> [SessionItem] {
        items.withLockedValue { $0[label] ?? [] }
    }
}
