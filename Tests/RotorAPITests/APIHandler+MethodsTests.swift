import NIOCore
import RotorAPI
import RotorNode
import Testing

/// `server.md` §4.2: each method's result shape and errors, byte for byte.
@Suite struct APIHandlerMethodsTests {
    let bad = #"{"error":{"code":107,"message":"bad request"}}"#
    let unknown = #"{"error":{"code":102,"message":"unknown channel"}}"#
    let notAvailable = #"{"error":{"code":108,"message":"not available"}}"#

    @Test func publish() {
        let harness = APIHarness()
        #expect(
            harness.text(#"{"method":"publish","params":{"channel":"news:a","data":{"v":1}}}"#) == #"{"result":{}}"#)
        #expect(
            harness.text(#"{"method":"publish","params":{"channel":"chat:a","data":"x"}}"#)
                == #"{"result":{"offset":1,"epoch":"EPCH"}}"#)
        #expect(
            harness.text(#"{"method":"publish","params":{"channel":"chat:a","data":1,"skip_history":true}}"#)
                == #"{"result":{}}"#)
        #expect(
            harness.text(#"{"method":"publish","params":{"channel":"chat:a","data":null}}"#)
                == #"{"result":{"offset":2,"epoch":"EPCH"}}"#)
        #expect(harness.text(#"{"method":"publish","params":{"channel":"","data":{}}}"#) == bad)
        #expect(harness.text(#"{"method":"publish","params":{"channel":"chat:a"}}"#) == bad)
        #expect(harness.text(#"{"method":"publish","params":{"channel":"nope:a","data":1}}"#) == unknown)
        #expect(harness.text(#"{"method":"publish","params":{"channel":"chat:a","data":1,"tags":{"a":1}}}"#) == bad)
        #expect(
            harness.text(#"{"method":"publish","params":{"channel":"chat:a","data":1,"skip_history":"yes"}}"#) == bad)
    }

    @Test func publishKeepsDataAndTagsByteForByte() {
        let harness = APIHarness()
        let client = harness.client()
        client.send(#"{"id":2,"subscribe":{"channel":"news:a"}}"#)
        client.clear()
        _ = harness.text(
            #"{"method":"publish","params":{"channel":"news:a","data": {"a" : [1, 2.50, "<&>"]} ,"tags":{"z":"1","a":"2"}}}"#
        )
        #expect(
            client.texts == [
                #"{"push":{"channel":"news:a","pub":{"data":{"a" : [1, 2.50, "<&>"]},"tags":{"z":"1","a":"2"}}}}"#
            ])
    }

    @Test func publishB64Data() {
        let harness = APIHarness()
        let client = harness.client()
        client.send(#"{"id":2,"subscribe":{"channel":"news:a"}}"#)
        client.clear()
        // b64data wins over data.
        #expect(
            harness.text(#"{"method":"publish","params":{"channel":"news:a","data":1,"b64data":"eyJiIjoyfQ=="}}"#)
                == #"{"result":{}}"#)
        #expect(client.texts == [#"{"push":{"channel":"news:a","pub":{"data":{"b":2}}}}"#])
        for invalid in ["eyJiIjoyfQ", "!!!!", "eyJiIjoyfQ=x", "e==="] {
            #expect(harness.text(#"{"method":"publish","params":{"channel":"news:a","b64data":"\#(invalid)"}}"#) == bad)
        }
        #expect(harness.text(#"{"method":"publish","params":{"channel":"nope:a","b64data":"!"}}"#) == bad)
    }

    @Test func broadcast() {
        let harness = APIHarness()
        #expect(
            harness.text(
                #"{"method":"broadcast","params":{"channels":["chat:a","news:a","nope:a",""],"data":{"v":3}}}"#)
                == #"{"result":{"responses":[{"result":{"offset":1,"epoch":"EPCH"}},{"result":{}},{"error":{"code":102,"message":"unknown channel"}},{"error":{"code":107,"message":"bad request"}}]}}"#
        )
        #expect(harness.text(#"{"method":"broadcast","params":{"channels":[],"data":1}}"#) == bad)
        #expect(harness.text(#"{"method":"broadcast","params":{"channels":["chat:a"]}}"#) == bad)
        #expect(harness.text(#"{"method":"broadcast","params":{"channels":"chat:a","data":1}}"#) == bad)
        #expect(harness.text(#"{"method":"broadcast","params":{"channels":[1],"data":1}}"#) == bad)
        #expect(
            harness.text(#"{"method":"broadcast","params":{"channels":["news:a"],"b64data":"MQ=="}}"#)
                == #"{"result":{"responses":[{"result":{}}]}}"#)
    }

    @Test func subscribe() {
        let harness = APIHarness()
        let client = harness.client()
        #expect(
            harness.text(
                #"{"method":"subscribe","params":{"user":"42","channel":"news:s","data":{"d":1},"info":{"i":2},"b64data":"!!","b64info":"!!"}}"#
            ) == #"{"result":{}}"#)
        #expect(client.texts == [#"{"push":{"channel":"news:s","subscribe":{"data":{"d":1}}}}"#])
        #expect(harness.text(#"{"method":"subscribe","params":{"user":"42","channel":""}}"#) == bad)
        #expect(harness.text(#"{"method":"subscribe","params":{"user":"42","channel":"nope:s"}}"#) == unknown)
        #expect(
            harness.text(
                #"{"method":"subscribe","params":{"user":"42","channel":"news:t","override":{"presence":true}}}"#)
                == bad)
        #expect(
            harness.text(
                #"{"method":"subscribe","params":{"user":"42","channel":"news:t","override":{"presence":{"value":true}}}}"#
            ) == #"{"result":{}}"#)
        #expect(harness.text(#"{"method":"presence","params":{"channel":"chat:p"}}"#) == #"{"result":{"presence":{}}}"#)
        _ = harness.text(#"{"method":"subscribe","params":{"user":"42","channel":"chat:p","info":{"room":"<1>"}}}"#)
        #expect(
            harness.text(#"{"method":"presence","params":{"channel":"chat:p"}}"#)
                == #"{"result":{"presence":{"\#(client.clientID)":{"user":"42","client":"\#(client.clientID)","chan_info":{"room":"\u003c1\u003e"}}}}}"#
        )
    }

    @Test func unsubscribeWithEmptyChannelIsQuirk17() {
        let harness = APIHarness()
        let client = harness.client()
        client.send(#"{"id":2,"subscribe":{"channel":"news:a"}}"#)
        client.clear()
        #expect(harness.text(#"{"method":"unsubscribe","params":{"user":"42"}}"#) == #"{"result":{}}"#)
        #expect(client.texts == [#"{"push":{"unsubscribe":{"code":2000,"reason":"server unsubscribe"}}}"#])
        #expect(harness.text(#"{"method":"unsubscribe","params":{"user":"42","channel":"nope:a"}}"#) == unknown)
        #expect(
            harness.text(#"{"method":"unsubscribe","params":{"user":"42","channel":"news:a","client":"other"}}"#)
                == #"{"result":{}}"#)
        #expect(harness.text(#"{"method":"unsubscribe","params":{"user":5}}"#) == bad)
    }

    @Test func disconnect() {
        let harness = APIHarness()
        let first = harness.client()
        let second = harness.client()
        #expect(
            harness.text(#"{"method":"disconnect","params":{"user":"42","client":"\#(first.clientID)"}}"#)
                == #"{"result":{}}"#)
        #expect(first.closedWith?.code == 3503)
        #expect(second.closedWith == nil)
        #expect(harness.text(#"{"method":"disconnect","params":{"user":"42","disconnect":{"code":"x"}}}"#) == bad)
        #expect(harness.text(#"{"method":"disconnect","params":{"user":"42","whitelist":"x"}}"#) == bad)
        #expect(
            harness.text(#"{"method":"disconnect","params":{"user":"42","disconnect":{"code":4500,"reason":"bye"}}}"#)
                == #"{"result":{}}"#)
        #expect(second.closedWith?.code == 4500)
        #expect(second.closedWith?.reason == "bye")
    }

    @Test func refreshErrors() {
        let harness = APIHarness()
        #expect(harness.text(#"{"method":"refresh","params":{"user":"42","expire_at":"1"}}"#) == bad)
        #expect(harness.text(#"{"method":"refresh","params":{"user":"nobody","expired":true}}"#) == #"{"result":{}}"#)
    }

    @Test func presenceAndStats() {
        let harness = APIHarness()
        let first = harness.client(user: "a")
        let second = harness.client(user: "")
        first.send(#"{"id":2,"subscribe":{"channel":"room:r"}}"#)
        second.send(#"{"id":2,"subscribe":{"channel":"room:r"}}"#)
        let ids = [first.clientID, second.clientID].sorted()
        let users = ids.map { $0 == first.clientID ? "a" : "" }
        #expect(
            harness.text(#"{"method":"presence","params":{"channel":"room:r"}}"#)
                == #"{"result":{"presence":{"\#(ids[0])":{"user":"\#(users[0])","client":"\#(ids[0])"},"\#(ids[1])":{"user":"\#(users[1])","client":"\#(ids[1])"}}}}"#
        )
        #expect(
            harness.text(#"{"method":"presence_stats","params":{"channel":"room:r"}}"#)
                == #"{"result":{"num_clients":2,"num_users":2}}"#)
        for method in ["presence", "presence_stats"] {
            #expect(harness.text(#"{"method":"\#(method)","params":{"channel":"news:r"}}"#) == notAvailable)
            #expect(harness.text(#"{"method":"\#(method)","params":{"channel":"nope:r"}}"#) == unknown)
            #expect(harness.text(#"{"method":"\#(method)","params":{}}"#) == bad)
        }
    }

    @Test func historyShapes() {
        let harness = APIHarness()
        #expect(
            harness.text(#"{"method":"history","params":{"channel":"chat:h"}}"#)
                == #"{"result":{"publications":[],"epoch":"EPCH","offset":0}}"#)
        _ = harness.text(
            #"{"method":"publish","params":{"channel":"chat:h","data":{ "a" : "<b>" },"tags":{"z":"1","a":"2"}}}"#)
        _ = harness.text(#"{"method":"publish","params":{"channel":"chat:h","data":2}}"#)
        #expect(
            harness.text(#"{"method":"history","params":{"channel":"chat:h"}}"#)
                == #"{"result":{"publications":[],"epoch":"EPCH","offset":2}}"#)
        #expect(
            harness.text(#"{"method":"history","params":{"channel":"chat:h","limit":-1}}"#)
                == #"{"result":{"publications":[{"data":{"a":"\u003cb\u003e"},"offset":1,"tags":{"a":"2","z":"1"}},{"data":2,"offset":2}],"epoch":"EPCH","offset":2}}"#
        )
        #expect(
            harness.text(#"{"method":"history","params":{"channel":"chat:h","limit":1,"reverse":true}}"#)
                == #"{"result":{"publications":[{"data":2,"offset":2}],"epoch":"EPCH","offset":2}}"#)
        #expect(
            harness.text(
                #"{"method":"history","params":{"channel":"chat:h","limit":5,"since":{"offset":1,"epoch":"EPCH"}}}"#)
                == #"{"result":{"publications":[{"data":2,"offset":2}],"epoch":"EPCH","offset":2}}"#)
        #expect(
            harness.text(#"{"method":"history","params":{"channel":"chat:h","since":{"offset":1,"epoch":"zzzz"}}}"#)
                == #"{"error":{"code":112,"message":"unrecoverable position"}}"#)
        #expect(harness.text(#"{"method":"history","params":{"channel":"news:h"}}"#) == notAvailable)
        #expect(harness.text(#"{"method":"history","params":{"channel":"nope:h"}}"#) == unknown)
    }

    @Test func historyOfClientPublicationHasInfo() {
        let harness = APIHarness()
        let client = harness.client()
        client.send(#"{"id":2,"subscribe":{"channel":"chat:c"}}"#)
        client.send(#"{"id":3,"publish":{"channel":"chat:c","data":{"m":1}}}"#)
        #expect(
            harness.text(#"{"method":"history","params":{"channel":"chat:c","limit":-1}}"#)
                == #"{"result":{"publications":[{"data":{"m":1},"info":{"user":"42","client":"\#(client.clientID)"},"offset":1}],"epoch":"EPCH","offset":1}}"#
        )
    }

    @Test func historyRemove() {
        let harness = APIHarness()
        _ = harness.text(#"{"method":"publish","params":{"channel":"chat:h","data":1}}"#)
        #expect(harness.text(#"{"method":"history_remove","params":{"channel":"chat:h"}}"#) == #"{"result":{}}"#)
        #expect(
            harness.text(#"{"method":"history","params":{"channel":"chat:h","limit":-1}}"#)
                == #"{"result":{"publications":[],"epoch":"EPCH","offset":1}}"#)
        #expect(harness.text(#"{"method":"history_remove","params":{"channel":"news:h"}}"#) == notAvailable)
        #expect(harness.text(#"{"method":"history_remove","params":{"channel":"nope:h"}}"#) == unknown)
        #expect(harness.text(#"{"method":"history_remove","params":{"channel":""}}"#) == bad)
    }

    @Test func channels() {
        let harness = APIHarness()
        #expect(harness.text(#"{"method":"channels","params":{}}"#) == #"{"result":{"channels":{}}}"#)
        let first = harness.client()
        let second = harness.client()
        for client in [first, second] { client.send(#"{"id":2,"subscribe":{"channel":"news:b"}}"#) }
        first.send(#"{"id":3,"subscribe":{"channel":"chat:a"}}"#)
        #expect(
            harness.text(#"{"method":"channels","params":{}}"#)
                == #"{"result":{"channels":{"chat:a":{"num_clients":1},"news:b":{"num_clients":2}}}}"#)
        #expect(
            harness.text(#"{"method":"channels","params":{"pattern":"news:*"}}"#)
                == #"{"result":{"channels":{"news:b":{"num_clients":2}}}}"#)
        #expect(
            harness.text(#"{"method":"channels","params":{"pattern":"["}}"#)
                == #"{"error":{"code":100,"message":"internal server error"}}"#)
    }

    @Test func infoKeyOrder() {
        let harness = APIHarness()
        let client = harness.client()
        client.send(#"{"id":2,"subscribe":{"channel":"news:b"}}"#)
        harness.scheduler.advance(by: .seconds(3))
        #expect(
            harness.text(#"{"method":"info"}"#)
                == #"{"result":{"nodes":[{"uid":"\#(harness.node.id)","name":"vm_1","version":"4.1.5","num_clients":1,"num_users":1,"num_channels":1,"uptime":3,"metrics":{"interval":60},"num_subs":1}]}}"#
        )
        harness.handler.metrics = { APIMetrics(interval: 0.5, items: ["b": 1, "a": 0.25]) }
        #expect(
            harness.text(#"{"method":"info"}"#).contains(
                #""metrics":{"interval":0.5,"items":{"a":0.25,"b":1}},"num_subs":1"#))
        harness.handler.metrics = { nil }
        #expect(harness.text(#"{"method":"info"}"#).hasSuffix(#""uptime":3,"num_subs":1}]}}"#))
    }

    @Test func infoOmitsZeroUptime() {
        let harness = APIHarness()
        #expect(harness.text(#"{"method":"info"}"#).contains(#""num_channels":0,"metrics""#))
    }

    @Test func rpc() {
        let harness = APIHarness()
        #expect(
            harness.text(#"{"method":"rpc","params":{"method":"x","params":{"a":1}}}"#)
                == #"{"error":{"code":104,"message":"method not found"}}"#)
        #expect(harness.text(#"{"method":"rpc","params":{"params":{}}}"#) == bad)
        #expect(harness.text(#"{"method":"rpc","params":{"method":1}}"#) == bad)
    }
}
