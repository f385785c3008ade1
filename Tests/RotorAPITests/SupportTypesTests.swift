import RotorCore
import Testing

@testable import RotorAPI

/// The small helpers: method numbering (§4.5), base64, query parsing, key comparison.
@Suite struct SupportTypesTests {
    @Test func methodNumbersFollowTheEnum() {
        let expected: [(String, Int32)] = [
            ("publish", 0), ("broadcast", 1), ("unsubscribe", 2), ("disconnect", 3), ("presence", 4),
            ("presence_stats", 5), ("history", 6), ("history_remove", 7), ("channels", 8), ("info", 9), ("rpc", 10),
            ("subscribe", 11), ("refresh", 12), ("connections", 14), ("update_user_status", 15),
            ("get_user_status", 16), ("delete_user_status", 17), ("block_user", 18), ("unblock_user", 19),
            ("revoke_token", 20), ("invalidate_user_tokens", 21), ("device_register", 22), ("device_update", 23),
            ("device_remove", 24), ("device_list", 25), ("device_topic_list", 26), ("device_topic_update", 27),
            ("user_topic_list", 28), ("user_topic_update", 29), ("send_push_notification", 30),
            ("update_push_status", 31),
        ]
        #expect(APIMethod.allCases.map { ($0.name, $0.rawValue) }.elementsEqual(expected, by: { $0 == $1 }))
        #expect(APIMethod(rawValue: 13) == nil)
        #expect(APIMethod(name: "Presence_Stats") == .presenceStats)
        #expect(APIMethod.allCases.filter(\.isOpenSource).count == 13)
    }

    @Test func standardBase64() {
        #expect(StandardBase64.decode("") == [])
        #expect(StandardBase64.decode("YQ==") == [0x61])
        #expect(StandardBase64.decode("YWI=") == [0x61, 0x62])
        #expect(StandardBase64.decode("YWJj") == [0x61, 0x62, 0x63])
        #expect(StandardBase64.decode("YW\r\nJj\n") == [0x61, 0x62, 0x63])
        #expect(StandardBase64.decode("+/+/") == [0xFB, 0xFF, 0xBF])
        #expect(StandardBase64.decode("YR==") == [0x61])  // non-zero trailing bits tolerated, as in Go
        for invalid in ["YQ", "YQ=", "Y===", "YQ==YQ==", "YQ=a", "-_-_", "YW J", "===="] {
            #expect(StandardBase64.decode(invalid) == nil, "\(invalid)")
        }
    }

    @Test func queryValues() {
        #expect(queryValue("api_key", in: "api_key=a%20b+c") == "a b c")
        #expect(queryValue("api_key", in: "x=1&api_key=first&api_key=second") == "first")
        #expect(queryValue("api_key", in: "api_key") == "")
        #expect(queryValue("api_key", in: "api_key=a;b&api_key=c") == "c")
        #expect(queryValue("api_key", in: "api_key=%zz") == nil)
        #expect(queryValue("api_key", in: "other=1") == nil)
    }

    @Test func constantTimeComparison() {
        #expect(ConstantTime.equals("key", "key"))
        #expect(!ConstantTime.equals("key", "kez"))
        #expect(!ConstantTime.equals("key", "key "))
        #expect(ConstantTime.equals("", ""))
    }
}
