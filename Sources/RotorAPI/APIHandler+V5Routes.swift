import NIOCore
import RotorProtocol

extension APIHandler {
    /// `POST <prefix>/<method>`: the body is the params object; the answer is the method's `*Response`
    /// (`{"error":…}` or `{"result":…}`, HTTP 200). A body that is not one JSON value of the request's
    /// shape is 400. As in v4.1.5, these routes do not check for shutdown.
    func handleMethod(
        _ method: APIMethod, body: ByteBuffer, executor: APIExecutor, completion: @escaping (APIResponse) -> Void
    ) {
        let call: APICall
        do {
            call = try APICall(method, APIParams(JSONRawValue.parse(body)))
        } catch {
            return completion(.badRequest)
        }
        executor.execute(call) { outcome in
            var json = JSONBuilder()
            json.apiResponse(outcome)
            completion(.json(json.buffer))
        }
    }

    /// `POST <prefix>/batch`: `{"commands":[…]}`; each command runs the first typed request it carries
    /// (none → 104) and its reply puts the result under that method's name. Answers `{"replies":[…]}`.
    func handleBatch(_ body: ByteBuffer, executor: APIExecutor, completion: @escaping (APIResponse) -> Void) {
        var commands: [APICommand] = []
        do {
            let request = try APIParams(JSONRawValue.parse(body))
            if let list = request["commands"], !list.isNull {
                guard list.kind == .array else { throw ProtocolDecodingError.typeMismatch(offset: 0) }
                commands = try list.elements().map { element throws(ProtocolDecodingError) in
                    try APICommand(element)
                }
            }
        } catch {
            return completion(.badRequest)
        }
        var remaining = commands[...]
        let sequence = ReplySequence(
            next: {
                guard let command = remaining.popFirst() else { return .end }
                return .run { reply in
                    guard let method = APIMethod.batchOrder.first(where: { command.typed[$0] != nil }) else {
                        var json = JSONBuilder()
                        json.apiResponse(.error(.methodNotFound))
                        return reply(json.buffer)
                    }
                    executor.execute(command.typed[method]!) { outcome in
                        var json = JSONBuilder()
                        json.apiResponse(outcome, resultKey: method.name)
                        reply(json.buffer)
                    }
                }
            },
            finish: { replies in
                var json = JSONBuilder()
                json.beginObject()
                if let replies, !replies.isEmpty {
                    json.key("replies")
                    json.beginArray()
                    for reply in replies { json.rawValue(reply) }
                    json.endArray()
                }
                json.endObject()
                completion(.json(json.buffer))
            })
        sequence.start()
    }
}
