/// What replaying one recording showed.
public enum ReplayOutcome: Equatable, Sendable {
    /// Every recorded server message, close and status matched; `uncompared` API lines were not replayed.
    case passed(uncompared: Int)
    /// The first difference, readable.
    case mismatch(String)
    /// Not replayed, with the reason.
    case skipped(String)
}
