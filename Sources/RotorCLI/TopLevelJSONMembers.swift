/// The members of a JSON object's top level, in document order, each with its value's kind and raw text.
/// Input must already be known to be valid JSON (this only walks it).
struct TopLevelJSONMembers {
    /// One `"key": value` pair.
    struct Member {
        let key: String
        /// `string`, `number`, `bool`, `array`, `object` or `null` (Go's names in unmarshal errors).
        let kind: String
        /// The value exactly as written.
        let raw: String
    }

    let members: [Member]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var members: [Member] = []
        func skipSpace() {
            while index < scalars.count, " \t\r\n".unicodeScalars.contains(scalars[index]) { index += 1 }
        }
        /// Skips a string starting at `index` (its opening quote); returns its decoded-enough text.
        func readString() -> String {
            var out = String.UnicodeScalarView()
            index += 1
            while index < scalars.count, scalars[index] != "\"" {
                if scalars[index] == "\\" { index += 1 }
                if index < scalars.count { out.append(scalars[index]) }
                index += 1
            }
            index += 1
            return String(out)
        }
        func skipValue() {
            guard index < scalars.count else { return }
            switch scalars[index] {
            case "\"":
                _ = readString()
            case "[", "{":
                var depth = 0
                while index < scalars.count {
                    let scalar = scalars[index]
                    if scalar == "\"" {
                        _ = readString()
                        continue
                    }
                    if scalar == "[" || scalar == "{" {
                        depth += 1
                    } else if scalar == "]" || scalar == "}" {
                        depth -= 1
                    }
                    index += 1
                    if depth == 0 { return }
                }
            default:
                while index < scalars.count, !",}] \t\r\n".unicodeScalars.contains(scalars[index]) { index += 1 }
            }
        }
        skipSpace()
        guard index < scalars.count, scalars[index] == "{" else {
            self.members = []
            return
        }
        index += 1
        while true {
            skipSpace()
            guard index < scalars.count, scalars[index] == "\"" else { break }
            let key = readString()
            skipSpace()
            index += 1  // ':'
            skipSpace()
            let start = index
            let kind: String =
                switch scalars.indices.contains(index) ? scalars[index] : " " {
                case "\"": "string"
                case "t", "f": "bool"
                case "n": "null"
                case "[": "array"
                case "{": "object"
                default: "number"
                }
            skipValue()
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: scalars[start..<index])
            members.append(Member(key: key, kind: kind, raw: String(raw)))
            skipSpace()
            guard index < scalars.count, scalars[index] == "," else { break }
            index += 1
        }
        self.members = members
    }
}
