import RotorProtocol
import Testing

/// Every error (spec §9), disconnect (§10.2) and unsubscribe code (§10.4) exists as a typed value with the
/// reference's code, text and flags.
@Suite struct CodesTests {
    @Test func errorCodesMatchSpecTable() {
        let table: [(ReplyError, UInt32, String, Bool)] = [
            (.internalServerError, 100, "internal server error", true),
            (.unauthorized, 101, "unauthorized", false),
            (.unknownChannel, 102, "unknown channel", false),
            (.permissionDenied, 103, "permission denied", false),
            (.methodNotFound, 104, "method not found", false),
            (.alreadySubscribed, 105, "already subscribed", false),
            (.limitExceeded, 106, "limit exceeded", false),
            (.badRequest, 107, "bad request", false),
            (.notAvailable, 108, "not available", false),
            (.tokenExpired, 109, "token expired", false),
            (.expired, 110, "expired", false),
            (.tooManyRequests, 111, "too many requests", true),
            (.unrecoverablePosition, 112, "unrecoverable position", false),
        ]
        for (error, code, message, temporary) in table {
            #expect(error.code == code)
            #expect(error.message == message)
            #expect(error.temporary == temporary)
        }
        #expect(ReplyError.builtins == table.map(\.0))
    }

    @Test func errorRepliesEncodeAsTheReference() throws {
        let reply = Reply(id: 7, error: .permissionDenied)
        #expect(
            try MessageCodec.json.encode(reply).string
                == #"{"id":7,"error":{"code":103,"message":"permission denied"}}"#)
        let temporary = Reply(id: 7, error: .internalServerError)
        #expect(
            try MessageCodec.json.encode(temporary).string
                == #"{"id":7,"error":{"code":100,"message":"internal server error","temporary":true}}"#)
    }

    @Test func disconnectCodesMatchSpecTable() {
        let table: [(Disconnect, UInt32, String, Bool)] = [
            (.connectionClosed, 3000, "connection closed", false),
            (.shutdown, 3001, "shutdown", true),
            (.internalServerError, 3004, "internal server error", true),
            (.connectionExpired, 3005, "connection expired", true),
            (.subscriptionExpired, 3006, "subscription expired", true),
            (.slow, 3008, "slow", true),
            (.writeError, 3009, "write error", true),
            (.insufficientState, 3010, "insufficient state", true),
            (.forceReconnect, 3011, "force reconnect", true),
            (.noPong, 3012, "no pong", true),
            (.tooManyRequests, 3013, "too many requests", false),
            (.invalidToken, 3500, "invalid token", false),
            (.badRequest, 3501, "bad request", false),
            (.stale, 3502, "stale", false),
            (.forceDisconnect, 3503, "force disconnect", false),
            (.connectionLimit, 3504, "connection limit", false),
            (.channelLimit, 3505, "channel limit", false),
            (.inappropriateProtocol, 3506, "inappropriate protocol", false),
            (.permissionDenied, 3507, "permission denied", false),
            (.notAvailable, 3508, "not available", false),
            (.tooManyErrors, 3509, "too many errors", false),
        ]
        for (disconnect, code, reason, reconnect) in table {
            #expect(disconnect.code == code)
            #expect(disconnect.reason == reason)
            #expect(disconnect.reconnect == reconnect, "v1 reconnect flag of \(code)")
            #expect(disconnect.reason.utf8.count < 123, "fits a WebSocket close frame")
        }
        #expect(Disconnect.builtins == table.map(\.0))
    }

    @Test func v2ReconnectRuleFollowsCodeRanges() {
        #expect(Disconnect.shutdown.reconnectsInV2)
        #expect(Disconnect.tooManyRequests.reconnectsInV2, "3013 reconnects in v2 although its v1 flag is false")
        #expect(!Disconnect.badRequest.reconnectsInV2)
        #expect(!Disconnect.tooManyErrors.reconnectsInV2)
        #expect(Disconnect(code: 4000, reason: "app", reconnect: false).reconnectsInV2)
        #expect(Disconnect(code: 4499, reason: "app", reconnect: false).reconnectsInV2)
        #expect(!Disconnect(code: 4500, reason: "app", reconnect: true).reconnectsInV2)
        #expect(!Disconnect(code: 4999, reason: "app", reconnect: true).reconnectsInV2)
        #expect(Disconnect(code: 5000, reason: "app", reconnect: false).reconnectsInV2)
    }

    @Test func v1CloseReasonIsJSON() {
        #expect(Disconnect.invalidToken.v1CloseReason == #"{"reason":"invalid token","reconnect":false}"#)
        #expect(Disconnect.shutdown.v1CloseReason == #"{"reason":"shutdown","reconnect":true}"#)
        #expect(Disconnect.badRequest.v1CloseReason == #"{"reason":"bad request","reconnect":false}"#)
        let custom = Disconnect(code: 4001, reason: "a \"quoted\" <tag>", reconnect: true)
        #expect(custom.v1CloseReason == #"{"reason":"a \"quoted\" \u003ctag\u003e","reconnect":true}"#)
    }

    @Test func disconnectPushesCarryReconnectOnlyForV1() throws {
        let v2 = Push(.disconnect(Disconnect.connectionExpired.push(for: .v2)))
        #expect(
            try MessageCodec.json.encode(v2).string == #"{"disconnect":{"code":3005,"reason":"connection expired"}}"#)
        let v1 = try V1Mapping(.json).push(Push(.disconnect(Disconnect.connectionExpired.push(for: .v1))))
        #expect(
            try MessageCodec.json.encode(v1).string
                == #"{"type":7,"data":{"code":3005,"reason":"connection expired","reconnect":true}}"#)
    }

    @Test func unidirectionalConnectMapsErrorsToDisconnects() {
        #expect(Disconnect.forUnidirectionalConnect(failingWith: .tokenExpired) == .connectionExpired)
        #expect(Disconnect.forUnidirectionalConnect(failingWith: .expired) == .connectionExpired)
        #expect(Disconnect.forUnidirectionalConnect(failingWith: .tooManyRequests) == .tooManyRequests)
        #expect(Disconnect.forUnidirectionalConnect(failingWith: .permissionDenied) == .permissionDenied)
        #expect(Disconnect.forUnidirectionalConnect(failingWith: .unknownChannel) == .internalServerError)
    }

    @Test func unsubscribeCodesMatchSpecTable() throws {
        let table: [(UnsubscribeReason, UInt32, String, Bool)] = [
            (.clientUnsubscribed, 0, "client unsubscribed", false),
            (.clientDisconnected, 1, "client disconnected", false),
            (.serverUnsubscribe, 2000, "server unsubscribe", false),
            (.insufficientState, 2500, "insufficient state", true),
            (.subscriptionExpired, 2501, "subscription expired", true),
        ]
        for (reason, code, text, resubscribes) in table {
            #expect(reason.code == code)
            #expect(reason.reason == text)
            #expect(reason.resubscribes == resubscribes)
        }
        #expect(UnsubscribeReason.builtins == table.map(\.0))
        let push = Reply(push: Push(channel: "chat:index", .unsubscribe(UnsubscribeReason.serverUnsubscribe.push)))
        #expect(
            try MessageCodec.json.encode(push).string
                == #"{"push":{"channel":"chat:index","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}}"#)
    }

    @Test func decodingErrorsMapToTheReferenceOutcome() {
        #expect(ProtocolDecodingError.emptyFrame.outcome == .disconnect(.badRequest))
        #expect(ProtocolDecodingError.emptyLine.outcome == .disconnect(.badRequest))
        #expect(ProtocolDecodingError.truncated.outcome == .disconnect(.badRequest))
        #expect(ProtocolDecodingError.frameTooLarge(size: 70_000, limit: 65_536).outcome == .messageTooBig)
        #expect(ProtocolEncodingError.payloadNotJSON.disconnect == .inappropriateProtocol)
    }
}
