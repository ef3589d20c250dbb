import Foundation
import KioskAPI
import Testing
@testable import KioskService

/// `POST /api/v1/celebrations` and `GET /api/v1/celebrations`: "Well done Amira!" on the first screen,
/// for learners who say yes with the key their new claim was given.
@Suite("API: celebration lines")
struct CelebrationAPITests {
    static func say(yes key: String, to kiosk: TestKiosk) throws -> Reply {
        try kiosk.request("POST", "/api/v1/celebrations", json: #"{"key":"\#(key)"}"#)
    }

    static func key(_ reply: Reply) -> String? { reply.object("claim")?["celebrate"] as? String }

    @Test func aNewClaimsKeyPutsTheFirstNameOnTheScreenForStaffToRead() throws {
        let kiosk = try TestKiosk(listening: true)
        let session = try kiosk.endedSession()
        let claimed = try kiosk.claim(code: session.short, name: "Amira Khan")
        let key = try #require(Self.key(claimed))
        #expect(key.count == 16)
        let before = try kiosk.request("GET", "/api/v1/celebrations", staff: true)
        #expect((before.json["celebrations"] as? [Any])?.isEmpty == true, "nothing shows before the learner says yes")

        let yes = try Self.say(yes: key, to: kiosk)
        #expect(yes.status == 200)
        let until = try #require(yes.json["until"] as? String)
        #expect(try Self.say(yes: key, to: kiosk).json["until"] as? String == until, "a second yes changes nothing")

        #expect(try kiosk.request("GET", "/api/v1/celebrations").status == 401)
        let listed = try kiosk.request("GET", "/api/v1/celebrations", staff: true)
        #expect(listed.status == 200)
        let lines = try #require(listed.json["celebrations"] as? [[String: Any]])
        #expect(lines.count == 1)
        #expect(lines.first?["name"] as? String == "Amira")
        #expect(lines.first?["sessionTitle"] as? String == "Day 1")
        #expect(lines.first?["until"] as? String == until)
        #expect(lines.first?["at"] is String)
        #expect(!listed.text.contains("example.com"))
        // The key is in the body, never the path: the request log shows nothing of it.
        #expect(!kiosk.logLines.all.joined().contains(key))
    }

    @Test func unknownKeysWrongMethodsAndBadBodiesAreRefused() throws {
        let kiosk = try TestKiosk(listening: true)
        let unknown = try Self.say(yes: "AAAAAAAAAAAAAAAA", to: kiosk)
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "not_found")
        let missing = try kiosk.request("POST", "/api/v1/celebrations", json: "{}")
        #expect(missing.status == 400)
        #expect(missing.errorCode == "key_missing")
        let long = try Self.say(yes: String(repeating: "k", count: 65), to: kiosk)
        #expect(long.status == 400)
        #expect(long.errorCode == "key_invalid")
        #expect(try kiosk.request("PUT", "/api/v1/celebrations", json: "{}", staff: true).status == 405)
        #expect(try kiosk.request("POST", "/api/v1/celebrations", body: Array("key=x".utf8),
                                  headers: [("Content-Type", "application/x-www-form-urlencoded")]).status == 415)
        let huge = #"{"key":""# + String(repeating: "k", count: 70_000) + #""}"#
        #expect(try kiosk.request("POST", "/api/v1/celebrations", json: huge).status == 413)
    }

    @Test func withTheSettingOffNobodyIsAskedAndAYesIsAConflict() throws {
        let kiosk = try TestKiosk(listening: true, configure: { $0.celebrateNames = false })
        let session = try kiosk.endedSession()
        let claimed = try kiosk.claim(code: session.short)
        #expect(claimed.status == 201)
        #expect(Self.key(claimed) == nil)
        let yes = try Self.say(yes: "AAAAAAAAAAAAAAAA", to: kiosk)
        #expect(yes.status == 409)
        #expect(yes.errorCode == "celebrations_off")
        #expect((try kiosk.request("GET", "/api/v1/celebrations", staff: true).json["celebrations"] as? [Any])?.isEmpty == true)
    }

    @Test func repeatsWaitingClaimsAndNamesWithAnEmailAreNotOffered() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        #expect(Self.key(try kiosk.claim(code: session.short)) != nil)
        let again = try kiosk.claim(code: session.short)
        #expect(again.status == 200)
        #expect(Self.key(again) == nil, "a repeat's key would let anyone who knows the email say yes")
        let waiting = try LaterEmailAPITests.waitingClaim(kiosk, code: session.short, name: "Bogdan")
        #expect(waiting.status == 201)
        #expect(Self.key(waiting) == nil)
        let email = try kiosk.claim(code: session.short, name: "zoe@example.org", email: "zoe@example.org")
        #expect(email.status == 201)
        #expect(Self.key(email) == nil)
    }

    @Test func aYesIsAnnouncedOnTheEventStreamWithoutTheName() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let key = try #require(Self.key(try kiosk.claim(code: session.short)))
        let recorder = kiosk.rig.start(kiosk.rig.makeRequest(.get, "/api/v1/events", staff: true))
        guard case .streamed = try recorder.wait() else {
            Issue.record("the events were not streamed")
            return
        }
        #expect(try Self.say(yes: key, to: kiosk).status == 200)
        var received = ""
        for count in 2...10 where !received.contains("event: celebration") {
            received = try recorder.chunks(atLeast: count).map { String(decoding: $0, as: UTF8.self) }.joined()
        }
        #expect(received.contains("event: celebration\ndata: {\"shown\":1}"))
        #expect(!received.contains("Amira"))
        recorder.disconnect()
    }
}
