/// How an option's value is read.
enum OptionKind: Sendable, Hashable {
    /// `GetBool`.
    case bool
    /// `GetInt`.
    case int
    /// `GetString`.
    case string
    /// `GetStringSlice`: an array, or a string split on whitespace.
    case stringList
    /// A Go duration string (numbers other than 0 are rejected).
    case duration
    /// A duration that must be whole seconds.
    case secondsDuration
    /// An array of objects (`namespaces`, `rpc_namespaces`, `proxies`), or a JSON string of one.
    case objects
}

/// One option Centrifugo v4.1.5 reads.
struct OptionSpec: Sendable, Hashable {
    /// The key, lower-case.
    let key: String
    /// How it is read.
    let kind: OptionKind
    /// The built-in default (or the default of its bound flag).
    let defaultValue: ConfigValue
    /// Settable by a command-line flag (`server.md` §10.1).
    let hasFlag: Bool
    /// Rotor implements it; otherwise setting it to a non-default value is warned about.
    let supported: Bool
}

/// Every option, by key.
enum OptionCatalog {
    /// The table by key.
    static let byKey: [String: OptionSpec] = Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0) })

    /// v3 names that are no longer options, with what replaced them (`server.md` §1.4).
    static let removedTopLevel: [String: String] = [
        "client_anonymous": "use allow_anonymous_connect_without_token",
        "use_unlimited_history_by_default": "removed",
        "client_request_max_size": "never an option",
    ]

    /// v3 channel option names that are no longer options (top level and in namespaces).
    static let removedChannelOptions: [String: String] = [
        "publish": "use allow_publish_for_subscriber or allow_publish_for_client",
        "subscribe_to_publish": "use allow_publish_for_subscriber",
        "anonymous": "use the allow_*_for_anonymous options",
        "presence_disable_for_client": "use allow_presence_for_subscriber or allow_presence_for_client",
        "history_disable_for_client": "use allow_history_for_subscriber or allow_history_for_client",
        "protected": "removed",
        "position": "use force_positioning",
        "recover": "use force_recovery",
    ]
}
