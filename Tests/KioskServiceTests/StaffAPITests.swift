import Foundation
import Testing
import KioskAPI
import TestSupport
@testable import KioskService

@Suite("API: staff endpoints and routing")
struct StaffAPITests {
    @Test(arguments: [("GET", "/api/v1/badges"), ("GET", "/api/v1/sessions"), ("POST", "/api/v1/sessions"),
                      ("GET", "/api/v1/sessions/1"), ("POST", "/api/v1/sessions/1/end"), ("GET", "/api/v1/outbox"),
                      ("POST", "/api/v1/sessions/1/slips"), ("POST", "/api/v1/outbox/1/retry"),
                      ("POST", "/api/v1/outbox/1/resend"), ("POST", "/api/v1/outbox/1/arrived")])
    func staffEndpointsNeedTheToken(method: String, path: String) throws {
        let kiosk = try TestKiosk()
        let none = try kiosk.request(method, path, json: method == "POST" ? "{}" : nil)
        #expect(none.status == 401)
        #expect(none.errorCode == "unauthorized")
        #expect(none.headers["WWW-Authenticate"] == "Bearer")
        let wrong = try kiosk.request(method, path, json: method == "POST" ? "{}" : nil,
                                      headers: [("Authorization", "Bearer \(kiosk.token.dropLast())x")])
        #expect(wrong.status == 401)
    }

    @Test func staffTokenFileIsPrivate() throws {
        let kiosk = try TestKiosk()
        let attributes = try FileManager.default.attributesOfItem(atPath: "\(kiosk.directory)/staff-token")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(kiosk.token.count == 43)
        #expect(try StaffToken.loadOrCreate(in: kiosk.directory).value == kiosk.token)
    }

    @Test func unknownPathsAndMethods() throws {
        let kiosk = try TestKiosk()
        let missing = try kiosk.request("GET", "/nothing/here")
        #expect(missing.status == 404)
        #expect(missing.errorCode == "not_found")
        let wrongMethod = try kiosk.request("DELETE", "/api/v1/claims")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"] == "POST")
    }

    /// The service answers HEAD as GET and the server leaves out the body: over loopback.
    @Test func headIsAnsweredWithoutABody() throws {
        let kiosk = try TestKiosk(listening: true)
        let head = try kiosk.request("HEAD", "/healthz")
        #expect(head.status == 200)
        #expect(head.text.isEmpty)
    }

    @Test func claimsMustBeJSON() throws {
        let kiosk = try TestKiosk()
        let reply = try kiosk.request("POST", "/api/v1/claims", json: "code=K7M2QX",
                                      headers: [("Content-Type", "application/x-www-form-urlencoded")])
        #expect(reply.status == 415)
        #expect(reply.errorCode == "unsupported_media_type")
    }

    @Test func sessionsRefuseBadInput() throws {
        let kiosk = try TestKiosk()
        let unknownBadge = try kiosk.request("POST", "/api/v1/sessions",
                                             json: #"{"title":"T","badges":["no-such-badge"],"expected":3}"#, staff: true)
        #expect(unknownBadge.status == 400)
        #expect(unknownBadge.errorCode == "unknown_badge")
        let noBadges = try kiosk.request("POST", "/api/v1/sessions", json: #"{"title":"T","badges":[],"expected":3}"#, staff: true)
        #expect(noBadges.errorCode == "badges_missing")
        let noExpected = try kiosk.request("POST", "/api/v1/sessions", json: #"{"title":"T","badges":["intro-day-1"]}"#, staff: true)
        #expect(noExpected.errorCode == "expected_invalid")
        let missing = try kiosk.request("POST", "/api/v1/sessions/999/end", staff: true)
        #expect(missing.status == 404)
        #expect(missing.errorCode == "unknown_session")
        let notNumber = try kiosk.request("GET", "/api/v1/sessions/abc", staff: true)
        #expect(notNumber.status == 404)
    }

    @Test func sessionsAreListedNewestFirst() throws {
        let kiosk = try TestKiosk()
        _ = try kiosk.endedSession()
        _ = try kiosk.request("POST", "/api/v1/sessions", json: #"{"title":"Second","badges":["intro-day-2"],"expected":4}"#, staff: true)
        let list = try kiosk.request("GET", "/api/v1/sessions", staff: true)
        let sessions = try #require(list.json["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["title"] as? String } == ["Second", "Day 1"])
        #expect(sessions.last?["code"] != nil)
    }

    /// The server's own request log: over loopback.
    @Test func logNeverShowsEmailsOrTokens() throws {
        let kiosk = try TestKiosk(listening: true)
        let session = try kiosk.endedSession()
        _ = try kiosk.claim(code: session.token, email: "secret.person@example.com")
        _ = try kiosk.request("GET", "/c/\(session.token)")
        let log = kiosk.logLines.all.joined(separator: "\n")
        #expect(log.contains("POST /api/v1/claims 201"))
        #expect(!log.contains("secret.person"))
        #expect(!log.contains(session.token))
        #expect(!log.contains(kiosk.token))
    }
}

@Suite("API: live events")
struct EventStreamTests {
    @Test func claimsAndSessionsArriveAsServerSentEvents() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let recorder = kiosk.rig.start(kiosk.rig.makeRequest(.get, "/api/v1/events", staff: true))
        guard case .streamed(let head) = try recorder.wait() else {
            Issue.record("the events were not streamed")
            return
        }
        #expect(head.status == .ok)
        #expect(head.headers["Content-Type"] == "text/event-stream; charset=utf-8")
        #expect(try recorder.chunks(atLeast: 1) == [Array(": connected\n\n".utf8)])
        #expect(try kiosk.claim(code: session.token).status == 201)
        var received = ""
        for count in 2...10 where !received.contains("event: claim") {
            received = try recorder.chunks(atLeast: count).map { String(decoding: $0, as: UTF8.self) }.joined()
        }
        // The forwarder's `outbox` events may come first: read the data line that follows `event: claim`.
        let lines = received.split(separator: "\n")
        let claim = try #require(lines.firstIndex(of: "event: claim"))
        let data = try #require(lines.dropFirst(claim + 1).first?.trimmingPrefix("data: "))
        #expect(try KioskAPI.decode(ClaimEvent.self, from: Array(data.utf8)).sessionId == session.id)
        #expect(!received.contains("amira"))
        #expect(kiosk.service.events.subscriberCount == 1)
        // The client going away ends its subscription.
        recorder.disconnect()
        #expect(kiosk.service.events.subscriberCount == 0)
    }

    @Test func eventsNeedTheStaffToken() throws {
        let kiosk = try TestKiosk()
        #expect(try kiosk.request("GET", "/api/v1/events").status == 401)
    }
}
