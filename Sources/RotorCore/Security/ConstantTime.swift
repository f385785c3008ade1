/// Secret comparisons (API keys, audiences) whose time does not reveal where two values first differ.
public enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal, comparing every byte (lengths may leak, as in Go's
    /// `subtle.ConstantTimeCompare`).
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
