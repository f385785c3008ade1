import NIOCore
import RotorCore
import RotorProtocol
import Testing

/// One scenario per code of client-protocol §9 and §10 that the connection machine produces, each driven
/// from input only. (3001, 3503, 3504 and 3506 come from the node: NodeAPITests, NodeFanOutTests; 3008 and
/// 3009 from the transport shell; 101, 111, 3011, 3013 and 3509 are never produced by Centrifugo v4.1.)
@Suite struct EveryCodeTests {
    static func connected(_ transport: TransportDescription = .webSocket) -> ConnectionHarness {
        var harness = ConnectionHarness(transport: transport)
        harness.connect()
        return harness
    }

    static func errorCode(_ code: UInt32) -> UInt32? {
        var h = connected()
        switch code {
        case 100:
            _ = h.send(2, .publish(PublishRequest(channel: "news:x", data: ByteBuffer(string: "1"))))
            return h.connection.publishCompleted(succeeded: false, now: h.now).errorCodes.first
        case 102: return h.send(2, .subscribe(SubscribeRequest(channel: "nope:x"))).errorCodes.first
        case 103: return h.send(2, .subscribe(SubscribeRequest(channel: "locked:x"))).errorCodes.first
        case 104:
            var v1 = connected(TransportDescription(name: "websocket", version: .v1))
            return v1.send(.v1(id: 2, .unknownMethod(99))).errorCodes.first
        case 105:
            h.subscribe(2, SubscribeRequest(channel: "news:x"))
            return h.send(3, .subscribe(SubscribeRequest(channel: "news:x"))).errorCodes.first
        case 106:
            var configuration = ClientConfiguration()
            configuration.channelLimit = 0
            var limited = ConnectionHarness(configuration: configuration)
            limited.connect()
            return limited.send(2, .subscribe(SubscribeRequest(channel: "news:x"))).errorCodes.first
        case 107: return h.send(2, .subscribe(SubscribeRequest(channel: "news:\u{e9}"))).errorCodes.first
        case 108: return h.send(2, .ping(PingRequest())).errorCodes.first
        case 109:
            var fresh = ConnectionHarness()
            _ = fresh.send(1, .connect(ConnectRequest(token: "t")))
            return fresh.verifyConnectionToken(.expired).errorCodes.first
        case 110:
            _ = h.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
            let claims = SubscriptionTokenClaims(user: "42", channel: "$news:x", expireAt: h.now.unixSeconds - 1)
            return h.verifySubscriptionToken(.valid(claims)).errorCodes.first
        case 112:
            _ = h.send(
                2, .history(HistoryRequest(channel: "hist:x", limit: 1, since: StreamPosition(offset: 1, epoch: "a"))))
            return h.connection.historyCompleted(
                StreamRead(publications: [], top: StreamPosition(offset: 1, epoch: "b")), now: h.now
            ).errorCodes.first
        default: return nil
        }
    }

    @Test(arguments: [100, 102, 103, 104, 105, 106, 107, 108, 109, 110, 112] as [UInt32])
    func errorCodeIsProduced(code: UInt32) {
        #expect(Self.errorCode(code) == code)
    }

    static func disconnectCode(_ code: UInt32) -> UInt32? {
        var h = connected()
        switch code {
        case 3004:
            return h.subscribe(2, SubscribeRequest(channel: "news:x"), outcome: .failed).closeCode
        case 3005:
            var configuration = ClientConfiguration()
            configuration.pingInterval = .zero
            var fresh = ConnectionHarness(configuration: configuration)
            fresh.connect(ConnectionTokenClaims(user: "42", expiresAt: fresh.now.unixSeconds + 1))
            var actions: [ConnectionAction] = []
            for _ in 0..<40 where actions.closeCode == nil { actions = fresh.advance(by: .seconds(1)) }
            return actions.closeCode
        case 3006:
            var v1 = connected(TransportDescription(name: "websocket", version: .v1))
            _ = v1.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
            _ = v1.verifySubscriptionToken(
                .valid(SubscriptionTokenClaims(user: "42", channel: "$news:x", expiresAt: v1.now.unixSeconds + 1)))
            _ = v1.complete(["$news:x": .subscribed(history: nil, buffered: [])])
            var actions: [ConnectionAction] = []
            for _ in 0..<3 where actions.closeCode == nil { actions = v1.advance(by: .seconds(27)) }
            return actions.closeCode
        case 3010:
            var v1 = connected(TransportDescription(name: "websocket", version: .v1))
            v1.subscribe(
                2, SubscribeRequest(channel: "chat:x"),
                outcome: .subscribed(
                    history: StreamRead(publications: [], top: StreamPosition(offset: 1, epoch: "e")), buffered: []))
            guard
                case .reject(let actions) = v1.connection.publicationDecision(
                    "chat:x", position: StreamPosition(offset: 3, epoch: "e"))
            else { return nil }
            return actions.closeCode
        case 3012:
            var pinged = ConnectionHarness(firstPingDelay: .zero)
            pinged.connect()
            _ = pinged.advance(by: .zero)
            return pinged.advance(by: .seconds(8)).closeCode
        case 3500:
            var fresh = ConnectionHarness()
            _ = fresh.send(1, .connect(ConnectRequest(token: "t")))
            return fresh.verifyConnectionToken(.invalid(reason: "signature")).closeCode
        case 3501: return h.send(.malformed).closeCode
        case 3502: return ConnectionHarness().advanced(by: .seconds(10)).closeCode
        case 3505:
            var configuration = ClientConfiguration()
            configuration.channelLimit = 1
            var limited = ConnectionHarness(configuration: configuration)
            return limited.connect(ConnectionTokenClaims(user: "42", channels: ["news:a", "news:b"])).closeCode
        case 3507:
            var configuration = ClientConfiguration()
            configuration.disallowAnonymousConnectionTokens = true
            var strict = ConnectionHarness(configuration: configuration)
            return strict.connect(ConnectionTokenClaims(user: "")).closeCode
        case 3508: return h.send(0, .send(SendRequest(data: ByteBuffer(string: "1")))).closeCode
        default: return nil
        }
    }

    @Test(arguments: [3004, 3005, 3006, 3010, 3012, 3500, 3501, 3502, 3505, 3507, 3508] as [UInt32])
    func disconnectCodeIsProduced(code: UInt32) {
        #expect(Self.disconnectCode(code) == code)
    }

    @Test(arguments: [2000, 2500, 2501] as [UInt32])
    func unsubscribeCodeIsProduced(code: UInt32) {
        var h = Self.connected()
        var actions: [ConnectionAction] = []
        switch code {
        case 2000:
            h.subscribe(2, SubscribeRequest(channel: "news:x"))
            actions = h.connection.serverUnsubscribe("news:x")
        case 2500:
            h.subscribe(
                2, SubscribeRequest(channel: "chat:x"),
                outcome: .subscribed(
                    history: StreamRead(publications: [], top: StreamPosition(offset: 1, epoch: "e")), buffered: []))
            if case .reject(let rejected) = h.connection.publicationDecision(
                "chat:x", position: StreamPosition(offset: 1, epoch: "other"))
            {
                actions = rejected
            }
        default:
            _ = h.send(2, .subscribe(SubscribeRequest(channel: "$news:x", token: "t")))
            _ = h.verifySubscriptionToken(
                .valid(SubscriptionTokenClaims(user: "42", channel: "$news:x", expiresAt: h.now.unixSeconds + 1)))
            _ = h.complete(["$news:x": .subscribed(history: nil, buffered: [])])
            var pings: [ConnectionAction] = []
            for _ in 0..<3 where actions.pushes.isEmpty {
                pings = h.advance(by: .seconds(27))
                if pings.contains(.ping) { _ = h.send(.pong) }
                actions = pings
            }
        }
        #expect(actions.pushes.compactMap(\.unsubscribe?.code) == [code])
    }
}

extension ConnectionHarness {
    /// The actions of the timers due after `duration`.
    func advanced(by duration: Duration) -> [ConnectionAction] {
        var copy = self
        return copy.advance(by: duration)
    }
}
