import Testing

@testable import RotorServer

@Suite("SockJS: session state machine")
struct SockJSSessionMachineTests {
    @Test("the first receiver gets the open frame; messages wait for a receiver and arrive as one a[...] frame")
    func openAndWaiting() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 1000, heartbeats: false)
        #expect(SockJSSessionMachine.initialTimer == .expiry)
        let result1 = machine.attach(1)
        #expect(result1 == .attached(open: true, timer: .none))
        let result2 = machine.send("m1")
        #expect(result2 == .send(frame: #"a["m1"]"#))
        let result3 = machine.receiverEnded(1)
        #expect(result3 == .expiry)
        let result4 = machine.send("m2")
        #expect(result4 == .waiting)
        let result5 = machine.send("m3")
        #expect(result5 == .waiting)
        let result6 = machine.attach(2)
        #expect(result6 == .attached(open: false, timer: .none))
        let result7 = machine.takeWaiting()
        #expect(result7 == #"a["m2","m3"]"#)
        let result8 = machine.takeWaiting()
        #expect(result8 == nil)
    }

    @Test("a second receiver while one is attached is refused")
    func secondReceiver() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 1000, heartbeats: true)
        let result9 = machine.attach(1)
        #expect(result9 == .attached(open: true, timer: .heartbeat))
        let result10 = machine.attach(2)
        #expect(result10 == .refused)
        let result11 = machine.receiverEnded(2)
        #expect(result11 == nil)
        #expect(machine.heartbeatDue())
    }

    @Test("waiting messages past the queue bound overflow")
    func overflow() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 5, heartbeats: false)
        let result12 = machine.send("abc")
        #expect(result12 == .waiting)
        let result13 = machine.send("def")
        #expect(result13 == .overflow)
    }

    @Test("after a server close every receiver gets the close frame until the session expires")
    func closing() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 100, heartbeats: true)
        _ = machine.attach(1)
        let result14 = machine.close(frame: "c[3000,\"x\"]")
        #expect(result14 == 1)
        let result15 = machine.receiverEnded(1)
        #expect(result15 == .expiry)
        #expect(!machine.heartbeatDue())
        let result16 = machine.send("late")
        #expect(result16 == .dropped)
        let result17 = machine.attach(2)
        #expect(result17 == .closing(frame: "c[3000,\"x\"]"))
        let result18 = machine.expire()
        #expect(result18)
        let result19 = machine.expire()
        #expect(!result19)
        #expect(machine.state == .closed)
    }

    @Test("an interrupted receiver closes the session; a stale one does not")
    func interruption() {
        var machine = SockJSSessionMachine(maxWaitingBytes: 100, heartbeats: false)
        _ = machine.attach(1)
        let result20 = machine.receiverInterrupted(7)
        #expect(!result20)
        let result21 = machine.receiverInterrupted(1)
        #expect(result21)
        #expect(machine.state == .closed)
    }
}
