import NIOCore
import RotorAPI
import Testing

/// `server.md` §4.1: the v4 body — command framing, ids, method names and numbers, 400 vs per-command errors.
@Suite struct APIHandlerCommandsTests {
    let badRequest = APIResponse(
        status: 400, contentType: "text/plain; charset=utf-8", headers: ["X-Content-Type-Options": "nosniff"],
        body: ByteBuffer(string: "Bad Request\n"))

    @Test func commandsMayBeSeparatedByAnyWhitespaceOrNothing() {
        let harness = APIHarness()
        let one = #"{"id":1,"method":"rpc"}"#
        let expected = [String](repeating: #"{"id":1,"error":{"code":107,"message":"bad request"}}"#, count: 3)
            .joined(separator: "\n")
        #expect(harness.text(one + one + one) == expected)
        #expect(harness.text(one + " \t\r\n" + one + "\n\n" + one + "\n") == expected)
    }

    @Test func idIsEchoedAndOmittedWhenZero() {
        let harness = APIHarness()
        #expect(
            harness.text(#"{"id":4294967295,"method":"rpc","params":{"method":"x"}}"#)
                == #"{"id":4294967295,"error":{"code":104,"message":"method not found"}}"#)
        #expect(
            harness.text(#"{"id":0,"method":"rpc","params":{"method":"x"}}"#)
                == #"{"error":{"code":104,"message":"method not found"}}"#)
        #expect(
            harness.text(#"{"id":null,"method":"rpc","params":{"method":"x"}}"#)
                == #"{"error":{"code":104,"message":"method not found"}}"#)
    }

    @Test func methodNamesAreCaseInsensitiveAndNumbersWork() {
        let harness = APIHarness()
        let stats = #"{"result":{"num_clients":0,"num_users":0}}"#
        for method in [#""presence_stats""#, #""PRESENCE_STATS""#, #""Presence_Stats""#, "5"] {
            #expect(harness.text(#"{"method":\#(method),"params":{"channel":"chat:a"}}"#) == stats, "\(method)")
        }
        #expect(harness.text(#"{"method":0,"params":{"channel":"news:a","data":1}}"#) == #"{"result":{}}"#)
    }

    @Test func missingMethodIsPublish() {
        let harness = APIHarness()
        #expect(
            harness.text(#"{"params":{"channel":"chat:a","data":{"x":1}}}"#)
                == #"{"result":{"offset":1,"epoch":"EPCH"}}"#)
        #expect(harness.text(#"{"id":3}"#) == #"{"id":3,"error":{"code":107,"message":"bad request"}}"#)
    }

    @Test func nullCommandIsAnEmptyPublish() {
        let harness = APIHarness()
        #expect(harness.text("null") == #"{"error":{"code":107,"message":"bad request"}}"#)
    }

    @Test func proAndUnknownNumbersAre104() {
        let harness = APIHarness()
        let notFound = #"{"error":{"code":104,"message":"method not found"}}"#
        for method in [#""connections""#, #""UPDATE_PUSH_STATUS""#, #""device_list""#, "13", "14", "31", "99", "-1"] {
            #expect(harness.text(#"{"method":\#(method),"params":{}}"#) == notFound, "\(method)")
        }
    }

    @Test func undecodableCommandsFailTheWholeRequest() {
        let harness = APIHarness()
        for command in [
            #"{"method":"no_such","params":{}}"#, #"{"method":"1"}"#, #"{"method":""}"#, #"{"method":null}"#,
            #"{"method":1.5}"#, #"{"method":true}"#, #"{"id":"1","method":"info"}"#, #"{"id":-1,"method":"info"}"#,
            #"{"id":1.0,"method":"info"}"#, #"{"id":4294967296,"method":"info"}"#, "not json", "[]", "5", #""x""#,
            #"{"method":"info""#, #"{"method":"info"}x"#, #"{"publish":5}"#, #"{"publish":{"channel":1}}"#,
            #"{"connections":"x"}"#,
        ] {
            #expect(harness.post(command) == badRequest, "\(command)")
        }
    }

    @Test func laterBadCommandDiscardsEarlierRepliesButKeepsEffects() {
        let harness = APIHarness()
        let body =
            #"{"method":"publish","params":{"channel":"chat:a","data":1}}"# + "\n"
            + #"{"method":"publish","params":{"channel":"chat:a","data":2}}"# + "\n" + #"{"method":"nope"}"#
        #expect(harness.post(body) == badRequest)
        #expect(
            harness.text(#"{"method":"history","params":{"channel":"chat:a","limit":-1}}"#)
                == #"{"result":{"publications":[{"data":1,"offset":1},{"data":2,"offset":2}],"epoch":"EPCH","offset":2}}"#
        )
    }

    @Test func paramsProblemsArePerCommand107() {
        let harness = APIHarness()
        let bad = #"{"error":{"code":107,"message":"bad request"}}"#
        for params in [
            "", #","params":5"#, #","params":"x""#, #","params":[]"#, #","params":{"channel":5}"#,
            #","params":{"channel":"chat:a","limit":"1"}"#, #","params":{"channel":"chat:a","limit":1.5}"#,
            #","params":{"channel":"chat:a","reverse":1}"#, #","params":{"channel":"chat:a","since":5}"#,
            #","params":{"channel":"chat:a","since":{"offset":-1}}"#,
        ] {
            #expect(harness.text(#"{"method":"history"\#(params)}"#) == bad, "\(params)")
        }
        #expect(harness.text(#"{"method":"history","params":null}"#) == bad)  // empty channel
        #expect(harness.text(#"{"method":"disconnect","params":null}"#) == #"{"result":{}}"#)
        #expect(harness.text(#"{"method":"disconnect"}"#) == bad)
    }

    @Test func infoIgnoresParams() {
        let harness = APIHarness()
        for params in ["", #","params":5"#, #","params":"x""#, #","params":{"a":[1]}"#] {
            #expect(harness.text(#"{"id":2,"method":"info"\#(params)}"#).hasPrefix(#"{"id":2,"result":{"nodes":[{"#))
        }
    }

    @Test func mixedBatchKeepsOrderWithInlineErrors() {
        let harness = APIHarness()
        let body = [
            #"{"id":1,"method":"publish","params":{"channel":"hist:x","data":{"n":1}}}"#,
            #"{"id":2,"method":"presence","params":{"channel":"news:x"}}"#,
            #"{"id":3,"method":"connections","params":{}}"#,
            #"{"id":4,"method":"history","params":{"channel":"hist:x","limit":1}}"#,
            #"{"id":5,"method":"publish","params":{"channel":"nope:x","data":1}}"#,
            #"{"id":6,"method":"history_remove"}"#,
        ].joined(separator: "\n")
        #expect(
            harness.text(body)
                == [
                    #"{"id":1,"result":{"offset":1,"epoch":"EPCH"}}"#,
                    #"{"id":2,"error":{"code":108,"message":"not available"}}"#,
                    #"{"id":3,"error":{"code":104,"message":"method not found"}}"#,
                    #"{"id":4,"result":{"publications":[{"data":{"n":1},"offset":1}],"epoch":"EPCH","offset":1}}"#,
                    #"{"id":5,"error":{"code":102,"message":"unknown channel"}}"#,
                    #"{"id":6,"error":{"code":107,"message":"bad request"}}"#,
                ].joined(separator: "\n"))
    }

    @Test func keysMatchCaseInsensitivelyAndLastDuplicateWins() {
        let harness = APIHarness()
        #expect(
            harness.text(#"{"ID":7,"Method":"presence_stats","PARAMS":{"Channel":"chat:a"}}"#)
                == #"{"id":7,"result":{"num_clients":0,"num_users":0}}"#)
        #expect(
            harness.text(
                #"{"id":1,"id":2,"method":"info","method":"presence_stats","params":{"channel":"news:a","channel":"chat:a"}}"#
            )
                == #"{"id":2,"result":{"num_clients":0,"num_users":0}}"#)
    }

    @Test func manyCommandsRunWithoutDeepRecursion() {
        let harness = APIHarness()
        let command = #"{"method":"presence_stats","params":{"channel":"chat:a"}}"#
        let body = [String](repeating: command, count: 5000).joined(separator: "\n")
        #expect(harness.text(body).split(separator: "\n").count == 5000)
    }
}
