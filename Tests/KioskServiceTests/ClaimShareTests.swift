import Foundation
import Testing
import KioskCore
@testable import KioskService

/// Places on a code: what a repeat shows, a phone's share of new claims, and staff raising the limit.
@Suite("Claim shares: nothing stored shown, no one takes every place")
struct ClaimShareTests {
    @Test func aRepeatThroughTheAPIEchoesNothingStored() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let first = try kiosk.phone(2).claim(code: session.token, name: "Amira", email: "amira@example.com")
        #expect(first.status == 201)
        let stranger = try kiosk.phone(3).claim(code: session.token, name: "Mallory", email: "AMIRA@example.com")
        #expect(stranger.status == 200)
        #expect(stranger.object("claim")?["id"] as? String == first.object("claim")?["id"] as? String)
        #expect(stranger.object("claim")?["badges"] as? [String] == ["intro-day-1"])
        #expect(!stranger.text.contains("Amira"))
    }

    @Test func aRepeatOnTheClaimPageGreetsTheNameJustTyped() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        #expect(try kiosk.claim(code: session.token, name: "Amira", email: "amira@example.com").status == 201)
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let done = try browser.post([("form", signature), ("name", "Mallory"), ("email", "amira@example.com"),
                                     ("step", "consent"), ("go", "yes")])
        #expect(done.status == 200)
        #expect(done.text.contains("<h1>Well done, Mallory!</h1>"))
        #expect(done.text.contains("We already have your details."))
        #expect(!done.text.contains("Amira"))
    }

    @Test func aFamilyOfFiveSharesAPhoneAndTheSixthIsToldPlainly() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession(expected: 20)
        let phone = kiosk.phone(2)
        for member in 1...5 {
            #expect(try phone.claim(code: session.token, name: "Child \(member)", email: "child\(member)@example.com").status == 201)
        }
        let sixth = try phone.claim(code: session.token, name: "Cousin", email: "cousin@example.com")
        #expect(sixth.status == 429)
        #expect(sixth.errorCode == "too_many_claims")
        #expect(sixth.errorMessage == "This phone has already been used to collect badges for 5 people with this code. "
            + "To collect another, use the kiosk or ask the person who taught you.")
        #expect(sixth.headers["Retry-After"] != nil)
        // A repeat still answers; another phone and the kiosk still claim.
        #expect(try phone.claim(code: session.token, name: "Child 1", email: "child1@example.com").status == 200)
        #expect(try kiosk.phone(3).claim(code: session.token, name: "Cousin", email: "cousin@example.com").status == 201)
        #expect(try kiosk.claim(code: session.token, name: "Aunt", email: "aunt@example.com", headers: [
            ("Authorization", "Bearer \(kiosk.token)"),
        ]).status == 201)
        // On the claim page the sixth hears the same, in plain words.
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let page = try phone.postForm(token: session.token, Array("form=\(signature)&name=Uncle&email=uncle%40example.com&step=consent&go=yes".utf8))
        #expect(page.status == 429)
        #expect(page.text.contains("This phone has already been used to collect badges for 5 people with this code."))
    }

    @Test func twentyParallelClaimsFromOnePhoneTakeOnlyItsShare() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession(expected: 40)
        let phone = kiosk.phone(2)
        let statuses = LockedLines()
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            let status = (try? phone.claim(code: session.token, name: "Fake", email: "fake\(index)@example.com").status) ?? 0
            statuses.append(String(status))
        }
        #expect(statuses.all.filter { $0 == "201" }.count == 5)
        #expect(statuses.all.filter { $0 == "429" }.count == 15)
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).count == 5)
    }

    @Test func staffRaiseACodesLimit() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession(expected: 1)
        #expect(try kiosk.phone(2).claim(code: session.token, email: "a@example.com").status == 201)
        #expect(try kiosk.phone(3).claim(code: session.token, email: "b@example.com").status == 201)
        #expect(try kiosk.phone(4).claim(code: session.token, email: "c@example.com").status == 410)
        let path = "/api/v1/sessions/\(session.id)/limit"
        let refused = try kiosk.request("POST", path, json: #"{"maxClaims":5}"#)
        #expect(refused.status == 401)
        #expect(refused.errorCode == "unauthorized")
        let raised = try kiosk.request("POST", path, json: #"{"maxClaims":5}"#, staff: true)
        #expect(raised.status == 200)
        #expect(raised.object("code")?["maxClaims"] as? Int == 5)
        #expect(raised.object("code")?["token"] as? String == session.token)
        #expect(try kiosk.phone(4).claim(code: session.token, email: "c@example.com").status == 201)

        let tooLow = try kiosk.request("POST", path, json: #"{"maxClaims":1}"#, staff: true)
        #expect(tooLow.status == 400 && tooLow.errorCode == "max_claims_invalid")
        #expect(tooLow.errorMessage?.contains("3 people have already used the code") == true)
        #expect(try kiosk.request("POST", path, json: #"{"maxClaims":"lots"}"#, staff: true).errorCode == "invalid_field")
        #expect(try kiosk.request("POST", path, json: #"{"maxClaims":0}"#, staff: true).status == 400)
        #expect(try kiosk.request("POST", "/api/v1/sessions/999/limit", json: #"{"maxClaims":5}"#, staff: true).status == 404)
        let running = try kiosk.request("POST", "/api/v1/sessions", json: #"{"title":"Later","badges":["intro-day-1"],"expected":3}"#,
                                        staff: true)
        let runningID = try #require(running.object("session")?["id"] as? Int)
        let noCode = try kiosk.request("POST", "/api/v1/sessions/\(runningID)/limit", json: #"{"maxClaims":5}"#, staff: true)
        #expect(noCode.status == 409 && noCode.errorCode == "no_code")
        #expect(try kiosk.request("GET", path, staff: true).status == 405)
    }
}
