import NIOCore
import RotorAPI
import Testing

/// `server.md` §4.3: `POST <prefix>/<method>` with the params object as body, and `batch`.
@Suite struct APIHandlerV5RoutesTests {
    let badRequest = APIResponse(
        status: 400, contentType: "text/plain; charset=utf-8", headers: ["X-Content-Type-Options": "nosniff"],
        body: ByteBuffer(string: "Bad Request\n"))

    func harness() -> APIHarness {
        APIHarness(configuration: APIConfiguration(key: APIHarness.key, v5Routes: true))
    }

    @Test func methodRoutesAnswerTheResponseObject() {
        let harness = harness()
        #expect(
            harness.text(#"{"channel":"chat:a","data":{"x":1}}"#, path: "/api/publish")
                == #"{"result":{"offset":1,"epoch":"EPCH"}}"#)
        #expect(
            harness.text(#"{"channel":"nope:a","data":1}"#, path: "/api/publish")
                == #"{"error":{"code":102,"message":"unknown channel"}}"#)
        #expect(
            harness.text(#"{"channel":"chat:a"}"#, path: "/api/presence_stats")
                == #"{"result":{"num_clients":0,"num_users":0}}"#)
        #expect(
            harness.text(#"{"channel":"chat:a","limit":-1}"#, path: "/api/history")
                == #"{"result":{"publications":[{"data":{"x":1},"offset":1}],"epoch":"EPCH","offset":1}}"#)
        #expect(harness.text(#"{}"#, path: "/api/channels") == #"{"result":{"channels":{}}}"#)
        #expect(
            harness.text(#"{"method":"m"}"#, path: "/api/rpc")
                == #"{"error":{"code":104,"message":"method not found"}}"#)
        #expect(harness.text("null", path: "/api/disconnect") == #"{"result":{}}"#)
        #expect(harness.text(" {} ", path: "/api/info").hasPrefix(#"{"result":{"nodes":[{"uid":"#))
        for name in ["broadcast", "subscribe", "unsubscribe", "refresh", "history_remove", "presence"] {
            #expect(harness.post("{}", path: "/api/\(name)").status == 200, "\(name)")
        }
    }

    @Test func malformedBodiesAre400() {
        let harness = harness()
        for body in ["", "not json", "[]", #"{"channel":5}"#, #"{"channel":"a"} {}"#, #"{"channel":"a""#] {
            #expect(harness.post(body, path: "/api/publish") == badRequest, "\(body)")
        }
        #expect(harness.post("5", path: "/api/info") == badRequest)
    }

    @Test func unknownOrProRoutesAre404AfterMethodAndKeyChecks() {
        let harness = harness()
        #expect(harness.call(APIRequest(method: "GET", path: "/api/nope")) == APIResponse(status: 405))
        #expect(harness.call(APIRequest(path: "/api/nope")) == APIResponse(status: 401))
        #expect(harness.post("{}", path: "/apix/publish").status == 404)
        for path in ["/api/connections", "/api/PUBLISH", "/api/publish/", "/api/nope"] {
            #expect(harness.post("{}", path: path).status == 404, "\(path)")
        }
    }

    @Test func sameMethodCheckAndAuth() {
        let harness = harness()
        #expect(harness.call(APIRequest(method: "GET", path: "/api/publish")) == APIResponse(status: 405))
        #expect(
            harness.call(APIRequest(path: "/api/publish", body: ByteBuffer(string: "{}"))) == APIResponse(status: 401))
        let cent5 = APIRequest(
            path: "/api/publish",
            headers: [("Content-Type", "application/json"), ("X-API-Key", APIHarness.key)],
            body: ByteBuffer(string: #"{"channel":"news:a","data":{}}"#))
        #expect(
            harness.call(cent5)
                == APIResponse(
                    status: 200, contentType: "application/json", body: ByteBuffer(string: #"{"result":{}}"#)))
    }

    @Test func rootPrefixServesEveryPathWithTheV4Endpoint() {
        let harness = APIHarness(configuration: APIConfiguration(key: APIHarness.key, prefix: "/", v5Routes: true))
        #expect(harness.text(#"{"method":"info"}"#, path: "/").hasPrefix(#"{"result":{"nodes""#))
        // A Go ServeMux pattern "/" takes every path no other route takes: all of them are the v4 endpoint.
        #expect(harness.text(#"{"method":"info"}"#, path: "/publish").hasPrefix(#"{"result":{"nodes""#))
    }

    @Test func batchWithMixedResults() {
        let harness = harness()
        let body = #"""
            {"commands":[
              {"publish":{"channel":"chat:a","data":{"n":1}}},
              {"broadcast":{"channels":["news:a","nope:a"],"data":2}},
              {"presence":{"channel":"news:a"}},
              {"id":9,"method":"info"},
              {"history":{"channel":"chat:a","limit":-1},"publish":{"channel":"chat:a","data":0}},
              {"connections":{}},
              {"rpc":{"method":"x"}},
              {"history_remove":null,"presence_stats":{"channel":"chat:a"}}
            ]}
            """#
        #expect(
            harness.text(body, path: "/api/batch") == #"{"replies":["#
                + #"{"publish":{"offset":1,"epoch":"EPCH"}},"#
                + #"{"broadcast":{"responses":[{"result":{}},{"error":{"code":102,"message":"unknown channel"}}]}},"#
                + #"{"error":{"code":108,"message":"not available"}},"#
                + #"{"error":{"code":104,"message":"method not found"}},"#
                + #"{"publish":{"offset":2,"epoch":"EPCH"}},"#
                + #"{"error":{"code":104,"message":"method not found"}},"#
                + #"{"error":{"code":104,"message":"method not found"}},"#
                + #"{"presence_stats":{"num_clients":0,"num_users":0}}]}"#)
    }

    @Test func batchEdgeCases() {
        let harness = harness()
        #expect(harness.text(#"{"commands":[]}"#, path: "/api/batch") == "{}")
        #expect(harness.text("{}", path: "/api/batch") == "{}")
        #expect(
            harness.text(#"{"commands":[{"info":{}}]}"#, path: "/api/batch").hasPrefix(
                #"{"replies":[{"info":{"nodes":[{"#))
        for body in [
            "", #"{"commands":{}}"#, #"{"commands":[5]}"#, #"{"commands":[{"publish":{"channel":1}}]}"#,
            #"{"commands":[{"method":"nope"}]}"#, #"{"commands":[{"id":"1"}]}"#,
        ] {
            #expect(harness.post(body, path: "/api/batch") == badRequest, "\(body)")
        }
    }
}
