import Foundation
import Testing
import KioskCore
import KioskStore
@testable import KioskService

/// `emailLater` claims and `POST /api/v1/claims/later`: a learner with no email claims now and adds one later.
@Suite("API: claim now, email later")
struct LaterEmailAPITests {
    static func waitingClaim(_ kiosk: TestKiosk, code: String, name: String = "Amira") throws -> Reply {
        try kiosk.request("POST", "/api/v1/claims", json: #"{"code":"\#(code)","name":"\#(name)","emailLater":true,"consent":true}"#)
    }

    static func addEmail(_ kiosk: TestKiosk, later: String, email: String, consent: Bool = true, staff: Bool = false) throws -> Reply {
        try kiosk.request("POST", "/api/v1/claims/later",
                          json: #"{"code":"\#(later)","email":"\#(email)","consent":\#(consent)}"#, staff: staff)
    }

    @Test func aWaitingClaimGetsALaterCodeAndIsSentOnceTheEmailIsAdded() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let made = try Self.waitingClaim(kiosk, code: session.short)
        #expect(made.status == 201)
        let claim = try #require(made.object("claim"))
        #expect(claim["state"] as? String == "waiting")
        let later = try #require(claim["later"] as? [String: Any])
        let code = try #require(later["code"] as? String)
        #expect(code.count == 10 && code.filter { $0 == "-" }.count == 2)
        let stored = code.replacingOccurrences(of: "-", with: "")
        #expect(later["url"] as? String == "http://127.0.0.1:\(TestKiosk.inMemoryPort)/e/\(stored)")
        #expect(try kiosk.request("GET", "/api/v1/outbox", staff: true).object("counts")?["waiting"] as? Int == 1)
        #expect(try kiosk.request("GET", "/api/v1/sessions/\(session.id)", staff: true).object("session")?["waitingForEmail"] as? Int == 1)

        let listed = try kiosk.request("GET", "/api/v1/claims/waiting", staff: true)
        let items = try #require(listed.json["claims"] as? [[String: Any]])
        #expect(items.map { $0["name"] as? String } == ["Amira"])
        #expect(items.first?["code"] as? String == code)
        #expect(try kiosk.request("GET", "/api/v1/claims/waiting").status == 401)

        // Typed as a learner would: lower case, spaces, a space inside the address.
        let added = try Self.addEmail(kiosk, later: code.lowercased().replacingOccurrences(of: "-", with: " "),
                                      email: "Amira @Example.com")
        #expect(added.status == 200)
        #expect(added.object("claim")?["state"] as? String == "queued")
        #expect(added.object("claim")?["id"] as? String == claim["id"] as? String)
        let counts = try kiosk.request("GET", "/api/v1/outbox", staff: true).object("counts")
        #expect(counts?["waiting"] as? Int == 0)
        #expect(counts?["queued"] as? Int == 1)
        let due = try kiosk.store.takeDueAwards(limit: 5, now: .now())
        #expect(due.map(\.email) == ["amira@example.com"])
        // The code worked once.
        #expect(try Self.addEmail(kiosk, later: code, email: "amira@example.com").status == 404)
    }

    @Test func badInputIsRefusedAndTheClaimKeepsWaiting() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let made = try Self.waitingClaim(kiosk, code: session.short)
        let code = try #require((made.object("claim")?["later"] as? [String: Any])?["code"] as? String)
        let noAt = try Self.addEmail(kiosk, later: code, email: "amira.example.com")
        #expect(noAt.status == 400)
        #expect(noAt.errorCode == "email_no_at")
        let noConsent = try Self.addEmail(kiosk, later: code, email: "amira@example.com", consent: false)
        #expect(noConsent.status == 400)
        #expect(noConsent.errorCode == "consent_required")
        #expect(try Self.addEmail(kiosk, later: session.short, email: "amira@example.com").status == 404)
        let noName = try kiosk.request("POST", "/api/v1/claims", json: #"{"code":"\#(session.short)","emailLater":true,"consent":true}"#)
        #expect(noName.status == 400)
        #expect(noName.errorCode == "name_missing")
        #expect(try kiosk.request("GET", "/api/v1/outbox", staff: true).object("counts")?["waiting"] as? Int == 1)
    }

    @Test func wrongLaterCodesAreRateLimited() throws {
        let kiosk = try TestKiosk(configure: { $0.maxFailedCodeAttempts = 3 })
        for guess in ["AAA-AAA-AA", "BBB-BBB-BB", "CCC-CCC-CC"] {
            #expect(try Self.addEmail(kiosk, later: guess, email: "a@example.com").status == 404)
        }
        let limited = try Self.addEmail(kiosk, later: "DDD-DDD-DD", email: "a@example.com")
        #expect(limited.status == 429)
        #expect(limited.errorCode == "too_many_attempts")
        // The front (staff) is never locked out.
        #expect(try Self.addEmail(kiosk, later: "EEE-EEE-EE", email: "a@example.com", staff: true).status == 404)
    }
}
