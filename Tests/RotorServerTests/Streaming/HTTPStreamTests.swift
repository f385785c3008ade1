import Foundation
import NIOCore
import RotorProtocol
import Testing

@Suite("http_stream and /emulation over a real server")
struct HTTPStreamTests {
    static let jsonHeaders = [
        "Access-Control-Allow-Credentials: true",
        "Access-Control-Allow-Origin: ",
        "Cache-Control: private, no-cache, no-store, must-revalidate, max-age=0",
        "Connection: keep-alive",
        "Expire: 0",
        "Pragma: no-cache",
        "X-Accel-Buffering: no",
        "Content-Type: text/plain; charset=utf-8",
    ]

    static func emulate(_ server: StreamingTestServer, node: String, session: String, data: String) async throws -> Int
    {
        let client = try await server.client()
        let escaped = data.replacingOccurrences(of: "\"", with: "\\\"")
        try await client.send(
            "POST", "/emulation", headers: [("Content-Type", "application/json")],
            text: "{\"session\":\"\(session)\",\"node\":\"\(node)\",\"data\":\"\(escaped)\"}")
        let response = try await client.response()
        #expect(response.body.isEmpty)
        await client.close()
        return response.head.status
    }

    @Test(
        "JSON: connect reply with session and node, subscribe via /emulation (204), publication push, 404 for another node, disconnect push and the end (emulation_http_stream)"
    )
    func jsonSession() async throws {
        try await StreamingTestServer.run { server in
            let stream = try await server.client()
            try await stream.send(
                "POST", "/connection/http_stream", headers: [("Content-Type", "application/json")],
                text: "{\"id\":1,\"connect\":{\"token\":\"\(StreamingTestServer.token)\"}}")
            let head = try await stream.head()
            #expect(head.status == 200)
            #expect(significantHeaders(head) == Self.jsonHeaders)
            let connect = try await stream.body { $0.hasSuffix("\n") }
            #expect(connect.hasPrefix("{\"id\":1,\"connect\":{\"client\":\""))
            #expect(connect.contains("\"version\":\"4.1.5\",\"ping\":25,\"pong\":true,\"session\":\""))
            let session = try #require(StreamingTestServer.stringMember("session", in: connect))
            let node = try #require(StreamingTestServer.stringMember("node", in: connect))
            let subscribe = "{\"id\":2,\"subscribe\":{\"channel\":\"news:emu\"}}"
            #expect(try await Self.emulate(server, node: node, session: session, data: subscribe) == 204)
            _ = try await stream.body { $0.hasSuffix("\n{\"id\":2,\"subscribe\":{}}\n") }
            try await server.api("publish", "{\"channel\":\"news:emu\",\"data\":{\"e\":1}}")
            _ = try await stream.body {
                $0.hasSuffix("\n{\"push\":{\"channel\":\"news:emu\",\"pub\":{\"data\":{\"e\":1}}}}\n")
            }
            let otherNode = "00000000-0000-4000-8000-000000000000"
            #expect(try await Self.emulate(server, node: otherNode, session: session, data: subscribe) == 404)
            #expect(try await Self.emulate(server, node: node, session: "unknown", data: subscribe) == 204)
            try await server.api("disconnect", "{\"user\":\"42\"}")
            let body = String(decoding: try await stream.bodyToEnd(), as: UTF8.self)
            #expect(
                body.hasSuffix("}}}}\n{\"push\":{\"disconnect\":{\"code\":3503,\"reason\":\"force disconnect\"}}}\n"))
            await stream.close()
        }
    }

    @Test(
        "Protobuf by Content-Type: varint-prefixed replies, a Protobuf EmulationRequest, a Protobuf push (emulation_http_stream_protobuf)"
    )
    func protobufSession() async throws {
        try await StreamingTestServer.run { server in
            let codec = FrameEncoder(encoding: .protobuf)
            let connectFrame = try codec.frame([
                Command(id: 1, connect: ConnectRequest(token: StreamingTestServer.token))
            ])
            let stream = try await server.client()
            try await stream.send(
                "POST", "/connection/http_stream", headers: [("Content-Type", "application/octet-stream")],
                body: Array(connectFrame.readableBytesView))
            let head = try await stream.head()
            #expect(head.value("Content-Type") == "application/octet-stream")
            let first = try await Self.replies(stream, count: 1)
            let connect = try #require(first[0].connect)
            #expect(first[0].id == 1)
            #expect(connect.ping == 25 && connect.pong)

            let subscribe = try codec.frame([Command(id: 2, subscribe: SubscribeRequest(channel: "news:pbemu"))])
            let request = EmulationRequest(node: connect.node, session: connect.session, data: subscribe)
            let body = try MessageCodec.protobuf.encode(request)
            let emulation = try await server.client()
            try await emulation.send(
                "POST", "/emulation", headers: [("Content-Type", "application/octet-stream")],
                body: Array(body.readableBytesView))
            #expect(try await emulation.response().head.status == 204)
            await emulation.close()
            let second = try await Self.replies(stream, count: 2)
            #expect(second[1].id == 2 && second[1].subscribe != nil)

            try await server.api("publish", "{\"channel\":\"news:pbemu\",\"data\":{\"p\":1}}")
            let third = try await Self.replies(stream, count: 3)
            let push = try #require(third[2].push)
            #expect(push.channel == "news:pbemu")
            #expect(push.pub.map { String(buffer: $0.data) } == "{\"p\":1}")
            await stream.close()
        }
    }

    @Test("the recorded Protobuf connect body of a real client is accepted (emulation_http_stream_protobuf)")
    func recordedProtobufConnect() async throws {
        try await StreamingTestServer.run { server in
            let recorded =
                "ZwgBImMKYWV5SmhiR2NpT2lKSVV6STFOaUlzSW5SNWNDSTZJa3BYVkNKOS5leUp6ZFdJaU9pSTBNaUo5LndxSFFyQ19sYzRVUi1GbjA4NXVwYnQ5dHZ0M2E4ZGp3QUtndldoTDFWZlk="
            let body = try #require(Data(base64Encoded: recorded).map { Array($0) })
            let stream = try await server.client()
            try await stream.send(
                "POST", "/connection/http_stream", headers: [("Content-Type", "application/octet-stream")], body: body)
            let replies = try await Self.replies(stream, count: 1)
            #expect(replies.first?.id == 1)
            #expect(replies.first?.connect?.client.isEmpty == false)
            await stream.close()
        }
    }

    @Test("an empty http_stream body is a frame without commands: a 3501 disconnect push, then the end")
    func emptyBody() async throws {
        try await StreamingTestServer.run { server in
            let stream = try await server.client()
            try await stream.send("POST", "/connection/http_stream", body: [])
            let body = String(decoding: try await stream.bodyToEnd(), as: UTF8.self)
            #expect(body == "{\"push\":{\"disconnect\":{\"code\":3501,\"reason\":\"bad request\"}}}\n")
            await stream.close()
        }
    }

    @Test("a JSON connect sent as application/octet-stream gets a Protobuf 3501 disconnect push, then the end")
    func jsonAsProtobuf() async throws {
        try await StreamingTestServer.run { server in
            let stream = try await server.client()
            try await stream.send(
                "POST", "/connection/http_stream", headers: [("Content-Type", "application/octet-stream")],
                text: "{\"id\":1,\"connect\":{}}")
            let body = try await stream.bodyToEnd()
            var push = Push()
            push.disconnect = DisconnectPush(code: 3501, reason: "bad request", reconnect: false)
            let expected = try FrameEncoder(encoding: .protobuf).frame([Reply(push: push)])
            #expect(body == Array(expected.readableBytesView))
            await stream.close()
        }
    }

    @Test("OPTIONS is 200, GET is 405, a body over http_stream_max_request_body_size is 413")
    func statuses() async throws {
        try await StreamingTestServer.run(extra: "\"http_stream_max_request_body_size\": 32") { server in
            for (method, status) in [("OPTIONS", 200), ("GET", 405)] {
                let client = try await server.client()
                try await client.send(method, "/connection/http_stream")
                #expect(try await client.response().head.status == status, "\(method)")
                await client.close()
            }
            let client = try await server.client()
            try await client.send(
                "POST", "/connection/http_stream",
                text: "{\"id\":1,\"connect\":{\"token\":\"\(StreamingTestServer.token)\"}}")
            #expect(try await client.response().head.status == 413)
            await client.close()
        }
    }

    @Test("/emulation: OPTIONS 200, an unparsable body 400, a body over emulation_max_request_body_size 413")
    func emulationStatuses() async throws {
        try await StreamingTestServer.run(extra: "\"emulation_max_request_body_size\": 64") { server in
            let cases: [(String, [(String, String)], String, Int)] = [
                ("OPTIONS", [], "", 200),
                ("POST", [("Content-Type", "application/json")], "{\"node\":", 400),
                ("POST", [("Content-Type", "application/json")], "[1]", 400),
                ("POST", [("Content-Type", "application/json")], "{\"node\":\"n\"} x", 400),
                ("POST", [("Content-Type", "application/json")], "{\"node\":1}", 400),
                ("POST", [("Content-Type", "application/json")], "", 400),
                ("POST", [("Content-Type", "application/json")], "null", 404),
                ("POST", [("Content-Type", "application/json")], "{\"NODE\":\"n\",\"data\":[1]}", 404),
                ("POST", [("Content-Type", "application/octet-stream")], "\u{0A}\u{7F}", 400),
                ("POST", [], String(repeating: " ", count: 65), 413),
            ]
            for (method, headers, body, status) in cases {
                let client = try await server.client()
                try await client.send(method, "/emulation", headers: headers, text: body)
                #expect(try await client.response().head.status == status, "\(method) \(body)")
                await client.close()
            }
        }
    }

    /// Reads varint-prefixed replies from `stream` until `count` have arrived.
    static func replies(_ stream: HTTPTestClient, count: Int) async throws -> [Reply] {
        let codec = MessageCodec.protobuf
        let raw = try await stream.bodyBytes { bytes in
            var decoder = FrameDecoder<Reply>(frame: ByteBuffer(bytes: bytes), encoding: .protobuf)
            var decoded = 0
            while (try? decoder.next()).flatMap({ $0 }) != nil { decoded += 1 }
            return decoded >= count
        }
        var decoder = FrameDecoder<Reply>(frame: ByteBuffer(bytes: raw), encoding: codec.encoding)
        var replies: [Reply] = []
        while let reply = try decoder.next() { replies.append(reply) }
        return replies
    }
}
