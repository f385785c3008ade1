import NIOCore
import RotorProtocol

// The inputs shared by the benchmarks and the callgrind profiler, so both measure the same operations.

/// A realistic HS256 connection token (143 characters): {"sub":"42","exp":1767225600,"iat":1767139200}.
public let connectToken =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    + ".eyJzdWIiOiI0MiIsImV4cCI6MTc2NzIyNTYwMCwiaWF0IjoxNzY3MTM5MjAwfQ"
    + ".KTEyu5OsXrFO5ApEXO1ap361W2EFh6NprYwv91zG4mw"

/// A 100-byte JSON object used as publication data.
public let payload100 =
    #"{"text":"hello","user":"42","room":"chat:index","ts":1767139200123,"kind":"message","tags":["abcd"]}"#

public let connectJSON = #"{"id":1,"connect":{"token":""# + connectToken + #"","name":"js"}}"#
public let subscribeJSON = #"{"id":2,"subscribe":{"channel":"chat:index"}}"#
public let publishJSON = #"{"id":3,"publish":{"channel":"chat:index","data":"# + payload100 + "}}"

/// The publication push every subscriber of `chat:index` receives.
public func makePublicationPush() -> Reply {
    Reply(
        push: Push(
            channel: "chat:index",
            .publication(
                Publication(
                    data: ByteBuffer(string: payload100),
                    info: ClientInfo(user: "42", client: "3f2b8c1e-9a4d-4e7b-b6a1-2c5d8e9f0a1b"),
                    offset: 17
                )
            )
        )
    )
}

/// The same command as `json`, in the encoding of `codec` (Protobuf inputs are the JSON commands re-encoded).
public func input(_ json: String, for codec: MessageCodec) -> ByteBuffer {
    let jsonBuffer = ByteBuffer(string: json)
    if codec.encoding == .json { return jsonBuffer }
    do {
        let command = try MessageCodec.json.decode(Command.self, from: jsonBuffer)
        return try codec.encode(command)
    } catch {
        fatalError("cannot prepare input \(json): \(error)")
    }
}
