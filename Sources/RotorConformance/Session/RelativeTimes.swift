/// Recomputes the absolute times in a client HTTP body that the recording marks as relative (README §3,
/// `relative_times`: dotted path → seconds after the recording's now).
public enum RelativeTimes {
    /// `body` with each marked number set to now + N, line by line (the API takes one command per line);
    /// lines without the path are kept as they are.
    public static func apply(_ times: [String: Int], to body: String, now: Int64) -> String {
        guard !times.isEmpty else { return body }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard var value = JSONValue(parsing: String(line)) else { return String(line) }
            var changed = false
            for (path, seconds) in times {
                let keys = path.split(separator: ".").map(String.init)
                if let updated = set(value, keys[...], to: .number(Double(now + Int64(seconds)))) {
                    value = updated
                    changed = true
                }
            }
            return changed ? value.description : String(line)
        }.joined(separator: "\n")
    }

    /// `value` with the member at `keys` replaced; nil if the path does not exist.
    private static func set(_ value: JSONValue, _ keys: ArraySlice<String>, to replacement: JSONValue) -> JSONValue? {
        guard let key = keys.first, var members = value.objectValue, let member = members[key] else { return nil }
        if keys.count == 1 {
            members[key] = replacement
        } else {
            guard let updated = set(member, keys.dropFirst(), to: replacement) else { return nil }
            members[key] = updated
        }
        return .object(members)
    }
}
