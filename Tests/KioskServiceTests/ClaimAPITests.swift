import Foundation
import Testing
import KioskCore
import KioskStore
@testable import KioskService

@Suite("API: staff → end session → claim")
struct ClaimAPITests {
    @Test func healthz() throws {
        let kiosk = try TestKiosk()
        let reply = try kiosk.request("GET", "/healthz")
        #expect(reply.status == 200)
        #expect(reply.text == #"{"status":"ok"}"#)
        #expect(reply.headers["Content-Type"] == "application/json; charset=utf-8")
    }

    @Test func wholePath() throws {
        let kiosk = try TestKiosk()
        let created = try kiosk.request("POST", "/api/v1/sessions",
                                        json: #"{"title":"Intro to Work — Day 2: Job search","badges":["intro-day-1","intro-day-2"],"expected":12}"#,
                                        staff: true)
        #expect(created.status == 201)
        let id = try #require(created.object("session")?["id"] as? Int)

        let ended = try kiosk.request("POST", "/api/v1/sessions/\(id)/end", staff: true)
        #expect(ended.status == 200)
        let code = try #require(ended.object("code"))
        let token = try #require(code["token"] as? String)
        let short = try #require(code["short"] as? String)
        #expect(token.count == 22)
        #expect(short.count == 7 && short.dropFirst(3).first == "-")
        #expect(code["url"] as? String == "http://127.0.0.1:\(kiosk.port)/c/\(token)")
        #expect(code["maxClaims"] as? Int == 15)
        let expires = try #require(code["expiresAt"] as? String)
        #expect(try Date(expires, strategy: .iso8601) > Date().addingTimeInterval(71 * 3600))

        let first = try kiosk.claim(code: token, name: "Amira", email: "Amira@Example.com")
        #expect(first.status == 201)
        let claim = try #require(first.object("claim"))
        #expect(claim["state"] as? String == "queued")
        #expect(claim["badges"] as? [String] == ["intro-day-1", "intro-day-2"])
        let claimID = try #require(claim["id"] as? String)

        let again = try kiosk.claim(code: token, name: "Amira", email: "amira@example.com")
        #expect(again.status == 200)
        #expect(again.object("claim")?["id"] as? String == claimID)

        let typed = try kiosk.claim(code: " \(short.lowercased()) ", name: "Олена", email: "olena@example.com")
        #expect(typed.status == 201)

        let detail = try kiosk.request("GET", "/api/v1/sessions/\(id)", staff: true)
        let session = try #require(detail.object("session"))
        #expect(session["claimed"] as? Int == 2)
        #expect(session["expected"] as? Int == 12)
        #expect(session["badges"] as? [String] == ["intro-day-1", "intro-day-2"])
        #expect(session["title"] as? String == "Intro to Work — Day 2: Job search")

        let outbox = try kiosk.request("GET", "/api/v1/outbox", staff: true)
        #expect((outbox.object("counts")?["queued"] as? Int) == 4)

        let badges = try kiosk.request("GET", "/api/v1/badges", staff: true)
        let list = try #require(badges.json["badges"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["intro-day-1", "intro-day-2"])
        #expect(list.first?["description"] as? String == "Motivation and job habits")
    }

    @Test func endingTwiceKeepsTheSameCode() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let again = try kiosk.request("POST", "/api/v1/sessions/\(session.id)/end", staff: true)
        #expect(again.object("code")?["token"] as? String == session.token)
    }

    @Test func slipsAreSingleUse() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let slips = try kiosk.request("POST", "/api/v1/sessions/\(session.id)/slips", json: #"{"count":3}"#, staff: true)
        #expect(slips.status == 201)
        let codes = try #require(slips.json["codes"] as? [[String: Any]])
        #expect(codes.count == 3)
        let short = try #require(codes.first?["short"] as? String)
        #expect(try kiosk.claim(code: short, email: "one@example.com").status == 201)
        let second = try kiosk.claim(code: short, email: "two@example.com")
        #expect(second.status == 410)
        #expect(second.errorCode == "code_used_up")
    }

    @Test func usedUpCodeAnswers410ButRepeatsStillWork() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession(expected: 1)
        #expect(try kiosk.claim(code: session.token, email: "a@example.com").status == 201)
        #expect(try kiosk.claim(code: session.token, email: "b@example.com").status == 201)
        let full = try kiosk.claim(code: session.token, email: "c@example.com")
        #expect(full.status == 410)
        #expect(full.errorCode == "code_used_up")
        #expect(full.errorMessage?.contains("Ask the person who taught you") == true)
        #expect(try kiosk.claim(code: session.token, email: "a@example.com").status == 200)
    }

    /// The code expired before the service started, so it is not among the open codes kept in
    /// memory: it is found in the store, by its token and by its short code typed loosely.
    @Test func expiredCodeAnswers410() throws {
        var code: ClaimCode?
        let kiosk = try TestKiosk(prepare: { store in
            let session = try store.createSession(title: "Old", badgeIDs: ["intro-day-1"], expected: 5, at: .now())
            code = try store.endSession(id: session.id, policy: CodePolicy(lifetimeSeconds: -10), at: .now())
        })
        let expired = try #require(code)
        for given in [expired.token, expired.short.lowercased(), " " + expired.short + " "] {
            let reply = try kiosk.claim(code: given)
            #expect(reply.status == 410, "\(given)")
            #expect(reply.errorCode == "code_expired")
        }
        #expect(try kiosk.claim(code: String(expired.token.reversed())).status == 404)
    }

    @Test func unknownCodesAreRateLimitedPerAddress() throws {
        let kiosk = try TestKiosk(configure: { $0.maxFailedCodeAttempts = 3 })
        let session = try kiosk.endedSession()
        for guess in ["AAA-AAA", "BBB-BBB", "CCC-CCC"] {
            let reply = try kiosk.claim(code: guess)
            #expect(reply.status == 404)
            #expect(reply.errorCode == "unknown_code")
            #expect(reply.errorMessage == "That code did not work. Check it with the person who taught you.")
        }
        let limited = try kiosk.claim(code: session.token)
        #expect(limited.status == 429)
        #expect(limited.errorCode == "too_many_attempts")
        let wait = try #require(limited.headers["Retry-After"].flatMap(Int.init))
        #expect(wait > 0 && wait <= 300)
    }

    @Test(arguments: [
        (#"{"code":"K7M-2QX","name":"A","email":"a@b.co","consent":true"#, 400, "invalid_json"),
        (#"[1,2]"#, 400, "invalid_json"),
        (#"{"code":5,"name":"A","email":"a@b.co","consent":true}"#, 400, "invalid_field"),
        (#"{"name":"A","email":"a@b.co","consent":true}"#, 400, "code_missing"),
    ])
    func malformedBodies(body: String, status: Int, code: String) throws {
        let kiosk = try TestKiosk()
        let reply = try kiosk.request("POST", "/api/v1/claims", json: body)
        #expect(reply.status == status)
        #expect(reply.errorCode == code)
    }

    @Test func invalidFieldsSayHowToFixThem() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let noName = try kiosk.claim(code: session.token, name: " ")
        #expect(noName.status == 400 && noName.errorCode == "name_missing")
        let badEmail = try kiosk.claim(code: session.token, email: "amira@example")
        #expect(badEmail.status == 400 && badEmail.errorCode == "email_invalid")
        #expect(badEmail.errorMessage?.contains("name@example.com") == true)
        let spaced = try kiosk.claim(code: session.token, email: "amira at example.com")
        #expect(spaced.status == 400 && spaced.errorCode == "email_space")
        let noConsent = try kiosk.claim(code: session.token, consent: false)
        #expect(noConsent.status == 400 && noConsent.errorCode == "consent_required")
    }

    @Test func invalidUTF8BodyIsRefused() throws {
        let kiosk = try TestKiosk()
        var body = Array(#"{"code":"K7M-2QX","name":"A"#.utf8)
        body += [0xC3, 0x28]
        body += Array(#"","email":"a@b.co","consent":true}"#.utf8)
        let response = try kiosk.request("POST", "/api/v1/claims", body: body, headers: [("Content-Type", "application/json")])
        #expect(response.status == 400)
    }

    @Test(arguments: ["<script>alert('x')</script>", "'; DROP TABLE claims;--", "Amira 🎉👩🏽‍🎓", "محمد عبد الله", "Zoë O'Brien"])
    func hostileNamesAreStoredIntact(name: String) throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        #expect(try kiosk.claim(code: session.token, name: name, email: "x@example.com").status == 201)
        let stored = try kiosk.store.claims(sessionID: Int64(session.id))
        #expect(stored.map(\.name) == [name])
        #expect(try kiosk.request("GET", "/healthz").status == 200)
    }

    @Test func tenThousandCharacterNameIsRefusedCleanly() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let reply = try kiosk.claim(code: session.token, name: String(repeating: "A", count: 10_000))
        #expect(reply.status == 400)
        #expect(reply.errorCode == "name_too_long")
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).isEmpty)
    }
}
