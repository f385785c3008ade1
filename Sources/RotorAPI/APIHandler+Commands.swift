import NIOCore
import RotorProtocol

extension APIHandler {
    /// The v4 endpoint: runs the body's commands in order and joins their replies with LF. A command
    /// that cannot be decoded fails the whole request with 400, even after earlier ones ran.
    func handleCommands(_ body: ByteBuffer, executor: APIExecutor, completion: @escaping (APIResponse) -> Void) {
        if body.readableBytes == 0 { return completion(.badRequest) }
        var stream = JSONValueStream(body)
        let sequence = ReplySequence(
            next: {
                let command: APICommand
                do {
                    guard let value = try stream.next() else { return .end }
                    command = try APICommand(value)
                } catch {
                    return .fail
                }
                return .run { reply in
                    Self.run(command, executor: executor) { outcome in
                        reply(Self.encodeReply(id: command.id, outcome))
                    }
                }
            },
            finish: { replies in
                guard let replies else { return completion(.badRequest) }
                var body = ByteBuffer()
                for (index, var reply) in replies.enumerated() {
                    if index > 0 { body.writeInteger(UInt8(ascii: "\n")) }
                    body.writeBuffer(&reply)
                }
                completion(.json(body))
            })
        sequence.start()
    }

    /// Runs one v4 command: PRO and unknown numbers → 104; missing or ill-typed params → 107 (`info`
    /// ignores its params).
    static func run(_ command: APICommand, executor: APIExecutor, completion: @escaping (APIOutcome) -> Void) {
        guard let method = APIMethod(rawValue: command.method), method.isOpenSource else {
            return completion(.error(.methodNotFound))
        }
        if method == .info { return executor.execute(.info, completion: completion) }
        guard let params = command.params else { return completion(.error(.badRequest)) }
        let call: APICall
        do {
            call = try APICall(method, APIParams(params))
        } catch {
            return completion(.error(.badRequest))
        }
        executor.execute(call, completion: completion)
    }

    /// `{"id":…,"error":…}` or `{"id":…,"result":…}`; `id` omitted when 0.
    static func encodeReply(id: UInt32, _ outcome: APIOutcome) -> ByteBuffer {
        var json = JSONBuilder()
        json.beginObject()
        if id != 0 {
            json.key("id")
            json.integer(id)
        }
        switch outcome {
        case .error(let error):
            json.key("error")
            json.apiError(error)
        case .result(let result):
            json.key("result")
            json.rawValue(result)
        }
        json.endObject()
        return json.buffer
    }
}
