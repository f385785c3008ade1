import NIOCore
import RotorAPI
import Testing

/// `server.md` §4.1: routing, method check, API key, shutdown, empty body.
@Suite struct APIHandlerTransportTests {
    let stats = #"{"method":"presence_stats","params":{"channel":"chat:a"}}"#
    let okBody = #"{"result":{"num_clients":0,"num_users":0}}"#

    func request(
        method: String = "POST", path: String = "/api", query: String = "", headers: [(String, String)] = [],
        body: String? = nil
    ) -> APIRequest {
        APIRequest(
            method: method, path: path, query: query, headers: headers.map { (name: $0.0, value: $0.1) },
            body: ByteBuffer(string: body ?? stats))
    }

    @Test func methodOtherThanPostIs405BeforeAuth() {
        let harness = APIHarness()
        for method in ["GET", "PUT", "DELETE", "post"] {
            let response = harness.call(request(method: method))
            #expect(response == APIResponse(status: 405))
        }
    }

    @Test func authorizationHeaderVariants() {
        let harness = APIHarness()
        let key = APIHarness.key
        for header in ["apikey \(key)", "APIKEY \(key)", "ApiKey   \(key)", "\tapikey \(key) "] {
            let response = harness.call(request(headers: [("Authorization", header)]))
            #expect(response.status == 200, "\(header)")
            #expect(String(buffer: response.body) == okBody)
        }
        for header in ["apikey wrong", "bearer \(key)", "apikey \(key) extra", key, "apikey", ""] {
            #expect(
                harness.call(request(headers: [("Authorization", header)])) == APIResponse(status: 401), "\(header)")
        }
        #expect(harness.call(request()) == APIResponse(status: 401))
        #expect(harness.call(request(headers: [("authorization", "apikey \(key)")])).status == 200)
    }

    @Test func queryParameterFallback() {
        let harness = APIHarness()
        let key = APIHarness.key
        #expect(harness.call(request(query: "api_key=\(key)")).status == 200)
        #expect(harness.call(request(query: "x=1&api_key=\(key)")).status == 200)
        #expect(harness.call(request(query: "api_key=wrong")).status == 401)
        #expect(
            harness.call(request(query: "api_key=wrong", headers: [("Authorization", "apikey \(key)")])).status == 200)
        #expect(
            harness.call(request(query: "api_key=\(key)", headers: [("Authorization", "apikey bad")])).status == 200)
        #expect(harness.call(request(query: "api%5Fkey=rotor%2Drecording-api-key")).status == 200)
    }

    @Test func xAPIKeyHeader() {
        let harness = APIHarness()
        #expect(harness.call(request(headers: [("X-API-Key", APIHarness.key)])).status == 200)
        #expect(harness.call(request(headers: [("x-api-key", "nope")])).status == 401)
    }

    @Test func emptyKeyRefusesEverything() {
        let harness = APIHarness(configuration: APIConfiguration(key: ""))
        #expect(harness.call(request(headers: [("Authorization", "apikey ")])) == APIResponse(status: 401))
        #expect(harness.call(request(query: "api_key=")) == APIResponse(status: 401))
        #expect(harness.call(request()) == APIResponse(status: 401))
    }

    @Test func insecureSkipsTheKey() {
        let harness = APIHarness(configuration: APIConfiguration(key: "", insecure: true))
        #expect(harness.call(request()).status == 200)
        #expect(harness.call(request(method: "GET")).status == 405)
    }

    @Test func shuttingDownIs503AfterAuth() {
        let harness = APIHarness()
        harness.node.shutdown()
        #expect(
            harness.call(request(headers: [("Authorization", "apikey \(APIHarness.key)")])) == APIResponse(status: 503))
        #expect(harness.call(request()) == APIResponse(status: 401))
    }

    @Test func emptyBodyIs400() {
        let harness = APIHarness()
        let response = harness.post("")
        #expect(response.status == 400)
        #expect(response.contentType == "text/plain; charset=utf-8")
        #expect(response.headers == ["X-Content-Type-Options": "nosniff"])
        #expect(String(buffer: response.body) == "Bad Request\n")
    }

    @Test func whitespaceOnlyBodyIsAnEmptyReply() {
        let harness = APIHarness()
        #expect(harness.post(" \n") == APIResponse(status: 200, contentType: "application/json"))
    }

    @Test func otherPathsAre404() {
        let harness = APIHarness()
        #expect(
            harness.post(stats, path: "/api/")
                == APIResponse(
                    status: 404, contentType: "text/plain; charset=utf-8",
                    headers: ["X-Content-Type-Options": "nosniff"],
                    body: ByteBuffer(string: "404 page not found\n")))
        #expect(harness.post(stats, path: "/api/publish").status == 404)  // v5 routes off
        #expect(harness.post(stats, path: "/apix").status == 404)
    }

    @Test func customPrefix() {
        let harness = APIHarness(configuration: APIConfiguration(key: APIHarness.key, prefix: "/server/api"))
        #expect(harness.post(stats, path: "/server/api").status == 200)
        #expect(harness.post(stats, path: "/api").status == 404)
    }
}
