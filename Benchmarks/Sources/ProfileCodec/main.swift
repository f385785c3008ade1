#if canImport(Glibc)
import Glibc
#endif
import BenchmarkInputs
import NIOCore
import RotorProtocol

// A plain loop over one codec operation, for `valgrind --tool=callgrind` (instruction counts are
// repeatable, unlike wall time on a shared machine). The inputs are the ones CodecBenchmarks uses.
//
//   ProfileCodec <json|protobuf> <encode-push|encode-push-validated|decode-connect|decode-subscribe|decode-publish> [iterations]

let arguments = CommandLine.arguments
if arguments.count == 2 && arguments[1] == "sizes" {
    // Inline sizes of the value types the codecs copy around.
    print("Command \(MemoryLayout<Command>.size) B, Reply \(MemoryLayout<Reply>.size) B, Push \(MemoryLayout<Push>.size) B")
    print("Publication \(MemoryLayout<Publication>.size) B, ClientInfo \(MemoryLayout<ClientInfo>.size) B")
    print("ConnectRequest \(MemoryLayout<ConnectRequest>.size) B, SubscribeRequest \(MemoryLayout<SubscribeRequest>.size) B, PublishRequest \(MemoryLayout<PublishRequest>.size) B")
    exit(0)
}
guard arguments.count >= 3, let encoding = ProtocolEncoding(rawValue: arguments[1]) else {
    print("usage: ProfileCodec <json|protobuf> <encode-push|encode-push-validated|decode-connect|decode-subscribe|decode-publish> [iterations]")
    exit(2)
}
let codec = MessageCodec(encoding)
let iterations = arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000

@inline(never)
func encodeLoop(_ reply: Reply, _ n: Int, payloadsAreValidJSON: Bool) throws -> Int {
    let allocator = ByteBufferAllocator()
    var total = 0
    for _ in 0..<n {
        var buffer = allocator.buffer(capacity: 512)
        try codec.encode(reply, into: &buffer, payloadsAreValidJSON: payloadsAreValidJSON)
        total &+= buffer.readableBytes
    }
    return total
}

@inline(never)
func decodeLoop(_ buffer: ByteBuffer, _ n: Int) throws -> Int {
    var total = 0
    for _ in 0..<n {
        let command = try codec.decode(Command.self, from: buffer)
        total &+= Int(command.id)
    }
    return total
}

let result: Int
switch arguments[2] {
case "encode-push", "encode-push-validated":
    let reply = makePublicationPush()
    result = try encodeLoop(reply, iterations, payloadsAreValidJSON: arguments[2] == "encode-push-validated")
case "decode-connect": result = try decodeLoop(input(connectJSON, for: codec), iterations)
case "decode-subscribe": result = try decodeLoop(input(subscribeJSON, for: codec), iterations)
case "decode-publish": result = try decodeLoop(input(publishJSON, for: codec), iterations)
default:
    print("unknown operation \(arguments[2])")
    exit(2)
}
print("\(arguments[1]) \(arguments[2]) x\(iterations): checksum \(result)")
