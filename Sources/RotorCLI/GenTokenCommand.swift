import ArgumentParser
import RotorConfig

/// `rotor gentoken [-c file] [-u user] [-t ttl]`: prints a sample HS256 connection token (`server.md` §10.2).
struct GenTokenCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "gentoken", abstract: "Generate sample connection JWT for user")

    @Option(name: [.customShort("c"), .customLong("config")], parsing: .unconditional, help: "path to config file")
    var config = "config.json"

    @Option(name: [.customShort("u"), .customLong("user")], parsing: .unconditional, help: "user ID")
    var user = ""

    @Option(name: [.customShort("t"), .customLong("ttl")], parsing: .unconditional, help: "token TTL in seconds")
    var ttl: Int64 = 3600 * 24 * 7

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        switch TokenSecret.load(configPath: config, context: context) {
        case .failure(let failure):
            output.line(failure.message)
            return 1
        case .success(let secret):
            let issuedAt = TokenSecret.unixSeconds(context.now())
            let token = HS256TokenSigner(secret: secret).connectionToken(user: user, issuedAt: issuedAt, ttl: ttl)
            output.line(
                "HMAC SHA-256 JWT for \(TokenSecret.userPhrase(user)) with expiration TTL "
                    + "\(TokenSecret.ttlText(ttl)):")
            output.line(token)
            return 0
        }
    }
}

/// `rotor gensubtoken [-c file] [-u user] -s channel [-t ttl]`: prints a sample HS256 subscription token.
struct GenSubTokenCommand: RotorSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "gensubtoken", abstract: "Generate sample subscription JWT for user")

    @Option(name: [.customShort("c"), .customLong("config")], parsing: .unconditional, help: "path to config file")
    var config = "config.json"

    @Option(name: [.customShort("u"), .customLong("user")], parsing: .unconditional, help: "user ID")
    var user = ""

    @Option(name: [.customShort("s"), .customLong("channel")], parsing: .unconditional, help: "channel")
    var channel = ""

    @Option(name: [.customShort("t"), .customLong("ttl")], parsing: .unconditional, help: "token TTL in seconds")
    var ttl: Int64 = 3600 * 24 * 7

    func execute(in context: CLIContext, output: inout CLIOutput) async -> Int32 {
        let loaded = ConfigFileLoading.load(path: config, context: context)
        if case .failure(let failure) = loaded {
            output.line(failure.message)
            return 1
        }
        guard !channel.isEmpty else {
            output.line("channel is required")
            return 1
        }
        switch TokenSecret.secret(of: loaded) {
        case .failure(let failure):
            output.line(failure.message)
            return 1
        case .success(let secret):
            let issuedAt = TokenSecret.unixSeconds(context.now())
            let token = HS256TokenSigner(secret: secret).subscriptionToken(
                user: user, channel: channel, issuedAt: issuedAt, ttl: ttl)
            output.line(
                "HMAC SHA-256 JWT for \(TokenSecret.userPhrase(user)) and channel \"\(channel)\" with expiration TTL "
                    + "\(TokenSecret.ttlText(ttl)):")
            output.line(token)
            return 0
        }
    }
}
