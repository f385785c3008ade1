import NIOCore

/// The v1 `Command.method` numbers (spec §3.1).
public enum V1Method: Int32, Hashable, Sendable, CaseIterable {
    case connect = 0
    case subscribe = 1
    case unsubscribe = 2
    case publish = 3
    case presence = 4
    case presenceStats = 5
    case history = 6
    case ping = 7
    case send = 8
    case rpc = 9
    case refresh = 10
    case subRefresh = 11
}

/// The v1 `Push.type` numbers (spec §3.2).
public enum V1PushType: Int32, Hashable, Sendable, CaseIterable {
    case publication = 0
    case join = 1
    case leave = 2
    case unsubscribe = 3
    case message = 4
    case subscribe = 5
    case connect = 6
    case disconnect = 7
    case refresh = 8
}

/// What a v1 command asks for once its `params` are decoded.
public enum V1Request: Hashable, Sendable {
    /// A known method, with its request in v2 form (`ping` for method 7).
    case request(Request)
    /// A method number outside 0…11: answered with error 104 "method not found".
    case unknownMethod(Int32)
}

/// Translates between the v1 envelopes (`method`/`params`, `result`, `type`/`data`) and the v2 model
/// (spec §3). The inner messages are the same; v1 carries them encoded inside a `bytes` field.
public struct V1Mapping: Hashable, Sendable {
    /// The connection's encoding, used for the embedded messages.
    public let codec: MessageCodec

    /// A mapping for connections in `encoding`.
    public init(_ encoding: ProtocolEncoding) {
        self.codec = MessageCodec(encoding)
    }

    // MARK: Commands (client → server)

    /// Decodes the request of a v1 command. Undecodable `params` are a decode error (disconnect 3501).
    public func request(of command: Command) throws(ProtocolDecodingError) -> V1Request {
        guard let method = V1Method(rawValue: command.method) else { return .unknownMethod(command.method) }
        let params = command.params
        switch method {
        case .connect: return .request(.connect(try decodeParams(ConnectRequest.self, params)))
        case .subscribe: return .request(.subscribe(try decodeParams(SubscribeRequest.self, params)))
        case .unsubscribe: return .request(.unsubscribe(try decodeParams(UnsubscribeRequest.self, params)))
        case .publish: return .request(.publish(try decodeParams(PublishRequest.self, params)))
        case .presence: return .request(.presence(try decodeParams(PresenceRequest.self, params)))
        case .presenceStats: return .request(.presenceStats(try decodeParams(PresenceStatsRequest.self, params)))
        case .history: return .request(.history(try decodeParams(HistoryRequest.self, params)))
        case .ping: return .request(.ping(PingRequest()))
        case .send: return .request(.send(try decodeParams(SendRequest.self, params)))
        case .rpc: return .request(.rpc(try decodeParams(RPCRequest.self, params)))
        case .refresh: return .request(.refresh(try decodeParams(RefreshRequest.self, params)))
        case .subRefresh: return .request(.subRefresh(try decodeParams(SubRefreshRequest.self, params)))
        }
    }

    /// Absent params decode as the empty request, like the reference.
    private func decodeParams<M: ProtocolMessage>(_ type: M.Type, _ params: ByteBuffer) throws(ProtocolDecodingError)
        -> M
    {
        params.readableBytes == 0 ? M() : try codec.decode(M.self, from: params)
    }

    /// Builds the v1 command for `request` (what a v1 client sends).
    public func command(id: UInt32, _ request: Request) throws(ProtocolEncodingError) -> Command {
        var command = Command(id: id)
        func set<M: ProtocolMessage>(_ method: V1Method, _ params: M) throws(ProtocolEncodingError) {
            command.method = method.rawValue
            command.params = try codec.encode(params)
        }
        switch request {
        case .connect(let value): try set(.connect, value)
        case .ping: command.method = V1Method.ping.rawValue
        case .subscribe(let value): try set(.subscribe, value)
        case .unsubscribe(let value): try set(.unsubscribe, value)
        case .publish(let value): try set(.publish, value)
        case .presence(let value): try set(.presence, value)
        case .presenceStats(let value): try set(.presenceStats, value)
        case .history(let value): try set(.history, value)
        case .rpc(let value): try set(.rpc, value)
        case .send(let value): try set(.send, value)
        case .refresh(let value): try set(.refresh, value)
        case .subRefresh(let value): try set(.subRefresh, value)
        }
        return command
    }

    // MARK: Replies and pushes (server → client)

    /// The v1 form of a v2 reply: the result encoded into `result`, a push wrapped as its v1 form in
    /// `result`, the ping result as no result at all (`{"id":N}`).
    public func reply(_ reply: Reply) throws(ProtocolEncodingError) -> Reply {
        var v1 = Reply(id: reply.id, error: reply.error)
        if let push = reply.push {
            v1.result = try codec.encode(self.push(push))
            return v1
        }
        switch reply.commandResult {
        case .connect(let value): v1.result = try codec.encode(value)
        case .subscribe(let value): v1.result = try codec.encode(value)
        case .unsubscribe(let value): v1.result = try codec.encode(value)
        case .publish(let value): v1.result = try codec.encode(value)
        case .presence(let value): v1.result = try codec.encode(value)
        case .presenceStats(let value): v1.result = try codec.encode(value)
        case .history(let value): v1.result = try codec.encode(value)
        case .rpc(let value): v1.result = try codec.encode(value)
        case .refresh(let value): v1.result = try codec.encode(value)
        case .subRefresh(let value): v1.result = try codec.encode(value)
        case .ping, nil: break
        }
        return v1
    }

    /// The v1 form of a v2 push: `type`, `channel` and the payload encoded into `data`.
    public func push(_ push: Push) throws(ProtocolEncodingError) -> Push {
        var v1 = Push(type: 0)
        v1.channel = push.channel
        func set<M: ProtocolMessage>(_ type: V1PushType, _ payload: M) throws(ProtocolEncodingError) {
            v1.type = type.rawValue
            v1.data = try codec.encode(payload)
        }
        switch push.payload {
        case .publication(let value): try set(.publication, value)
        case .join(let value): try set(.join, value)
        case .leave(let value): try set(.leave, value)
        case .unsubscribe(let value): try set(.unsubscribe, value)
        case .message(let value): try set(.message, value)
        case .subscribe(let value): try set(.subscribe, value)
        case .connect(let value): try set(.connect, value)
        case .disconnect(let value): try set(.disconnect, value)
        case .refresh(let value): try set(.refresh, value)
        case nil: break
        }
        return v1
    }

    /// The v2 form of a v1 reply (what a v1 client reads). `method` is the method of the command with
    /// this id; replies without id are pushes.
    public func decodeReply(_ reply: Reply, method: V1Method?) throws(ProtocolDecodingError) -> Reply {
        if reply.id == 0 {
            guard reply.result.readableBytes > 0 else { return Reply.ping }
            return Reply(push: try decodePush(codec.decode(Push.self, from: reply.result)))
        }
        if let error = reply.error { return Reply(id: reply.id, error: error) }
        let result = reply.result
        func decode<M: ProtocolMessage>(_ type: M.Type) throws(ProtocolDecodingError) -> M {
            result.readableBytes == 0 ? M() : try codec.decode(M.self, from: result)
        }
        let decoded: CommandResult
        switch method {
        case .connect: decoded = .connect(try decode(ConnectResult.self))
        case .subscribe: decoded = .subscribe(try decode(SubscribeResult.self))
        case .unsubscribe: decoded = .unsubscribe(try decode(UnsubscribeResult.self))
        case .publish: decoded = .publish(try decode(PublishResult.self))
        case .presence: decoded = .presence(try decode(PresenceResult.self))
        case .presenceStats: decoded = .presenceStats(try decode(PresenceStatsResult.self))
        case .history: decoded = .history(try decode(HistoryResult.self))
        case .rpc: decoded = .rpc(try decode(RPCResult.self))
        case .refresh: decoded = .refresh(try decode(RefreshResult.self))
        case .subRefresh: decoded = .subRefresh(try decode(SubRefreshResult.self))
        case .ping, .send, nil: decoded = .ping(PingResult())
        }
        return Reply(id: reply.id, result: decoded)
    }

    /// The v2 form of a v1 push. An unknown type decodes to a push with no payload.
    public func decodePush(_ push: Push) throws(ProtocolDecodingError) -> Push {
        let data = push.data
        func decode<M: ProtocolMessage>(_ type: M.Type) throws(ProtocolDecodingError) -> M {
            data.readableBytes == 0 ? M() : try codec.decode(M.self, from: data)
        }
        let payload: PushPayload
        switch V1PushType(rawValue: push.type) {
        case .publication: payload = .publication(try decode(Publication.self))
        case .join: payload = .join(try decode(Join.self))
        case .leave: payload = .leave(try decode(Leave.self))
        case .unsubscribe: payload = .unsubscribe(try decode(UnsubscribePush.self))
        case .message: payload = .message(try decode(MessagePush.self))
        case .subscribe: payload = .subscribe(try decode(SubscribePush.self))
        case .connect: payload = .connect(try decode(ConnectPush.self))
        case .disconnect: payload = .disconnect(try decode(DisconnectPush.self))
        case .refresh: payload = .refresh(try decode(RefreshPush.self))
        case nil: return Push(type: 0, channel: push.channel)
        }
        return Push(channel: push.channel, payload)
    }
}
