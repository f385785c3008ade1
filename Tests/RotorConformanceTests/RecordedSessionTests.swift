import Foundation
import Testing

@testable import RotorConformance

/// Parsing of `rotor-session/1` files and the expected items derived from them.
@Suite struct RecordedSessionTests {
    @Test func readsEveryRecording() throws {
        let files = try ReplayRunner.sessionFiles(in: [Fixtures.recorded.path])
        #expect(files.count >= 81)
        for file in files {
            let session = try RecordedSession.load(contentsOf: file)
            #expect(session.name == file.deletingPathExtension().lastPathComponent)
            #expect(!session.events.isEmpty)
            #expect(JSONValue(parsing: session.configText)?.objectValue != nil, "\(session.name)")
        }
    }

    @Test func readsHeaderAndEventFields() throws {
        let session = try Fixtures.session("websocket_compression")
        #expect(session.transport == "websocket")
        #expect(session.secrets["api_key"] == "rotor-recording-api-key")
        let open = try #require(session.events.first)
        #expect(open.kind == "open" && open.direction == .clientToServer && open.url == "/connection/websocket")
        #expect(open.headers["Sec-WebSocket-Extensions"] == "permessage-deflate")
        #expect(open.responseHeaders["Sec-WebSocket-Extensions"]?.hasPrefix("permessage-deflate;") == true)
        let protobuf = try Fixtures.session("protobuf_session")
        #expect(protobuf.events.first?.subprotocolsRequested == ["centrifuge-protobuf"])
        #expect(protobuf.events.contains { $0.binary != nil })
        let refresh = try Fixtures.session("api_refresh")
        #expect(refresh.events.contains { $0.relativeTimes == ["params.expire_at": 600] })
    }

    @Test func rejectsOtherFormats() {
        #expect(throws: ReplaySkip.self) { try RecordedSession.parse(#"{"format":"other/1"}"#, name: "x") }
        #expect(throws: ReplaySkip.self) {
            try RecordedSession.parse(#"{"format":"rotor-session/1","config":{}}"# + "\n{\"seq\":1}", name: "x")
        }
    }

    @Test func liveExpectationsIncludeTheHTTPLayer() throws {
        let session = try Fixtures.session("api_auth_and_bad_requests")
        let roles = try ConnectionRole.roles(of: session)
        let inProcess = try ConnectionRole.expectedItems(session, conn: "api", role: roles["api"]!)
        let live = try ConnectionRole.expectedItems(session, conn: "api", role: roles["api"]!, includingHTTP: true)
        #expect(!inProcess.contains { if case .status = $0.item { true } else { false } })
        #expect(live.first?.item == .status(401))
        #expect(live.contains { $0.item == .body("Bad Request\n") })
    }

    @Test func refusedUpgradesExpectStatusAndBody() throws {
        let session = try Fixtures.session("v1_disabled")
        let roles = try ConnectionRole.roles(of: session)
        let (label, role) = try #require(roles.first { $0.value == .refused })
        let items = try ConnectionRole.expectedItems(session, conn: label, role: role, includingHTTP: true)
        #expect(items.map(\.item) == [.status(400), .body("Bad Request\n")])
    }

    @Test func relativeTimesAreRecomputed() {
        let body = #"{"method":"refresh","params":{"user":"42","expire_at":1}}"#
        let updated = RelativeTimes.apply(["params.expire_at": 600], to: body, now: 1000)
        #expect(JSONValue(parsing: updated)?["params"]?["expire_at"] == .number(1600))
        #expect(RelativeTimes.apply(["params.missing": 5], to: body, now: 1000) == body)
    }
}
