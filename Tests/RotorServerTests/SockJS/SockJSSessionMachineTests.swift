import Testing

@testable import RotorServer

@Suite("SockJS: session state machine")
struct SockJSSessionMachineTests {
    @Test("the first receiver gets the open frame; messages wait for a receiver and arrive as one a[...] frame")
    func openAndWaiting() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 1000, heartbeats: false)
        #expect(SockJSSessionMachine.initialTimer == .expiry)
        let first = machine.attach(1)
        #expect(first == .attached(open: true, timer: .none))
        let live = machine.send("m1")
        #expect(live == .send(frame: #"a["m1"]"#))
        let afterPoll = machine.receiverEnded(1)
        #expect(afterPoll == .expiry)
        let kept = [machine.send("m2"), machine.send("m3")]
        #expect(kept == [.waiting, .waiting])
        let second = machine.attach(2)
        #expect(second == .attached(open: false, timer: .none))
        let waiting = machine.takeWaiting()
        #expect(waiting == #"a["m2","m3"]"#)
        let nothingLeft = machine.takeWaiting()
        #expect(nothingLeft == nil)
    }

    @Test("a second receiver while one is attached is refused")
    func secondReceiver() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 1000, heartbeats: true)
        let first = machine.attach(1)
        #expect(first == .attached(open: true, timer: .heartbeat))
        let second = machine.attach(2)
        #expect(second == .refused)
        let staleEnd = machine.receiverEnded(2)
        #expect(staleEnd == nil)
        #expect(machine.heartbeatDue())
    }

    @Test("waiting messages past the queue bound overflow")
    func overflow() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 5, heartbeats: false)
        let outcomes = [machine.send("abc"), machine.send("def")]
        #expect(outcomes == [.waiting, .overflow])
    }

    @Test("after a server close every receiver gets the close frame until the session expires")
    func closing() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 100, heartbeats: true)
        _ = machine.attach(1)
        let attached = machine.close(frame: "c[3000,\"x\"]")
        #expect(attached == 1)
        let afterClose = machine.receiverEnded(1)
        #expect(afterClose == .expiry)
        #expect(!machine.heartbeatDue())
        let late = machine.send("late")
        #expect(late == .dropped)
        let next = machine.attach(2)
        #expect(next == .closing(frame: "c[3000,\"x\"]"))
        let expired = [machine.expire(), machine.expire()]
        #expect(expired == [true, false])
        #expect(machine.state == .closed)
    }

    @Test("an interrupted receiver closes the session; a stale one does not")
    func interruption() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 100, heartbeats: false)
        _ = machine.attach(1)
        let stale = machine.receiverInterrupted(7)
        #expect(!stale)
        let current = machine.receiverInterrupted(1)
        #expect(current)
        #expect(machine.state == .closed)
    }
}
