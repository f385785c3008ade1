import Testing

@testable import RotorConformance

/// Bindings of server-assigned values and the message comparison of README §4.
@Suite struct MatchingTests {
    let uuidA = "59b143f8-c77a-468a-9286-bc0e24766095"
    let uuidB = "ed41b206-9baa-49c2-8594-d64e582b17e4"

    func json(_ text: String) -> JSONValue { JSONValue(parsing: text)! }

    @Test func bindingsAreOneToOne() {
        var bindings = ValueBindings()
        let results = [
            bindings.bind("a", to: "x"), bindings.bind("a", to: "x"), bindings.bind("a", to: "y"),
            bindings.bind("b", to: "x"),
        ]
        #expect(results == [true, true, false, false])
        #expect(bindings.liveValue(of: "a") == "x" && bindings.liveValue(of: "never") == "never")
    }

    @Test func substitutesUUIDsAnywhereAndEpochsOnlyQuoted() {
        var bindings = ValueBindings()
        _ = bindings.bind(uuidA, to: uuidB)
        _ = bindings.bind("abcd", to: "wxyz")
        let text = #"{"client":"\#(uuidA)","epoch":"abcd","data":"abcdef"}"#
        #expect(bindings.substitute(in: text) == #"{"client":"\#(uuidB)","epoch":"wxyz","data":"abcdef"}"#)
    }

    @Test func bindsClientIDsAndEpochsOnFirstSight() {
        var bindings = ValueBindings()
        let recorded = json(#"{"connect":{"client":"\#(uuidA)","epoch":"abcd"}}"#)
        #expect(
            MessageMatcher.difference(
                recorded, json(#"{"connect":{"client":"\#(uuidB)","epoch":"QQQQ"}}"#), bindings: &bindings) == nil)
        let again = json(#"{"connect":{"client":"\#(uuidA)","epoch":"abcd"}}"#)
        let conflicting = json(#"{"connect":{"client":"\#(uuidB)","epoch":"ZZZZ"}}"#)
        #expect(MessageMatcher.difference(again, conflicting, bindings: &bindings)?.contains("is bound to") == true)
    }

    @Test func ttlHasATolerance() {
        var bindings = ValueBindings()
        let recorded = json(#"{"ttl":3600}"#)
        #expect(MessageMatcher.difference(recorded, json(#"{"ttl":3597}"#), bindings: &bindings) == nil)
        #expect(MessageMatcher.difference(recorded, json(#"{"ttl":3601}"#), bindings: &bindings) == nil)
        #expect(MessageMatcher.difference(recorded, json(#"{"ttl":3596}"#), bindings: &bindings) != nil)
    }

    @Test func entropyIsAWildcardButMustBePresent() {
        var bindings = ValueBindings()
        let recorded = json(#"{"websocket":true,"entropy":1}"#)
        #expect(
            MessageMatcher.difference(recorded, json(#"{"websocket":true,"entropy":99}"#), bindings: &bindings) == nil)
        #expect(MessageMatcher.difference(recorded, json(#"{"websocket":true}"#), bindings: &bindings) != nil)
    }

    @Test func joinLeaveIsOrderFreeButNotOptional() {
        let join = SessionItem.message(json(#"{"push":{"channel":"c","join":{"info":{"user":"1"}}}}"#))
        let reply = SessionItem.message(json(#"{"id":1,"subscribe":{}}"#))
        let expected = [ExpectedItem(seq: 1, item: reply), ExpectedItem(seq: 2, item: join)]
        var bindings = ValueBindings()
        var comparison = ConnectionComparison(conn: "c1", expected: expected)
        #expect(comparison.finish(actual: [join, reply], bindings: &bindings) == nil)
        var missing = ConnectionComparison(conn: "c1", expected: expected)
        #expect(missing.finish(actual: [reply], bindings: &bindings)?.contains("join/leave missing") == true)
    }

    @Test func unexpectedPingsAreIgnoredAndExtraOutputIsNot() {
        let reply = SessionItem.message(json(#"{"id":1,"subscribe":{}}"#))
        let ping = SessionItem.message(.object([:]))
        var bindings = ValueBindings()
        var comparison = ConnectionComparison(conn: "c1", expected: [ExpectedItem(seq: 1, item: reply)])
        #expect(comparison.finish(actual: [ping, reply, ping], bindings: &bindings) == nil)
        var extra = ConnectionComparison(conn: "c1", expected: [ExpectedItem(seq: 1, item: reply)])
        #expect(extra.finish(actual: [reply, .status(200)], bindings: &bindings)?.contains("unexpected extra") == true)
    }
}
