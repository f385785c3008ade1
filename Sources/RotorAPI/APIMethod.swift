/// Server API methods with their `Command.MethodType` numbers (`server.md` §4.5).
public enum APIMethod: Int32, Sendable, CaseIterable {
    /// `publish`
    case publish = 0
    /// `broadcast`
    case broadcast = 1
    /// `unsubscribe`
    case unsubscribe = 2
    /// `disconnect`
    case disconnect = 3
    /// `presence`
    case presence = 4
    /// `presence_stats`
    case presenceStats = 5
    /// `history`
    case history = 6
    /// `history_remove`
    case historyRemove = 7
    /// `channels`
    case channels = 8
    /// `info`
    case info = 9
    /// `rpc`
    case rpc = 10
    /// `subscribe`
    case subscribe = 11
    /// `refresh`
    case refresh = 12
    /// PRO: `connections`
    case connections = 14
    /// PRO: `update_user_status`
    case updateUserStatus = 15
    /// PRO: `get_user_status`
    case getUserStatus = 16
    /// PRO: `delete_user_status`
    case deleteUserStatus = 17
    /// PRO: `block_user`
    case blockUser = 18
    /// PRO: `unblock_user`
    case unblockUser = 19
    /// PRO: `revoke_token`
    case revokeToken = 20
    /// PRO: `invalidate_user_tokens`
    case invalidateUserTokens = 21
    /// PRO: `device_register`
    case deviceRegister = 22
    /// PRO: `device_update`
    case deviceUpdate = 23
    /// PRO: `device_remove`
    case deviceRemove = 24
    /// PRO: `device_list`
    case deviceList = 25
    /// PRO: `device_topic_list`
    case deviceTopicList = 26
    /// PRO: `device_topic_update`
    case deviceTopicUpdate = 27
    /// PRO: `user_topic_list`
    case userTopicList = 28
    /// PRO: `user_topic_update`
    case userTopicUpdate = 29
    /// PRO: `send_push_notification`
    case sendPushNotification = 30
    /// PRO: `update_push_status`
    case updatePushStatus = 31

    /// The snake_case name (`presence_stats`), as in JSON keys and v5 routes.
    public var name: String {
        switch self {
        case .publish: "publish"
        case .broadcast: "broadcast"
        case .unsubscribe: "unsubscribe"
        case .disconnect: "disconnect"
        case .presence: "presence"
        case .presenceStats: "presence_stats"
        case .history: "history"
        case .historyRemove: "history_remove"
        case .channels: "channels"
        case .info: "info"
        case .rpc: "rpc"
        case .subscribe: "subscribe"
        case .refresh: "refresh"
        case .connections: "connections"
        case .updateUserStatus: "update_user_status"
        case .getUserStatus: "get_user_status"
        case .deleteUserStatus: "delete_user_status"
        case .blockUser: "block_user"
        case .unblockUser: "unblock_user"
        case .revokeToken: "revoke_token"
        case .invalidateUserTokens: "invalidate_user_tokens"
        case .deviceRegister: "device_register"
        case .deviceUpdate: "device_update"
        case .deviceRemove: "device_remove"
        case .deviceList: "device_list"
        case .deviceTopicList: "device_topic_list"
        case .deviceTopicUpdate: "device_topic_update"
        case .userTopicList: "user_topic_list"
        case .userTopicUpdate: "user_topic_update"
        case .sendPushNotification: "send_push_notification"
        case .updatePushStatus: "update_push_status"
        }
    }

    /// Whether Centrifugo OSS implements the method (the others answer 104 `method not found`).
    public var isOpenSource: Bool { rawValue <= 12 }

    /// The method named `name`, case-insensitively (ASCII), or nil.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let method = APIMethod.allCases.first(where: { $0.name == lowered }) else { return nil }
        self = method
    }

    /// The methods a v5 route or a batch command may name, in the order a batch command's typed fields
    /// are tried (`server.md` §4.2 batch).
    static let batchOrder: [APIMethod] = [
        .publish, .broadcast, .subscribe, .unsubscribe, .disconnect, .history, .historyRemove, .presence,
        .presenceStats, .info, .rpc, .refresh, .channels,
    ]
}
