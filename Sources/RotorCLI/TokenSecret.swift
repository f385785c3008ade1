import Foundation
import RotorConfig

/// What `gentoken` and `gensubtoken` share: the HMAC secret from the configuration and the wording of their
/// output.
enum TokenSecret {
    /// `token_hmac_secret_key` from the file at `configPath` and the environment.
    static func load(configPath: String, context: CLIContext) -> Result<String, CommandFailure> {
        secret(of: ConfigFileLoading.load(path: configPath, context: context))
    }

    /// The secret of a loaded configuration; `error: no HMAC secret key set` when it is empty.
    static func secret(of loaded: Result<LoadedConfiguration, CommandFailure>) -> Result<String, CommandFailure> {
        loaded.flatMap { loaded in
            let secret = loaded.tokens.hmacSecretKey
            return secret.isEmpty ? .failure(CommandFailure("error: no HMAC secret key set")) : .success(secret)
        }
    }

    /// `user "<id>"`, or `anonymous user` for the empty id.
    static func userPhrase(_ user: String) -> String {
        user.isEmpty ? "anonymous user" : "user \"\(user)\""
    }

    /// `ttl` seconds as Go prints a `time.Duration` (`168h0m0s`).
    static func ttlText(_ ttl: Int64) -> String {
        GoDuration(nanoseconds: ttl &* 1_000_000_000).description
    }

    /// Whole Unix seconds of `date` (rounded down, as Go's `Time.Unix`).
    static func unixSeconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }
}
