/// A channel glob for the server API `channels` method (`server.md` §4.2, gobwas/glob syntax without
/// separators): `*` any run of characters (`:` included), `?` one character, `[abc]`, `[a-z]`, `[!abc]`
/// classes, `{alpha,beta}` alternatives, `\` escapes the next character.
public struct ChannelGlob: Sendable {
    indirect enum Token: Sendable {
        case literal(Character)
        case any
        case anyOne
        case characterClass(ranges: [ClosedRange<Character>], negated: Bool)
        case alternatives([[Token]])
    }

    let tokens: [Token]

    /// Parses `pattern`; nil when it is malformed (unclosed `[` or `{`, dangling `\`).
    public init?(_ pattern: String) {
        var parser = Parser(characters: Array(pattern))
        guard let tokens = parser.parseSequence(inAlternative: false), parser.isAtEnd else { return nil }
        self.tokens = tokens
    }

    /// Whether `channel` matches the whole pattern.
    public func matches(_ channel: String) -> Bool {
        Self.match(tokens[...], Array(channel)[...])
    }

    static func match(_ tokens: ArraySlice<Token>, _ text: ArraySlice<Character>) -> Bool {
        guard let token = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch token {
        case .literal(let character):
            guard text.first == character else { return false }
            return match(rest, text.dropFirst())
        case .anyOne:
            guard !text.isEmpty else { return false }
            return match(rest, text.dropFirst())
        case .any:
            var suffix = text
            while true {
                if match(rest, suffix) { return true }
                guard !suffix.isEmpty else { return false }
                suffix = suffix.dropFirst()
            }
        case .characterClass(let ranges, let negated):
            guard let first = text.first else { return false }
            guard ranges.contains(where: { $0.contains(first) }) != negated else { return false }
            return match(rest, text.dropFirst())
        case .alternatives(let options):
            return options.contains { match(($0 + rest)[...], text) }
        }
    }

    struct Parser {
        let characters: [Character]
        var index = 0

        var isAtEnd: Bool { index == characters.count }

        mutating func parseSequence(inAlternative: Bool) -> [Token]? {
            var tokens: [Token] = []
            while index < characters.count {
                let character = characters[index]
                if inAlternative && (character == "," || character == "}") { return tokens }
                index += 1
                switch character {
                case "*": tokens.append(.any)
                case "?": tokens.append(.anyOne)
                case "\\":
                    guard index < characters.count else { return nil }
                    tokens.append(.literal(characters[index]))
                    index += 1
                case "[":
                    guard let token = parseClass() else { return nil }
                    tokens.append(token)
                case "{":
                    guard let token = parseAlternatives() else { return nil }
                    tokens.append(token)
                default: tokens.append(.literal(character))
                }
            }
            return inAlternative ? nil : tokens
        }

        mutating func parseClass() -> Token? {
            var negated = false
            if index < characters.count && characters[index] == "!" {
                negated = true
                index += 1
            }
            var ranges: [ClosedRange<Character>] = []
            while index < characters.count && characters[index] != "]" {
                let low = characters[index]
                index += 1
                if index + 1 < characters.count && characters[index] == "-" && characters[index + 1] != "]" {
                    let high = characters[index + 1]
                    index += 2
                    guard low <= high else { return nil }
                    ranges.append(low...high)
                } else {
                    ranges.append(low...low)
                }
            }
            guard index < characters.count, !ranges.isEmpty else { return nil }
            index += 1
            return .characterClass(ranges: ranges, negated: negated)
        }

        mutating func parseAlternatives() -> Token? {
            var options: [[Token]] = []
            while true {
                guard let option = parseSequence(inAlternative: true), index < characters.count else { return nil }
                options.append(option)
                let separator = characters[index]
                index += 1
                if separator == "}" { return .alternatives(options) }
            }
        }
    }
}
