import NIOCore
import RotorAPI
import Testing

/// The HTTP API recordings of the reference, replayed request by request; bodies must match byte for
/// byte after the README's normalisation (epochs; variable `info` values).
@Suite struct RecordingTests {
    @Test(arguments: ["api_methods", "api_batch_commands", "api_auth_and_bad_requests"])
    func replaysWithoutClients(scenario: String) {
        let harness = APIHarness()
        let exchanges = RecordedExchange.load(scenario)
        #expect(!exchanges.isEmpty)
        var issuedEpochs: Set<String> = []
        for var exchange in exchanges {
            // Capture-and-substitute: epochs the reference issued, echoed back in a request, become ours.
            var requestBody = String(buffer: exchange.request.body)
            for epoch in issuedEpochs {
                requestBody = requestBody.replacingOccurrences(of: "\"epoch\":\"\(epoch)\"", with: #""epoch":"EPCH""#)
            }
            exchange.request.body = ByteBuffer(string: requestBody)
            issuedEpochs.formUnion(recordedEpochs(exchange.body))
            let response = harness.call(exchange.request)
            let body = String(buffer: response.body)
            #expect(response.status == exchange.status, "\(String(buffer: exchange.request.body))")
            if exchange.status != 401 && exchange.status != 405 {
                #expect(response.contentType == exchange.contentType)
            }
            #expect(
                normalisingInfo(normalisingEpochs(body)) == normalisingInfo(normalisingEpochs(exchange.body)),
                "\(String(buffer: exchange.request.body))")
        }
    }

    @Test func publishToSubscriberRecording() {
        let harness = APIHarness()
        let client = harness.client()
        client.send(#"{"id":2,"subscribe":{"channel":"news:live"}}"#)
        client.clear()
        let exchanges = RecordedExchange.load("api_publish_to_subscriber")
        for exchange in exchanges {
            let response = harness.call(exchange.request)
            #expect(response.status == exchange.status)
            #expect(String(buffer: response.body) == exchange.body)
        }
        #expect(
            client.texts == [
                #"{"push":{"channel":"news:live","pub":{"data":{"score":"1:0"},"tags":{"kind":"goal"}}}}"#,
                #"{"push":{"channel":"news:live","pub":{"data":{"score":"2:0"}}}}"#,
            ])
    }

    @Test func unsubscribeRecording() {
        let harness = APIHarness()
        let client = harness.client()
        client.send(#"{"id":2,"subscribe":{"channel":"news:live"}}"#)
        client.clear()
        for exchange in RecordedExchange.load("api_unsubscribe") {
            #expect(String(buffer: harness.call(exchange.request).body) == exchange.body)
        }
        #expect(
            client.texts == [
                #"{"push":{"channel":"news:live","unsubscribe":{"code":2000,"reason":"server unsubscribe"}}}"#
            ])
    }

    @Test func subscribeRecording() {
        let harness = APIHarness()
        let client = harness.client()
        let exchanges = RecordedExchange.load("api_subscribe")
        for exchange in exchanges {
            #expect(String(buffer: harness.call(exchange.request).body) == exchange.body)
        }
        #expect(client.texts.first == #"{"push":{"channel":"news:server","subscribe":{}}}"#)
        #expect(client.texts.last == #"{"push":{"channel":"news:server","pub":{"data":{"x":1}}}}"#)
    }

    @Test func disconnectRecording() {
        let harness = APIHarness()
        let client = harness.client()
        for exchange in RecordedExchange.load("api_disconnect") {
            #expect(String(buffer: harness.call(exchange.request).body) == exchange.body)
        }
        #expect(client.closedWith?.code == 3503)
    }

    @Test func disconnectCustomRecording() {
        let harness = APIHarness()
        let keep = harness.client()
        let drop = harness.client()
        let body =
            #"{"method":"disconnect","params":{"user":"42","whitelist":["\#(keep.clientID)"],"disconnect":{"code":4001,"reason":"maintenance","reconnect":true}}}"#
        #expect(harness.text(body) == #"{"result":{}}"#)
        #expect(keep.closedWith == nil)
        #expect(drop.closedWith?.code == 4001)
        #expect(drop.closedWith?.reason == "maintenance")
    }

    @Test func refreshRecording() {
        let harness = APIHarness()
        let client = harness.client()
        let expireAt = harness.scheduler.now.unixSeconds + 600
        #expect(
            harness.text(#"{"method":"refresh","params":{"user":"42","expire_at":\#(expireAt)}}"#) == #"{"result":{}}"#)
        #expect(client.texts == [#"{"push":{"refresh":{"expires":true,"ttl":600}}}"#])
        #expect(harness.text(#"{"method":"refresh","params":{"user":"42"}}"#) == #"{"result":{}}"#)
        #expect(client.texts.last == #"{"push":{"refresh":{}}}"#)
        #expect(harness.text(#"{"method":"refresh","params":{"user":"42","expired":true}}"#) == #"{"result":{}}"#)
        #expect(client.closedWith?.code == 3005)
    }
}

extension RecordingTests {
    @Test func infoWithConnectionRecording() {
        let harness = APIHarness()
        let client = harness.client()
        client.send(#"{"id":2,"subscribe":{"channel":"news:info"}}"#)
        harness.scheduler.advance(by: .seconds(3))
        for exchange in RecordedExchange.load("api_info_with_connection") {
            let body = String(buffer: harness.call(exchange.request).body)
            #expect(normalisingInfo(body) == normalisingInfo(exchange.body))
            #expect(body.contains(#""num_clients":1,"num_users":1,"num_channels":1,"uptime":3,"#))
            #expect(body.hasSuffix(#""num_subs":1}]}}"#))
        }
    }
}
