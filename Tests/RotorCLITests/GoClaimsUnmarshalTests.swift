import Testing

@testable import RotorCLI

@Suite struct GoClaimsUnmarshalTests {
    @Test func membersAreListedInDocumentOrderWithKinds() {
        let members = TopLevelJSONMembers(#"{"a":"x\"y","b":[1,{"c":"]"}], "d" : true,"e":null,"f":-1.5e3,"g":{}}"#)
            .members
        #expect(members.map(\.key) == ["a", "b", "d", "e", "f", "g"])
        #expect(members.map(\.kind) == ["string", "array", "bool", "null", "number", "object"])
        #expect(members.map(\.raw) == [#""x\"y""#, #"[1,{"c":"]"}]"#, "true", "null", "-1.5e3", "{}"])
    }

    @Test(arguments: [
        (#"{"sub":1}"#, "json: cannot unmarshal number into Go struct field RegisteredClaims.sub of type string"),
        (#"{"ISS":true}"#, "json: cannot unmarshal bool into Go struct field RegisteredClaims.iss of type string"),
        (#"{"exp":"soon"}"#, "date is not valid"),
        (#"{"iat":[1]}"#, "date is not valid"),
        (#"{"aud":["a",1]}"#, "audience format is not valid"),
        (
            #"{"sub":"u","jti":{},"exp":"x"}"#,
            "json: cannot unmarshal object into Go struct field RegisteredClaims.jti of type string"
        ),
    ])
    func connectionClaimsProblems(claims: String, message: String) {
        #expect(GoClaimsUnmarshal.problem(in: claims, structName: "RegisteredClaims", subscription: false) == message)
    }

    @Test func acceptableConnectionClaims() {
        for claims in [
            #"{"sub":"u","exp":1,"iat":"2","nbf":null,"aud":"x","channel":5}"#, #"{"aud":["a","b"]}"#, "{}",
        ] {
            #expect(GoClaimsUnmarshal.problem(in: claims, structName: "RegisteredClaims", subscription: false) == nil)
        }
    }

    @Test func subscriptionClaimsProblems() {
        let name = "SubscribeTokenClaims"
        #expect(
            GoClaimsUnmarshal.problem(in: #"{"channel":1}"#, structName: name, subscription: true)
                == "json: cannot unmarshal number into Go struct field SubscribeTokenClaims.channel of type string")
        #expect(
            GoClaimsUnmarshal.problem(in: #"{"channel":"c","expire_at":1.5}"#, structName: name, subscription: true)
                == "json: cannot unmarshal number 1.5 into Go struct field SubscribeTokenClaims.expire_at of type int64"
        )
        #expect(
            GoClaimsUnmarshal.problem(in: #"{"channel":"c","expire_at":10}"#, structName: name, subscription: true)
                == nil)
    }

    @Test func checktokenReportsTheUnmarshalErrorBeforeVerifying() async {
        // header {"alg":"HS256"}, claims {"sub":1}
        let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.c2ln"
        let result = await CLITest.run(["checktoken", token], environment: TokenCommandsTests.environment)
        #expect(
            result
                == CLIResult(
                    stdout: "error: json: cannot unmarshal number into Go struct field RegisteredClaims.sub of type "
                        + "string\n",
                    status: 1))
    }
}
