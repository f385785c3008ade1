import NIOCore

/// Produces one reply per work item, strictly one item after another, whether the items complete
/// synchronously or later — without growing the stack when they complete at once.
final class ReplySequence {
    /// What comes next.
    enum Next {
        /// Run this item; it calls back with its encoded reply exactly once.
        case run((@escaping (ByteBuffer) -> Void) -> Void)
        /// No more items.
        case end
        /// The input is malformed: abandon the sequence (replies so far are discarded).
        case fail
    }

    private let next: () -> Next
    private let finish: ([ByteBuffer]?) -> Void
    private var replies: [ByteBuffer] = []

    /// A sequence pulling items from `next`; `finish` gets all replies, or nil after `.fail`.
    init(next: @escaping () -> Next, finish: @escaping ([ByteBuffer]?) -> Void) {
        self.next = next
        self.finish = finish
    }

    /// Runs items until one completes later (it resumes the loop) or the input ends.
    func start() {
        while true {
            switch next() {
            case .end: return finish(replies)
            case .fail: return finish(nil)
            case .run(let item):
                var running = true
                var completedInline = false
                item { reply in
                    self.replies.append(reply)
                    if running {
                        completedInline = true
                    } else {
                        self.start()
                    }
                }
                running = false
                if !completedInline { return }
            }
        }
    }
}
