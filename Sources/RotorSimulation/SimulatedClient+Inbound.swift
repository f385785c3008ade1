import NIOCore
import RotorCore
import RotorProtocol

extension SimulatedClient {
    /// A frame from the node: replies and pushes are handled in order; a close frame ends the connection.
    public func linkReceived(_ frame: LinkFrame, on link: SimulatedLink) {
        guard link === self.link else { return }
        switch frame {
        case .close(let code, let reason):
            trace?("client \(index): closed by server \(code) \(reason)")
            if phase == .connected || phase == .connecting { record(.disconnected(code: code, reason: reason)) }
            let reconnects = Disconnect(code: code, reason: reason, reconnect: false).reconnectsInV2
            connectionLost(reconnect: reconnects)
        case .data(let bytes):
            var decoder = FrameDecoder<Reply>(frame: bytes, encoding: .json, limits: FrameLimits(maxFrameSize: .max))
            while self.link === link {
                do {
                    guard let reply = try decoder.next() else { return }
                    handle(reply)
                } catch {
                    record(.protocolViolation("undecodable frame from the server: \(error)"))
                    return
                }
            }
        }
    }

    func handle(_ reply: Reply) {
        if let push = reply.push {
            handle(push)
            return
        }
        guard reply.id != 0 else {
            if reply.error == nil && reply.commandResult == nil {
                answerPing()
            } else {
                record(.protocolViolation("reply without id that is neither a push nor a ping"))
            }
            return
        }
        guard let command = pending.removeValue(forKey: reply.id) else {
            record(.protocolViolation("reply to unknown command id \(reply.id)"))
            return
        }
        switch command {
        case .connect:
            handleConnectReply(reply)
        case .subscribe(let channel, let requested):
            handleSubscribeReply(reply, channel: channel, requested: requested)
        case .unsubscribe:
            if let error = reply.error { record(.protocolViolation("unsubscribe failed with \(error.code)")) }
        case .publish(let channel, let payload):
            record(.published(channel: channel, payload: payload, code: reply.error?.code ?? 0))
        }
    }

    /// §8: one pong per ping, when the connect result asked for pongs.
    func answerPing() {
        guard phase == .connected else {
            record(.protocolViolation("ping before the connect reply"))
            return
        }
        guard pongRequired else { return }
        pongsSent += 1
        enqueue(Command())
    }

    func handleConnectReply(_ reply: Reply) {
        guard let result = reply.connect else {
            let code = reply.error?.code ?? 0
            record(.protocolViolation("connect failed with \(code)"))
            link?.send(.close(code: 1000, reason: ""), from: .client)
            connectionLost(reconnect: reply.error?.temporary == true)
            return
        }
        trace?("client \(index): connected as \(result.client)")
        connected(clientID: result.client, pong: result.pong)
    }

    func handleSubscribeReply(_ reply: Reply, channel: String, requested: StreamPosition?) {
        // A reply to a subscribe the client abandoned (it unsubscribed meanwhile) is ignored.
        guard var subscription = subscriptions[channel], subscription.state == .subscribing(id: reply.id) else {
            return
        }
        subscription.dropsStrayPublications = false
        guard let result = reply.subscribe else {
            let error = reply.error ?? ReplyError()
            record(.subscribeFailed(channel: channel, code: error.code))
            trace?("client \(index): subscribe \(channel) failed with \(error.code)")
            subscription.state = .unsubscribed
            if error.temporary && subscription.desired {
                let delay = backoff.delay(attempt: 0, random: random)
                subscription.retry = scheduler.schedule(at: scheduler.now + delay) { [weak self] in
                    guard let self else { return }
                    self.subscriptions[channel]?.retry = nil
                    self.sendSubscribe(channel)
                }
            }
            subscriptions[channel] = subscription
            return
        }
        let recovered = result.publications.map { (offset: $0.offset, payload: String(buffer: $0.data)) }
        let record = SubscribeRecord(
            channel: channel,
            requested: requested,
            positioned: result.positioned,
            recoverable: result.recoverable,
            wasRecovering: result.wasRecovering,
            recovered: result.recovered,
            position: StreamPosition(offset: result.offset, epoch: result.epoch),
            publications: recovered
        )
        self.record(.subscribed(record))
        if let trace {
            let from = requested.map { "\($0.epoch):\($0.offset)" } ?? "-"
            trace(
                "client \(index): subscribed \(channel) recovered=\(result.recovered) from=\(from) "
                    + "at \(result.epoch):\(result.offset) with \(recovered.count) publications"
            )
        }
        if result.positioned {
            subscription.epoch = result.epoch
            subscription.offset = recovered.last?.offset ?? result.offset
        }
        subscription.state = .subscribed
        subscriptions[channel] = subscription
    }

    func handle(_ push: Push) {
        let channel = push.channel
        if let publication = push.pub {
            handlePublication(publication, channel: channel)
        } else if let unsubscribe = push.unsubscribe {
            handleUnsubscribePush(unsubscribe, channel: channel)
        } else if push.join != nil || push.leave != nil {
            joinLeaveCount += 1
        } else {
            record(.protocolViolation("unexpected push in channel \(channel)"))
        }
    }

    func handlePublication(_ publication: Publication, channel: String) {
        guard var subscription = subscriptions[channel] else {
            record(.protocolViolation("publication in channel \(channel) the client never subscribed to"))
            return
        }
        guard subscription.state == .subscribed else {
            if !subscription.dropsStrayPublications {
                record(.protocolViolation("publication in \(channel) before its subscribe reply"))
            }
            return
        }
        let payload = String(buffer: publication.data)
        record(.publication(channel: channel, offset: publication.offset, payload: payload))
        if subscription.recoverable && publication.offset > 0 {
            subscription.offset = publication.offset
            subscriptions[channel] = subscription
        }
    }

    /// §10.4: codes ≥ 2500 resubscribe (recovering), lower codes end the subscription for good.
    func handleUnsubscribePush(_ push: UnsubscribePush, channel: String) {
        guard var subscription = subscriptions[channel], subscription.state == .subscribed else { return }
        record(.unsubscribed(channel: channel, code: push.code))
        trace?("client \(index): unsubscribed from \(channel) by the server, code \(push.code)")
        subscription.state = .unsubscribed
        if push.code < 2500 { subscription.desired = false }
        subscriptions[channel] = subscription
        if subscription.desired { sendSubscribe(channel) }
    }
}
