import Testing

@testable import RotorServer

/// A JSON array of command strings, as SockJS clients send them.
private func batch(_ commands: String...) -> String {
    String(SockJSFrame.messages(commands).dropFirst())
}

private let connect42 = #"{"id":1,"connect":{"token":"\#(SockJSTestServer.token42)"}}"#

@Suite("SockJS endpoint (live server)", .serialized)
struct SockJSEndpointTests {
    @Test("GET /info answers the recorded JSON shape with a random entropy")
    func info() async throws {
        try await SockJSTestServer.run { server in
            let response = try await server.exchange("GET", "/connection/sockjs/info")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json; charset=UTF-8")
            #expect(response.header("Access-Control-Allow-Origin") == "*")
            #expect(response.header("Cache-Control") == "no-store, no-cache, must-revalidate, max-age=0")
            let prefix = #"{"websocket":true,"cookie_needed":false,"origins":["*:*"],"entropy":"#
            #expect(response.text.hasPrefix(prefix))
            #expect(response.text.hasSuffix("}\n"))
            #expect(Int32(response.text.dropFirst(prefix.count).dropLast(2)) != nil)

            let preflight = try await server.exchange("OPTIONS", "/connection/sockjs/info")
            #expect(preflight.status == 204)
            #expect(preflight.header("Access-Control-Allow-Methods") == "OPTIONS, GET")
            #expect(preflight.header("Access-Control-Max-Age") == "31536000")

            let wrongMethod = try await server.exchange("POST", "/connection/sockjs/info")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("Allow") == "OPTIONS, GET")
        }
    }

    @Test("the iframe page loads sockjs_url and revalidates by ETag")
    func iframe() async throws {
        try await SockJSTestServer.run(extra: #""sockjs_url": "https://example.test/sockjs.js""#) { server in
            let page = try await server.exchange("GET", "/connection/sockjs/iframe-1.6.1.html")
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=UTF-8")
            #expect(page.header("Cache-Control") == "public, max-age=31536000")
            #expect(page.text.contains(#"<script src="https://example.test/sockjs.js"></script>"#))
            #expect(page.text.contains("SockJS.bootstrap_iframe()"))
            let tag = try #require(page.header("ETag"))
            let again = try await server.exchange(
                "GET", "/connection/sockjs/iframe.html", headers: [("If-None-Match", tag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
        }
    }

    @Test("unknown protocol versions are refused with 400 before SockJS runs")
    func badVersion() async throws {
        try await SockJSTestServer.run { server in
            let response = try await server.exchange("GET", "/connection/sockjs/info?cf_protocol_version=v3")
            #expect(response.status == 400)
            #expect(response.text == "Bad Request\n")
        }
    }

    @Test("xhr_streaming: prelude, open, replies, an API publish, and an API disconnect's close frame")
    func xhrStreaming() async throws {
        try await SockJSTestServer.run { server in
            let stream = try await server.connect()
            try await stream.send(SockJSRawHTTP.request("POST", "/connection/sockjs/000/rotorxhr/xhr_streaming"))
            let prelude = String(repeating: "h", count: 2048) + "\no\n"
            let head = try await stream.wait { bytes, _ in
                SockJSRawHTTP.parse(bytes).flatMap { $0.text == prelude ? $0 : nil }
            }
            #expect(head.status == 200)
            #expect(head.header("Content-Type") == "application/javascript; charset=UTF-8")
            #expect(head.header("Access-Control-Allow-Origin") == "*")

            func send(_ body: String) async throws {
                let answer = try await server.exchange(
                    "POST", "/connection/sockjs/000/rotorxhr/xhr_send", headers: [("Content-Type", "text/plain")],
                    body: body)
                #expect(answer.status == 204)
                #expect(answer.header("Content-Type") == "text/plain; charset=UTF-8")
            }
            func streamed(_ count: Int) async throws -> [Substring] {
                try await stream.wait { bytes, _ in
                    let lines = SockJSRawHTTP.parse(bytes).map { $0.text.dropFirst(prelude.count) }?
                        .split(separator: "\n")
                    return (lines?.count ?? 0) >= count ? lines : nil
                }
            }

            try await send(batch(connect42))
            let connected = try await streamed(1)
            #expect(connected[0].hasPrefix(#"a["{\"id\":1,\"connect\":{\"client\":\""#))
            try await send(batch(#"{"id":2,"subscribe":{"channel":"news:xhr"}}"#))
            #expect(try await streamed(2)[1] == #"a["{\"id\":2,\"subscribe\":{}}"]"#)

            let published = try await server.api(
                #"{"method":"publish","params":{"channel":"news:xhr","data":{"x":1}}}"#)
            #expect(published.text == #"{"result":{}}"#)
            #expect(
                try await streamed(3)[2] == #"a["{\"push\":{\"channel\":\"news:xhr\",\"pub\":{\"data\":{\"x\":1}}}}"]"#)

            try await server.api(#"{"method":"disconnect","params":{"user":"42"}}"#)
            let ended = try await stream.wait { bytes, _ in
                SockJSRawHTTP.parse(bytes).flatMap { $0.complete ? $0 : nil }
            }
            #expect(ended.text.hasSuffix("\n" + #"c[3503,"force disconnect"]"# + "\n"))

            let late = try await server.exchange(
                "POST", "/connection/sockjs/000/rotorxhr/xhr_streaming")
            #expect(late.text == String(repeating: "h", count: 2048) + "\n" + #"c[3503,"force disconnect"]"# + "\n")
            await stream.close()
        }
    }

    @Test("xhr_send: unknown session 404, no payload and broken JSON 400")
    func xhrSendErrors() async throws {
        try await SockJSTestServer.run { server in
            let unknown = try await server.exchange(
                "POST", "/connection/sockjs/000/nosuchsession/xhr_send", body: batch(connect42))
            #expect(unknown.status == 404)
            #expect(unknown.text == "404 page not found\n")

            let empty = try await server.exchange("POST", "/connection/sockjs/000/nosuchsession/xhr_send", body: "")
            #expect(empty.status == 400)
            #expect(empty.text == "Payload expected.")

            let broken = try await server.exchange(
                "POST", "/connection/sockjs/000/nosuchsession/xhr_send", body: "[\"x")
            #expect(broken.status == 400)
            #expect(broken.text == "Broken JSON encoding.")
        }
    }

    @Test("xhr polling: open, then messages buffered between polls arrive with the next poll")
    func xhrPolling() async throws {
        try await SockJSTestServer.run { server in
            let open = try await server.exchange("POST", "/connection/sockjs/000/rotorpoll/xhr")
            #expect(open.status == 200)
            #expect(open.text == "o\n")

            let sent = try await server.exchange(
                "POST", "/connection/sockjs/000/rotorpoll/xhr_send", body: batch(connect42))
            #expect(sent.status == 204)
            let subscribed = try await server.exchange(
                "POST", "/connection/sockjs/000/rotorpoll/xhr_send",
                body: batch(#"{"id":2,"subscribe":{"channel":"news:poll"}}"#))
            #expect(subscribed.status == 204)

            var texts: [String] = []
            for _ in 0..<3 where !texts.joined().contains(#"\"id\":2"#) {
                texts.append(try await server.exchange("POST", "/connection/sockjs/000/rotorpoll/xhr").text)
            }
            let all = texts.joined()
            #expect(all.hasPrefix(#"a["{\"id\":1,\"connect\":{\"client\":\""#))
            #expect(all.contains(#""{\"id\":2,\"subscribe\":{}}"]"# + "\n"))
        }
    }

    @Test("websocket: open frame, commands as JSON arrays, LF-joined replies, close frame then TCP close")
    func webSocket() async throws {
        try await SockJSTestServer.run { server in
            let socket = try await server.connect()
            try await socket.send(SockJSRawWebSocket.upgradeRequest("/connection/sockjs/000/rotorsess/websocket"))
            func frames(_ count: Int) async throws -> [SockJSRawWebSocket.Frame] {
                try await socket.wait { bytes, _ in
                    SockJSRawWebSocket.framesAfterHandshake(bytes).flatMap {
                        $0.frames.count >= count ? $0.frames : nil
                    }
                }
            }
            #expect(try await frames(1) == [SockJSRawWebSocket.Frame(opcode: 1, payload: Array("o".utf8))])

            try await socket.send(SockJSRawWebSocket.text(batch(connect42)))
            #expect(try await frames(2)[1].text.hasPrefix(#"a["{\"id\":1,\"connect\":{\"client\":\""#))
            try await socket.send(SockJSRawWebSocket.text(batch(#"{"id":2,"subscribe":{"channel":"news:sockjs"}}"#)))
            #expect(try await frames(3)[2].text == #"a["{\"id\":2,\"subscribe\":{}}"]"#)
            try await socket.send(
                SockJSRawWebSocket.text(batch(#"{"id":3,"publish":{"channel":"news:sockjs","data":{"text":"hi"}}}"#)))
            // The own publication and the publish reply: LF-joined in one string when the node hands them over in
            // one batch (as recorded), else in consecutive frames.
            let published = try await socket.wait { bytes, _ in
                SockJSRawWebSocket.framesAfterHandshake(bytes).flatMap { handshake in
                    let texts = handshake.frames.dropFirst(3).map(\.text)
                    return texts.contains { $0.contains(#"{\"id\":3,\"publish\":{}}"#) } ? texts : nil
                }
            }
            #expect(
                published[0].hasPrefix(
                    #"a["{\"push\":{\"channel\":\"news:sockjs\",\"pub\":{\"data\":{\"text\":\"hi\"}"#))
            #expect(published.last?.hasSuffix(#"{\"id\":3,\"publish\":{}}"]"#) == true)

            try await server.api(#"{"method":"disconnect","params":{"user":"42"}}"#)
            let last = try await socket.wait { bytes, closed in
                closed ? SockJSRawWebSocket.framesAfterHandshake(bytes)?.frames : nil
            }
            #expect(
                last.last == SockJSRawWebSocket.Frame(opcode: 1, payload: Array(#"c[3503,"force disconnect"]"#.utf8)))
        }
    }

    @Test("websocket: a client Close frame is echoed; a refused origin gets 403")
    func webSocketCloseAndOrigin() async throws {
        try await SockJSTestServer.run(extra: #""allowed_origins": ["http://allowed.test"]"#) { server in
            let socket = try await server.connect()
            try await socket.send(
                SockJSRawWebSocket.upgradeRequest(
                    "/connection/sockjs/000/rotorclose/websocket", headers: [("Origin", "http://allowed.test")]))
            _ = try await socket.wait { bytes, _ in SockJSRawWebSocket.framesAfterHandshake(bytes)?.frames.first }
            try await socket.send(SockJSRawWebSocket.clientFrame(opcode: 8, [0x03, 0xE8]))
            let frames = try await socket.wait { bytes, closed in
                closed ? SockJSRawWebSocket.framesAfterHandshake(bytes)?.frames : nil
            }
            #expect(frames.last == SockJSRawWebSocket.Frame(opcode: 8, payload: [0x03, 0xE8]))

            let refused = try await server.connect()
            try await refused.send(
                SockJSRawWebSocket.upgradeRequest(
                    "/connection/sockjs/000/rotorevil/websocket", headers: [("Origin", "http://evil.test")]))
            let answer = try await refused.wait { bytes, _ in
                SockJSRawHTTP.parse(bytes).flatMap { $0.complete ? $0 : nil }
            }
            #expect(answer.status == 403)
            await refused.close()
        }
    }

    @Test("protocol v1 sessions get SockJS heartbeats every sockjs_heartbeat_delay")
    func v1Heartbeat() async throws {
        try await SockJSTestServer.run(extra: #""sockjs_heartbeat_delay": "100ms""#) { server in
            let stream = try await server.connect()
            try await stream.send(
                SockJSRawHTTP.request("POST", "/connection/sockjs/000/rotorbeat/xhr_streaming?cf_protocol_version=v1"))
            let prelude = String(repeating: "h", count: 2048) + "\no\n"
            let body = try await stream.wait { bytes, _ in
                SockJSRawHTTP.parse(bytes).flatMap { $0.text.hasPrefix(prelude + "h\nh\n") ? $0.text : nil }
            }
            #expect(body.dropFirst(prelude.count).hasPrefix("h\n"))
            await stream.close()
        }
    }

    @Test("protocol v1 over the websocket transport: the close frame's reason is the v1 JSON")
    func v1WebSocketClose() async throws {
        try await SockJSTestServer.run { server in
            let socket = try await server.connect()
            try await socket.send(
                SockJSRawWebSocket.upgradeRequest("/connection/sockjs/000/rotorv1/websocket?cf_protocol_version=v1"))
            func frames(_ count: Int) async throws -> [SockJSRawWebSocket.Frame] {
                try await socket.wait { bytes, _ in
                    SockJSRawWebSocket.framesAfterHandshake(bytes).flatMap {
                        $0.frames.count >= count ? $0.frames : nil
                    }
                }
            }
            _ = try await frames(1)
            try await socket.send(
                SockJSRawWebSocket.text(batch(#"{"id":1,"params":{"token":"\#(SockJSTestServer.token42)"}}"#)))
            #expect(try await frames(2)[1].text.hasPrefix(#"a["{\"id\":1,\"result\":{\"client\":\""#))
            try await server.api(#"{"method":"disconnect","params":{"user":"42"}}"#)
            let last = try await socket.wait { bytes, closed in
                closed ? SockJSRawWebSocket.framesAfterHandshake(bytes)?.frames.last : nil
            }
            #expect(last.text.hasPrefix(#"c[3503,"{\"reason\":\"force disconnect\",\"reconnect\":"#))
        }
    }
}
