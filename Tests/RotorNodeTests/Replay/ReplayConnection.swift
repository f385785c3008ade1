import RotorConformance
import NIOCore
import RotorCore
import RotorNode
import RotorProtocol
import RotorSimulation

/// A recorded connection played into the node: the transport shell (frame decoding, close frames, the
/// reference's TCP drop of connections that stopped reading) and the client's view of what was sent.
final class ReplayConnection: ClientSink {
    let label: String
    let transport: ReplayTransport
    unowned let node: Node
    unowned let scheduler: SimulatedScheduler
    private(set) var handle: ConnectionHandle!
    /// What the client saw, in order, and when.
    private(set) var output: [SessionItem] = []
    private(set) var outputTimes: [Timestamp] = []
    /// Answer server pings with a pong (when the recording has none on this connection).
    var answersPings = true
    private(set) var ended = false
    private(set) var stoppedReading = false
    private var dropTimer: (any ScheduledWork)?

    /// How long after a stop-reading the reference drops the TCP connection (README §5.4: ~5 s).
    static let dropDelay: Duration = .seconds(5)

    init(label: String, transport: ReplayTransport, node: Node, scheduler: SimulatedScheduler) {
        self.label = label
        self.transport = transport
        self.node = node
        self.scheduler = scheduler
        handle = node.open(transport: transport.transportDescription, sink: self)
    }

    /// Messages other than pings, and pings, received so far.
    var receivedCounts: (items: Int, pings: Int) {
        let pings = output.filter(\.isPing).count
        return (output.count - pings, pings)
    }

    private func record(_ item: SessionItem) {
        output.append(item)
        outputTimes.append(scheduler.now)
    }

    // MARK: ClientSink

    func send(_ message: ByteBuffer) {
        guard let json = transport.json(ofNodeMessage: message) else {
            record(.message(.string("undecodable node message: \(Array(message.readableBytesView))")))
            return
        }
        record(.message(json))
        if output.last!.isPing, answersPings, transport.transportDescription.expectsPongs {
            scheduler.execute { [weak self] in
                guard let self, !self.ended, !self.stoppedReading else { return }
                self.node.receive(.pong, from: self.handle)
            }
        }
    }

    func stopReading() {
        stoppedReading = true
        guard !transport.isUnidirectional, dropTimer == nil else { return }
        dropTimer = scheduler.schedule(at: scheduler.now + Self.dropDelay) { [weak self] in
            guard let self, !self.ended else { return }
            self.ended = true
            self.record(.dropped)
            self.node.transportClosed(self.handle)
        }
    }

    func close(_ disconnect: Disconnect) {
        guard !ended else { return }
        ended = true
        dropTimer?.cancel()
        switch transport {
        case .webSocket(.v1, _):
            record(.close(code: Int(disconnect.code), reason: disconnect.v1CloseReason))
        case .webSocket, .sockJS:
            record(.close(code: Int(disconnect.code), reason: disconnect.reason))
        case .uniWebSocket, .uniSSE, .uniHTTPStream, .httpStream, .sse:
            // Streams and uni_websocket carry a Disconnect push, then end without a close frame.
            let push = Push(.disconnect(disconnect.push(for: transport.version)))
            let encoded =
                transport.isUnidirectional
                ? try? MessageCodec.json.encode(push) : try? MessageCodec.json.encode(Reply(push: push))
            if let encoded, let json = JSONValue(parsing: encoded) { record(.message(json)) }
            record(.dropped)
        }
    }

    // MARK: Client → server

    /// One client frame, decoded as the server shell does: messages one by one, a decode error closes with
    /// its outcome (3501, or WebSocket 1009 for an over-limit frame).
    func receive(frame bytes: [UInt8]) {
        var decoder = FrameDecoder<Command>(frame: ByteBuffer(bytes: bytes), encoding: transport.encoding)
        while !ended && !stoppedReading {
            let command: ClientCommand
            do throws(ProtocolDecodingError) {
                guard let next = try decoder.next() else { return }
                if transport.version == .v1 {
                    command = .v1(id: next.id, try V1Mapping(transport.encoding).request(of: next))
                } else {
                    command = .v2(next)
                }
            } catch {
                failDecoding(error.outcome)
                return
            }
            node.receive(command, from: handle)
        }
    }

    /// The connect request of a unidirectional transport (first WebSocket frame, POST body, `cf_connect`).
    func receive(connectRequest bytes: [UInt8]) {
        guard !ended else { return }
        do throws(ProtocolDecodingError) {
            let request = try MessageCodec.json.decode(ConnectRequest.self, from: ByteBuffer(bytes: bytes))
            node.receive(.request(id: 1, .connect(request)), from: handle)
        } catch {
            failDecoding(error.outcome)
        }
    }

    private func failDecoding(_ outcome: DecodingOutcome) {
        switch outcome {
        case .disconnect(let disconnect):
            node.disconnect(handle, disconnect)
        case .messageTooBig:
            ended = true
            record(.close(code: 1009, reason: ""))
            node.transportClosed(handle)
        }
    }

    /// The client closed (WebSocket Close, echoed by the server) or dropped its HTTP stream.
    func clientClosed(code: Int?, withFrame: Bool) {
        guard !ended else { return }
        ended = true
        dropTimer?.cancel()
        if withFrame && transport.hasCloseFrames { record(.close(code: code ?? 1000, reason: "")) }
        node.transportClosed(handle)
    }
}
