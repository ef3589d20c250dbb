import Foundation
import Testing
import KioskCore
@testable import KioskService

/// Wrong codes on the venue Wi-Fi: phones from their own addresses (127.0.0.2 and up), the kiosk's
/// front from 127.0.0.1 with the staff token.
@Suite("Guessing limits: no one on the Wi-Fi can lock the kiosk")
struct GuessingLimitTests {
    @Test func theFrontIsNeverChargedForWrongCodes() throws {
        let kiosk = try TestKiosk(configure: { $0.maxFailedCodeAttempts = 3 })
        let session = try kiosk.endedSession()
        // One learner at the kiosk types ten wrong codes: each is simply wrong, never "wait".
        for guess in 0..<10 {
            let reply = try kiosk.request("POST", "/api/v1/claims", json: #"{"code":"AAA-AA\#(guess + 2)"}"#, staff: true)
            #expect(reply.status == 404)
            #expect(reply.errorCode == "unknown_code")
        }
        // The next learner at the kiosk claims at once, and so does a phone on the same address.
        let front = try kiosk.request("POST", "/api/v1/claims", json: #"{"code":"\#(session.short)","name":"Sam","email":"sam@example.com","consent":true}"#,
                                      staff: true)
        #expect(front.status == 201)
        #expect(try kiosk.claim(code: session.short, email: "olena@example.com").status == 201)
    }

    @Test func aGuessingPhoneIsStoppedAndNoOneElseIs() throws {
        let kiosk = try TestKiosk(configure: { $0.maxFailedCodeAttempts = 3 })
        let session = try kiosk.endedSession()
        let guesser = kiosk.phone(2)
        for guess in ["AAA-AAA", "BBB-BBB", "CCC-CCC"] {
            #expect(try guesser.claim(code: guess).status == 404)
        }
        let stopped = try guesser.claim(code: session.short)
        #expect(stopped.status == 429)
        #expect(stopped.errorCode == "too_many_attempts")
        #expect(stopped.headers["Retry-After"].flatMap(Int.init).map { (1...300).contains($0) } == true)
        // Another phone and the front carry on.
        #expect(try kiosk.phone(3).claim(code: session.token, email: "sam@example.com").status == 201)
        let probe = try kiosk.request("POST", "/api/v1/claims", json: #"{"code":"\#(session.short)"}"#, staff: true)
        #expect(probe.status == 400 && probe.errorCode == "name_missing")
    }

    @Test func manyPhonesGuessingTogetherSlowEveryShortCodeButNotQRCodes() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let budget = ClaimLimits.Settings()
        // 20 phones, 10 wrong short codes each: each within its own budget, together the service-wide one.
        let phones = (10..<30).map(kiosk.phone)
        #expect(phones.count * budget.failuresPerAddress == budget.failuresServiceWide)
        for phone in phones {
            for guess in 0..<budget.failuresPerAddress {
                #expect(try phone.claim(code: "ZZZ-ZZ\(guess + 2)").status == 404)
            }
        }
        // A fresh phone typing the right short code is told to wait: a hit must not be learnt.
        let fresh = try kiosk.phone(50).claim(code: session.short)
        #expect(fresh.status == 429)
        #expect(fresh.headers["Retry-After"].flatMap(Int.init).map { $0 > 3000 } == true)
        // Scanning the QR code (a 128-bit token) still works, and so does the kiosk.
        #expect(try kiosk.phone(50).claim(code: session.token).status == 201)
        let front = try kiosk.request("POST", "/api/v1/claims", json: #"{"code":"\#(session.short)","name":"Sam","email":"sam@example.com","consent":true}"#,
                                      staff: true)
        #expect(front.status == 201)
    }

    @Test func waitsAreSaidInTheLargestWholeUnit() {
        #expect(APIError.wait(1) == "1 second")
        #expect(APIError.wait(45) == "45 seconds")
        #expect(APIError.wait(290) == "5 minutes")
        #expect(APIError.wait(3599) == "60 minutes")
        #expect(APIError.wait(72 * 3600) == "72 hours")
        #expect(APIError.tooManyAttempts(retryAfter: 290).message == "Too many codes did not work. Please wait 5 minutes and try again.")
    }

    @Test func slipCodesAreTenCharactersInGroupsAndWorkTyped() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let slips = try kiosk.request("POST", "/api/v1/sessions/\(session.id)/slips", json: #"{"count":2}"#, staff: true)
        let codes = try #require(slips.json["codes"] as? [[String: Any]])
        let short = try #require(codes.first?["short"] as? String)
        #expect(short.count == 12)
        #expect(short.split(separator: "-").map(\.count) == [3, 3, 4])
        #expect(session.short.count == 7)
        #expect(try kiosk.phone(2).claim(code: short.lowercased().replacingOccurrences(of: "-", with: " ")).status == 201)
    }

    @Test func theCodeIsCheckedBeforeTheLearnersDetails() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession(expected: 1)
        #expect(try kiosk.claim(code: session.token, email: "a@example.com").status == 201)
        #expect(try kiosk.claim(code: session.token, email: "b@example.com").status == 201)
        // The front asks about the code alone: a full code says so before anyone types a name.
        let probe = try kiosk.request("POST", "/api/v1/claims", json: #"{"code":"\#(session.short)"}"#, staff: true)
        #expect(probe.status == 410)
        #expect(probe.errorCode == "code_used_up")
    }
}
