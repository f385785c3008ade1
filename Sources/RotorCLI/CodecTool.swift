import NIOCore
import RotorProtocol

/// Reads client frames from standard input (`context.readLine`) and shows how Rotor decodes them: the request each command
/// dispatches to and its canonical re-encoding, or the disconnect the server would answer with.
struct CodecTool {
    let encoding: ProtocolEncoding
    let version: ProtocolVersion

    func run(readLine: () -> String?, output: inout CLIOutput) -> Int32 {
        var failures: Int32 = 0
        while let line = readLine() {
            guard let frame = parseFrame(line) else {
                output.line("! not a hex frame: \(line)")
                failures += 1
                continue
            }
            var decoder = FrameDecoder<Command>(frame: frame, encoding: encoding)
            do {
                while let command = try decoder.next() {
                    output.line(describe(command))
                }
            } catch {
                switch error.outcome {
                case .disconnect(let disconnect):
                    output.line("! \(error) → disconnect \(disconnect.code) \"\(disconnect.reason)\"")
                case .messageTooBig:
                    output.line("! \(error) → close 1009 (message too big)")
                }
                failures += 1
            }
        }
        return failures == 0 ? 0 : 1
    }

    private func parseFrame(_ line: String) -> ByteBuffer? {
        guard encoding == .protobuf else { return ByteBuffer(string: line) }
        var bytes: [UInt8] = []
        let digits = line.filter { !$0.isWhitespace }
        guard digits.count % 2 == 0 else { return nil }
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return ByteBuffer(bytes: bytes)
    }

    private func describe(_ command: Command) -> String {
        let codec = MessageCodec(encoding)
        let canonical: String
        do {
            let encoded = try codec.encode(command)
            canonical =
                encoding == .json
                ? String(buffer: encoded) : encoded.readableBytesView.map { hex($0) }.joined(separator: " ")
        } catch {
            canonical = "(not encodable: \(error))"
        }
        let meaning: String
        if version == .v1 {
            switch Result(catching: { () throws(ProtocolDecodingError) in try V1Mapping(encoding).request(of: command) }
            ) {
            case .success(.request(let request)): meaning = "v1 \(request.methodName)"
            case .success(.unknownMethod(let method)): meaning = "v1 method \(method) → error 104 method not found"
            case .failure(let error): meaning = "v1 params undecodable (\(error)) → disconnect 3501"
            }
        } else if command.isPong {
            meaning = "pong"
        } else if let request = command.request {
            meaning = request.methodName
        } else {
            meaning = "no request → disconnect 3501"
        }
        return "id=\(command.id) \(meaning)  \(canonical)"
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
