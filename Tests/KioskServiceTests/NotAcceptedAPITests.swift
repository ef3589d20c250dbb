import Foundation
import Issuers
import KioskAPI
import KioskCore
import KioskStore
import Testing

/// `GET /api/v1/awards/not-accepted`: who has not accepted their badge after some days, for staff.
@Suite("API: awards not accepted")
struct NotAcceptedAPITests {
    /// Three learners' awards, sent 2, 10 and 40 days ago; the 10-day one the issuer said is not accepted.
    private func kiosk(issuer: IssuerKind? = .obf) throws -> TestKiosk {
        let kiosk = try TestKiosk(configure: { $0.issuer = issuer })
        let session = try kiosk.endedSession()
        for name in ["Amira", "Bogdan", "Chloe"] {
            #expect(try kiosk.claim(code: session.short, name: name, email: "\(name.lowercased())@example.com").status == 201)
        }
        let day: Int64 = 86_400_000
        let now = Timestamp.now().milliseconds
        try kiosk.store.writeAndWait { connection in
            try connection.execute("UPDATE awards SET state = 'sent', issuer_ref = 'E' || id, updated_at = \(now - 2 * day)")
            try connection.execute("""
                UPDATE awards SET updated_at = \(now - 10 * day), acceptance = 'pending', acceptance_checked_at = \(now - day)
                WHERE claim_id = (SELECT id FROM claims WHERE name = 'Bogdan')
                """)
            try connection.execute("""
                UPDATE awards SET updated_at = \(now - 40 * day) WHERE claim_id = (SELECT id FROM claims WHERE name = 'Chloe')
                """)
            // Claimed 40 days ago too, so the retention purge may erase Chloe.
            try connection.execute("UPDATE claims SET created_at = \(now - 40 * day) WHERE name = 'Chloe'")
        }
        return kiosk
    }

    private func list(_ kiosk: TestKiosk, _ query: String = "") throws -> NotAcceptedReply {
        let reply = try kiosk.request("GET", "/api/v1/awards/not-accepted" + query, staff: true)
        #expect(reply.status == 200, "\(reply.text)")
        return try KioskAPI.decode(NotAcceptedReply.self, from: Array(reply.text.utf8))
    }

    @Test func needsTheStaffTokenAndGET() throws {
        let kiosk = try TestKiosk()
        let none = try kiosk.request("GET", "/api/v1/awards/not-accepted")
        #expect(none.status == 401 && none.errorCode == "unauthorized")
        #expect(try kiosk.request("POST", "/api/v1/awards/not-accepted", json: "{}", staff: true).status == 405)
    }

    @Test func daysOutsideOneToAYearOrOtherParametersAreRefusedPlainly() throws {
        let kiosk = try TestKiosk()
        for days in ["0", "366", "-1", "seven", "7.5", "", "%FF", "99999999999999999999"] {
            let reply = try kiosk.request("GET", "/api/v1/awards/not-accepted?days=\(days)", staff: true)
            #expect(reply.status == 400, "\(days)")
            #expect(reply.errorCode == "days_invalid", "\(days): \(reply.text)")
            #expect(reply.errorMessage?.contains("1 to 365") == true, "\(reply.text)")
        }
        let other = try kiosk.request("GET", "/api/v1/awards/not-accepted?day=7", staff: true)
        #expect(other.status == 400 && other.errorCode == "unknown_parameter")
        #expect(try kiosk.request("GET", "/api/v1/awards/not-accepted?days=1", staff: true).status == 200)
        #expect(try kiosk.request("GET", "/api/v1/awards/not-accepted?days=365", staff: true).status == 200)
    }

    @Test func listsWhoHasNotAcceptedAfterTheDaysNewestFirstWithTheNextStep() throws {
        let kiosk = try kiosk()
        let week = try list(kiosk)
        #expect(week.days == 7 && week.issuer == "obf" && !week.canResend && !week.more)
        #expect(week.nextStep.contains("Open Badge Factory's API cannot send the email again"))
        #expect(week.awards.map(\.name) == ["Bogdan", "Chloe"])
        let bogdan = week.awards[0]
        #expect(bogdan.email == "bogdan@example.com" && !bogdan.erased && bogdan.badge == "intro-day-1")
        #expect(bogdan.badgeName == "Intro to Work — Day 1" && bogdan.sessionTitle == "Day 1")
        #expect(bogdan.daysSince == 10 && bogdan.answer == "not_accepted" && bogdan.lastAskedAt != nil)
        #expect(bogdan.sentDay == ReportPeriod.day(of: Timestamp(bogdan.sentAt)))
        #expect(week.awards[1].daysSince == 40 && week.awards[1].answer == "not_known" && week.awards[1].lastAskedAt == nil)
        #expect(try list(kiosk, "?days=1").awards.map(\.name) == ["Amira", "Bogdan", "Chloe"])
        #expect(try list(kiosk, "?days=30").awards.map(\.name) == ["Chloe"])
        #expect(try list(kiosk, "?days=365").awards.isEmpty)
    }

    @Test func afterThePurgeWhatIsLeftIsListedAndSaidToBeErased() throws {
        let kiosk = try kiosk(issuer: .badgr)
        #expect(try kiosk.store.purgePersonalData(olderThanDays: 30, at: .now()) == 1)
        let reply = try kiosk.request("GET", "/api/v1/awards/not-accepted?days=30", staff: true)
        #expect(!reply.text.contains("chloe"), "nothing erased comes back")
        let listed = try KioskAPI.decode(NotAcceptedReply.self, from: Array(reply.text.utf8))
        let chloe = try #require(listed.awards.first)
        #expect(listed.awards.count == 1 && chloe.erased && chloe.name == nil && chloe.email == nil)
        #expect(chloe.badge == "intro-day-1" && chloe.daysSince == 40)
        #expect(listed.issuer == "badgr" && listed.nextStep.contains("Badgr's API cannot send the email again"))
    }

    @Test func withNoIssuerItSaysSo() throws {
        let reply = try list(try kiosk(issuer: nil))
        #expect(reply.issuer == nil && !reply.canResend && reply.nextStep == "No issuer is configured, so no issuer can send the email again.")
    }
}
