import Testing

@testable import RotorServer

@Suite("SockJS endpoint: other receiving transports (live server)", .serialized)
struct SockJSStreamingTransportTests {
    /// Opens a streaming request and returns the connection once `expected` is the whole body so far.
    private func open(
        _ server: SockJSTestServer, _ method: String, _ target: String, expecting expected: String
    ) async throws -> (SockJSRawConnection, SockJSRawHTTP.Response) {
        let connection = try await server.connect()
        try await connection.send(SockJSRawHTTP.request(method, target))
        let response = try await connection.wait { bytes, _ in
            SockJSRawHTTP.parse(bytes).flatMap { $0.text == expected ? $0 : nil }
        }
        return (connection, response)
    }

    @Test("eventsource: CRLF prelude, then each frame as a data event")
    func eventSource() async throws {
        try await SockJSTestServer.run { server in
            let (connection, response) = try await open(
                server, "GET", "/connection/sockjs/000/rotores/eventsource", expecting: "\r\ndata: o\r\n\r\n")
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/event-stream; charset=UTF-8")
            await connection.close()
        }
    }

    @Test("htmlfile: the callback page, then each frame as a script; a bad callback is refused")
    func htmlFile() async throws {
        try await SockJSTestServer.run { server in
            let page = SockJSPages.htmlFilePrelude(callback: "cb")
            let (connection, response) = try await open(
                server, "GET", "/connection/sockjs/000/rotorhtml/htmlfile?c=cb",
                expecting: page + "<script>\np(\"o\");\n</script>\r\n")
            #expect(response.header("Content-Type") == "text/html; charset=UTF-8")
            #expect(response.text.contains("var c = parent.cb;"))
            await connection.close()

            let missing = try await server.exchange("GET", "/connection/sockjs/000/rotorhtml2/htmlfile")
            #expect(missing.status == 400)
            #expect(missing.text == "\"callback\" parameter required\n")
            let invalid = try await server.exchange("GET", "/connection/sockjs/000/rotorhtml2/htmlfile?c=a%28%29")
            #expect(invalid.status == 400)
            #expect(invalid.text == "invalid character in \"callback\" parameter\n")
        }
    }

    @Test("jsonp: one frame per poll wrapped in the callback; jsonp_send takes the form field d")
    func jsonp() async throws {
        try await SockJSTestServer.run { server in
            let opened = try await server.exchange("GET", "/connection/sockjs/000/rotorjsonp/jsonp?c=cb")
            #expect(opened.status == 200)
            #expect(opened.text == "cb(\"o\");\r\n")

            let connect = #"{"id":1,"connect":{"token":"\#(SockJSTestServer.token42)"}}"#
            let messages = String(SockJSFrame.messages([connect]).dropFirst())
            let form =
                "d="
                + messages.utf8.map { byte in
                    let hex = "0123456789ABCDEF".utf8.map { $0 }
                    return "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
                }.joined()
            let sent = try await server.exchange(
                "POST", "/connection/sockjs/000/rotorjsonp/jsonp_send",
                headers: [("Content-Type", "application/x-www-form-urlencoded")], body: form)
            #expect(sent.status == 200)
            #expect(sent.text == "ok")

            let reply = try await server.exchange("GET", "/connection/sockjs/000/rotorjsonp/jsonp?c=cb")
            #expect(reply.text.hasPrefix(#"cb("a[\"{\\\"id\\\":1,\\\"connect\\\":{\\\"client\\\":"#))
            #expect(reply.text.hasSuffix("\");\r\n"))

            let missing = try await server.exchange("GET", "/connection/sockjs/000/rotorjsonp/jsonp")
            #expect(missing.status == 500)
            let broken = try await server.exchange("POST", "/connection/sockjs/000/rotorjsonp/jsonp_send", body: "[1]")
            #expect(broken.status == 400)
            #expect(broken.text == "Broken JSON encoding.\n")
        }
    }

    @Test("a second receiver while one is attached gets c[2010,...]; the first one keeps the session")
    func secondReceiver() async throws {
        try await SockJSTestServer.run { server in
            let prelude = String(repeating: "h", count: 2048) + "\n"
            let (first, _) = try await open(
                server, "POST", "/connection/sockjs/000/rotortwo/xhr_streaming", expecting: prelude + "o\n")
            let second = try await server.exchange("POST", "/connection/sockjs/000/rotortwo/xhr_streaming")
            #expect(second.text == prelude + #"c[2010,"Another connection still open"]"# + "\n")
            let sent = try await server.exchange(
                "POST", "/connection/sockjs/000/rotortwo/xhr_send",
                body: String(
                    SockJSFrame.messages([#"{"id":1,"connect":{"token":"\#(SockJSTestServer.token42)"}}"#]).dropFirst())
            )
            #expect(sent.status == 204)
            _ = try await first.wait { bytes, _ in
                SockJSRawHTTP.parse(bytes).flatMap { $0.text.contains(#"\"connect\":{\"client\""#) ? $0 : nil }
            }
            await first.close()
        }
    }

    @Test("the bare prefix redirects to the subtree; the server lists SockJS among its endpoints")
    func prefixRedirect() async throws {
        try await SockJSTestServer.run { server in
            #expect(server.server.listeners[0].names.contains("SockJS"))
            let response = try await server.exchange("GET", "/connection/sockjs?x=1")
            #expect(response.status == 301)
            #expect(response.header("Location") == "/connection/sockjs/?x=1")
            let greeting = try await server.exchange("GET", "/connection/sockjs/")
            #expect(greeting.text == "Welcome to SockJS!\n")
        }
    }

    @Test("messages waiting for a poll past client_queue_max_size disconnect with 3008; the session then refuses sends")
    func pollOverflow() async throws {
        try await SockJSTestServer.run(extra: #""client_queue_max_size": 300"#) { server in
            let base = "/connection/sockjs/000/rotorslow"
            #expect(try await server.exchange("POST", base + "/xhr").text == "o\n")
            func send(_ command: String) async throws {
                let body = String(SockJSFrame.messages([command]).dropFirst())
                #expect(try await server.exchange("POST", base + "/xhr_send", body: body).status == 204)
            }
            try await send(#"{"id":1,"connect":{"token":"\#(SockJSTestServer.token42)"}}"#)
            #expect(try await server.exchange("POST", base + "/xhr").text.contains(#"\"connect\":{\"client\""#))
            try await send(#"{"id":2,"subscribe":{"channel":"news:slow"}}"#)
            #expect(
                try await server.exchange("POST", base + "/xhr").text == #"a["{\"id\":2,\"subscribe\":{}}"]"# + "\n")

            let data = String(repeating: "x", count: 100)
            for _ in 0..<4 {
                try await server.api(#"{"method":"publish","params":{"channel":"news:slow","data":{"d":"\#(data)"}}}"#)
            }
            let closed = try await server.exchange("POST", base + "/xhr")
            #expect(closed.text == #"c[3008,"slow"]"# + "\n")
            let refused = try await server.exchange("POST", base + "/xhr_send", body: "[]")
            #expect(refused.status == 500)
            #expect(refused.text == "sockjs: session not in open state\n")
        }
    }
}
