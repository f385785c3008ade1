import NIOCore
import RotorProtocol

// Round-trip properties of the RotorProtocol codecs, one function per fuzz harness.
//
// Every function takes arbitrary bytes. Input the decoder rejects is fine (the property holds
// vacuously); input it accepts must survive encode → decode unchanged, and the encoding of the
// decoded copy must be byte-identical to the first encoding (the canonical form is a fixed point).
// "Unchanged" has one documented exception: the JSON writer drops the LF bytes of raw JSON payloads
// (`params`, `data`, … keep the bytes as received, LF is only whitespace there, and an LF would split
// the frame), so in JSON a decoded value may differ from its round-tripped copy in those bytes only.
// A violation traps with `fatalError`, which is what libFuzzer reports as a crash; `swift test` runs
// the same functions over the seeds and the saved regressions (Fuzz/README.md).

/// One harness: its name (the executable and the `Fuzz/regressions/<name>` folder) and its property.
public struct FuzzHarness: Sendable {
    /// The harness name, e.g. `jsonCommand`.
    public let name: String
    /// Checks the property on one input; traps on a violation.
    public let check: @Sendable (UnsafeRawBufferPointer) -> Void

    /// Runs the property on `bytes`.
    public func callAsFunction(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { check($0) }
    }

    /// Every harness, in a fixed order.
    public static let all: [FuzzHarness] = [
        FuzzHarness(name: "jsonCommand", check: jsonCommand),
        FuzzHarness(name: "protobufCommand", check: protobufCommand),
        FuzzHarness(name: "v1Command", check: v1Command),
        FuzzHarness(name: "jsonFrame", check: jsonFrame),
        FuzzHarness(name: "protobufFrame", check: protobufFrame),
        FuzzHarness(name: "jsonReply", check: jsonReply),
        FuzzHarness(name: "jsonPush", check: jsonPush),
    ]

    /// The harness called `name`, if any.
    public static func named(_ name: String) -> FuzzHarness? {
        all.first { $0.name == name }
    }
}

// MARK: - Harnesses

/// A v2 JSON `Command`: decode → encode → decode is the identity, and re-encoding is stable.
public func jsonCommand(_ input: UnsafeRawBufferPointer) {
    checkMessageRoundTrip(Command.self, .json, input, harness: "jsonCommand")
}

/// A Protobuf `Command` (no length prefix): as `jsonCommand`.
public func protobufCommand(_ input: UnsafeRawBufferPointer) {
    checkMessageRoundTrip(Command.self, .protobuf, input, harness: "protobufCommand")
}

/// A JSON `Reply` (what a client reads on a bidirectional transport): as `jsonCommand`.
public func jsonReply(_ input: UnsafeRawBufferPointer) {
    checkMessageRoundTrip(Reply.self, .json, input, harness: "jsonReply")
}

/// A bare JSON `Push` (unidirectional transports): as `jsonCommand`.
public func jsonPush(_ input: UnsafeRawBufferPointer) {
    checkMessageRoundTrip(Push.self, .json, input, harness: "jsonPush")
}

/// A v1 command, in both encodings: the same bytes are tried as a JSON and as a Protobuf `Command`.
///
/// If the command decodes and `V1Mapping.request(of:)` yields a request `r`, then the v1 envelope
/// rebuilt by `V1Mapping.command(id:_:)` must encode, decode, and map back to exactly `r` (and the
/// rebuilt command itself must survive the codec unchanged).
public func v1Command(_ input: UnsafeRawBufferPointer) {
    checkV1RoundTrip(.json, input)
    checkV1RoundTrip(.protobuf, input)
}

/// A JSON frame of commands (LF-separated): the messages decoded before the first error, framed
/// again with `FrameEncoder(.json, .joined)`, decode to exactly the same messages and no error.
public func jsonFrame(_ input: UnsafeRawBufferPointer) {
    checkFrameRoundTrip(.json, input, harness: "jsonFrame")
}

/// A Protobuf frame of commands (varint-length-prefixed): as `jsonFrame`.
public func protobufFrame(_ input: UnsafeRawBufferPointer) {
    checkFrameRoundTrip(.protobuf, input, harness: "protobufFrame")
}

// MARK: - Properties

/// Checks decode → encode → decode on a single message.
func checkMessageRoundTrip<M: ProtocolMessage>(
    _ type: M.Type, _ encoding: ProtocolEncoding, _ input: UnsafeRawBufferPointer, harness: String
) {
    let codec = MessageCodec(encoding)
    guard let first = try? codec.decode(M.self, from: ByteBuffer(bytes: input)) else { return }
    checkStable(first, codec, harness: harness, input: input)
}

/// The shared core: `message` (decoded from `input`) encodes, decodes back equal, and encodes again to
/// the same bytes. Returns the canonical encoding.
@discardableResult
func checkStable<M: ProtocolMessage>(
    _ message: M, _ codec: MessageCodec, harness: String, input: UnsafeRawBufferPointer
) -> ByteBuffer {
    let what = "\(harness): \(M.self) (\(codec.encoding))"
    let encoded: ByteBuffer
    do {
        encoded = try codec.encode(message)
    } catch {
        violation("\(what) decoded but does not encode: \(error)", input: input)
    }
    let second: M
    do {
        second = try codec.decode(M.self, from: encoded)
    } catch {
        violation(
            "\(what) re-encoding does not decode: \(error)\n  encoded \(show(encoded, codec.encoding))", input: input)
    }
    guard second == message || (codec.encoding == .json && equalIgnoringPayloadLineFeeds(second, message)) else {
        violation(
            "\(what) changed after encode → decode\n  encoded \(show(encoded, codec.encoding))\n"
                + "  first  \(message)\n  second \(second)",
            input: input)
    }
    let reencoded: ByteBuffer
    do {
        reencoded = try codec.encode(second)
    } catch {
        violation("\(what) re-decoded value does not encode: \(error)", input: input)
    }
    guard reencoded == encoded else {
        violation(
            "\(what) encoding is not stable\n  first  \(show(encoded, codec.encoding))\n"
                + "  second \(show(reencoded, codec.encoding))",
            input: input)
    }
    return encoded
}

func checkV1RoundTrip(_ encoding: ProtocolEncoding, _ input: UnsafeRawBufferPointer) {
    let harness = "v1Command"
    let codec = MessageCodec(encoding)
    let mapping = V1Mapping(encoding)
    guard let command = try? codec.decode(Command.self, from: ByteBuffer(bytes: input)) else { return }
    guard case .request(let request)? = try? mapping.request(of: command) else { return }
    let rebuilt: Command
    do {
        rebuilt = try mapping.command(id: command.id, request)
    } catch {
        violation("\(harness) (\(encoding)): request \(request) does not rebuild a v1 command: \(error)", input: input)
    }
    // The rebuilt envelope is itself a message of this encoding: it must be canonical and stable.
    let encoded = checkStable(rebuilt, codec, harness: harness, input: input)
    let decoded: Command
    do {
        decoded = try codec.decode(Command.self, from: encoded)
    } catch {
        violation("\(harness) (\(encoding)): rebuilt command does not decode: \(error)", input: input)
    }
    let mapped: V1Request
    do {
        mapped = try mapping.request(of: decoded)
    } catch {
        violation(
            "\(harness) (\(encoding)): params of the rebuilt command do not decode: \(error)\n"
                + "  encoded \(show(encoded, encoding))",
            input: input)
    }
    guard
        mapped == .request(request)
            || (encoding == .json && equalIgnoringPayloadLineFeeds(mapped, V1Request.request(request)))
    else {
        violation(
            "\(harness) (\(encoding)): request changed through the v1 envelope\n"
                + "  encoded \(show(encoded, encoding))\n  first  \(request)\n  second \(mapped)",
            input: input)
    }
}

func checkFrameRoundTrip(_ encoding: ProtocolEncoding, _ input: UnsafeRawBufferPointer, harness: String) {
    var decoder = FrameDecoder<Command>(frame: ByteBuffer(bytes: input), encoding: encoding)
    var messages: [Command] = []
    while true {
        do {
            guard let message = try decoder.next() else { break }
            messages.append(message)
        } catch {
            break
        }
    }
    guard !messages.isEmpty else { return }
    let frame: ByteBuffer
    do {
        frame = try FrameEncoder(encoding: encoding, layout: .joined).frame(messages)
    } catch {
        violation("\(harness): \(messages.count) decoded commands do not encode as a frame: \(error)", input: input)
    }
    // The re-encoded frame may be longer than the input (escaping), so no size limit here.
    var again = FrameDecoder<Command>(frame: frame, encoding: encoding, limits: FrameLimits(maxFrameSize: .max))
    var decoded: [Command] = []
    do {
        while let message = try again.next() { decoded.append(message) }
    } catch {
        violation(
            "\(harness): re-encoded frame fails after \(decoded.count) of \(messages.count) commands: \(error)\n"
                + "  frame \(show(frame, encoding))",
            input: input)
    }
    guard decoded == messages else {
        let index =
            zip(decoded, messages).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(decoded.count, messages.count)
        violation(
            "\(harness): re-encoded frame yields \(decoded.count) commands, expected \(messages.count); "
                + "first difference at index \(index)\n  frame \(show(frame, encoding))",
            input: input)
    }
}

// MARK: - Equivalence

/// Whether two decoded values are equal once the LF bytes of every `ByteBuffer` field (the raw JSON
/// payloads) are removed: the JSON writer drops them by design. Only used when `==` already failed.
public func equalIgnoringPayloadLineFeeds(_ a: Any, _ b: Any) -> Bool {
    if let x = a as? ByteBuffer, let y = b as? ByteBuffer {
        return x.readableBytesView.filter { $0 != 0x0A } == y.readableBytesView.filter { $0 != 0x0A }
    }
    let left = Mirror(reflecting: a)
    let right = Mirror(reflecting: b)
    if left.children.isEmpty && right.children.isEmpty {
        guard let x = a as? AnyHashable, let y = b as? AnyHashable else { return false }
        return x == y
    }
    guard left.displayStyle == right.displayStyle, left.children.count == right.children.count else { return false }
    for (x, y) in zip(left.children, right.children) {
        guard x.label == y.label, equalIgnoringPayloadLineFeeds(x.value, y.value) else { return false }
    }
    return true
}

// MARK: - Reporting

/// Traps with a description of the violated property and the input in hex.
func violation(_ message: String, input: UnsafeRawBufferPointer) -> Never {
    fatalError("round-trip property violated: \(message)\n  input (hex) \(hex(input))")
}

func show(_ buffer: ByteBuffer, _ encoding: ProtocolEncoding) -> String {
    switch encoding {
    case .json: String(decoding: buffer.readableBytesView, as: UTF8.self).debugDescription
    case .protobuf: buffer.withUnsafeReadableBytes { hex($0) }
    }
}

func hex(_ bytes: UnsafeRawBufferPointer) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
