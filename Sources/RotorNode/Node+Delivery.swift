import NIOCore
import RotorCore
import RotorEngine
import RotorProtocol

extension Node: BrokerEventHandler {
    /// Fan-out (hot path): the push is encoded once per format and the same buffer goes to every subscriber.
    public func handlePublication(channel: String, publication: Publication, position: StreamPosition) {
        observer?.recorded(.messageReceived(.publication))
        guard let entry = hub[channel] else { return }
        var shared = SharedPush(Push(channel: channel, .publication(publication)))
        for handle in entry.subscribers.values {
            if !handle.buffered.isEmpty, handle.buffered[channel] != nil {
                handle.buffered[channel]!.append(PositionedPublication(publication: publication, position: position))
                continue
            }
            switch handle.machine.publicationDecision(channel, position: position) {
            case .deliver:
                observer?.sent(.push(shared.push), to: handle)
                send(shared.message(for: handle.format), to: handle)
            case .skip:
                continue
            case .reject(let actions):
                run(actions, for: handle)
            }
        }
    }

    /// A join: delivered to subscribers with join/leave pushes (the joining client included).
    public func handleJoin(channel: String, info: ClientInfo) {
        observer?.recorded(.messageReceived(.join))
        deliverJoinLeave(channel, Push(channel: channel, .join(Join(info: info))))
    }

    /// A leave: delivered to subscribers with join/leave pushes.
    public func handleLeave(channel: String, info: ClientInfo) {
        observer?.recorded(.messageReceived(.leave))
        deliverJoinLeave(channel, Push(channel: channel, .leave(Leave(info: info))))
    }

    /// Control messages matter only with several nodes (a later broker).
    public func handleControl(_ data: ByteBuffer) {
        observer?.recorded(.messageReceived(.control))
    }

    func deliverJoinLeave(_ channel: String, _ push: Push) {
        guard let entry = hub[channel] else { return }
        var shared = SharedPush(push)
        for handle in entry.subscribers.values where handle.buffered.isEmpty || handle.buffered[channel] == nil {
            guard handle.machine.wantsJoinLeave(in: channel) else { continue }
            observer?.sent(.push(shared.push), to: handle)
            send(shared.message(for: handle.format), to: handle)
        }
    }
}
