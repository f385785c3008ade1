/// Finds the subcommand in a command line the way cobra does (`server.md` §10): the first argument that is
/// neither a flag nor the value of a flag, so `rotor -c my.json gentoken` runs `gentoken -c my.json`.
enum CommandLocator {
    /// Where the first argument that is not a flag or a flag's value sits; nil when there is none.
    ///
    /// A flag written `--name=value`, a short flag with its value attached (`-pX`), and the flags in
    /// `RootSwitches.booleanFlagNames` stand alone; any other flag (unknown ones included, as in cobra) takes
    /// the next argument as its value.
    static func commandIndex(in arguments: [String]) -> Int? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("-"), argument.count > 1 else { return index }
            index += 1
            if argument == "--" { return index < arguments.count ? index : nil }
            let name = argument.drop { $0 == "-" }
            let isLong = argument.hasPrefix("--")
            if name.contains("=") || (!isLong && name.count > 1) { continue }
            if !RootSwitches.booleanFlagNames.contains(String(name)) { index += 1 }
        }
        return nil
    }

    /// `arguments` with the subcommand moved to the front (the flags before it then belong to it, as in cobra);
    /// unchanged when there is no positional argument.
    static func subcommandFirst(_ arguments: [String]) -> [String] {
        guard let index = commandIndex(in: arguments), index > 0 else { return arguments }
        var reordered = arguments
        let command = reordered.remove(at: index)
        return [command] + reordered
    }
}
