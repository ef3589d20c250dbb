import Foundation
import KioskCore
import KioskStore
import Testing

/// A learner who adds their email at `/e/` days after the session is told which badges it brings: the
/// session's, and a programme's completion badge when this email finishes one.
@Suite("Claim page: the done page at /e/ names the badges the email brings")
struct ClaimPageLaterBadgesTests {
    static let dayFour = #"<p class="big">Intro to Work — Day 4</p>"#

    /// Adds `email` to the only waiting claim through the pages at `/e/`, as a phone would: its done page.
    static func addOnThePage(_ kiosk: TestKiosk, email: String, language: String? = nil) throws -> Reply {
        let browser = ClaimPageBrowser(kiosk, laterCode: try ClaimPageLaterTests.laterCode(kiosk), language: language)
        let emailPage = try browser.open()
        let check = try browser.post(ClaimPageBrowser.hiddenFields(in: emailPage) + [("email", email)])
        let consent = try browser.post(ClaimPageBrowser.hiddenFields(in: check) + [("go", "yes")])
        return try browser.post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "yes")])
    }

    /// The badge ids queued for `email`, in the order the store hands them to the forwarder.
    static func queued(_ kiosk: TestKiosk, for email: String) throws -> Set<String> {
        Set(try kiosk.store.takeDueAwards(limit: 20, now: .now()).filter { $0.email == email }.map(\.badgeID))
    }

    @Test func theEmailThatFinishesTheCourseNamesTheDayAndTheCompletionBadge() throws {
        let kiosk = try ClaimPageProgrammeTests.kiosk()
        let sessions = try ClaimPageProgrammeTests.days.map { try kiosk.endedSession(badges: [$0]) }
        for session in sessions.prefix(3) {
            #expect(try kiosk.claim(code: session.token, email: "amira@example.com").status == 201)
        }
        _ = try ClaimPageLaterTests.keep(kiosk, token: sessions[3].token)

        let done = try Self.addOnThePage(kiosk, email: "amira@example.com")
        #expect(done.status == 200)
        #expect(done.text.contains("<h1>Well done, Amira!</h1>"))
        #expect(done.text.contains("<p>We are sending your badge now.</p>\(Self.dayFour)<p>\(ClaimPageProgrammeTests.sentence)</p>"))
        #expect(!done.text.contains(ClaimPageProgrammeTests.complete), "badge ids never reach the learner")
        #expect(try Self.queued(kiosk, for: "amira@example.com").isSuperset(of: ["intro-to-work-day-4", ClaimPageProgrammeTests.complete]))
    }

    @Test func anEmailThatFinishesNoCourseNamesTheDayAlone() throws {
        let kiosk = try ClaimPageProgrammeTests.kiosk()
        let sessions = try ClaimPageProgrammeTests.days.map { try kiosk.endedSession(badges: [$0]) }
        // Amira came on days 1 to 3 with another email: the course is hers, not Olena's.
        for session in sessions.prefix(3) {
            #expect(try kiosk.claim(code: session.token, email: "amira@example.com").status == 201)
        }
        _ = try ClaimPageLaterTests.keep(kiosk, token: sessions[3].token, name: "Olena")

        let done = try Self.addOnThePage(kiosk, email: "olena@example.com")
        #expect(done.status == 200)
        #expect(done.text.contains("<h1>Well done, Olena!</h1>"))
        #expect(done.text.contains(Self.dayFour))
        #expect(!done.text.contains("You finished a whole course"))
        #expect(!done.text.contains("Complete &amp; Ready"))
        #expect(try Self.queued(kiosk, for: "olena@example.com") == ["intro-to-work-day-4"])
    }

    @Test func anEmailThatHadClaimedTheDayNamesItAndNoCourse() throws {
        let kiosk = try ClaimPageProgrammeTests.kiosk()
        let sessions = try ClaimPageProgrammeTests.days.map { try kiosk.endedSession(badges: [$0]) }
        for session in sessions {
            #expect(try kiosk.claim(code: session.token, email: "amira@example.com").status == 201)
        }
        _ = try ClaimPageLaterTests.keep(kiosk, token: sessions[3].token)

        let done = try Self.addOnThePage(kiosk, email: "amira@example.com")
        #expect(done.text.contains("It is already on its way there."))
        #expect(done.text.contains(Self.dayFour))
        #expect(!done.text.contains("You finished a whole course"), "the course came with the earlier claim")
    }

    @Test func theBadgesAreNamedInTheLearnersLanguage() throws {
        let kiosk = try ClaimPageProgrammeTests.kiosk()
        let sessions = try ClaimPageProgrammeTests.days.map { try kiosk.endedSession(badges: [$0]) }
        for session in sessions.prefix(3) {
            #expect(try kiosk.claim(code: session.token, email: "olena@example.com").status == 201)
        }
        _ = try ClaimPageLaterTests.keep(kiosk, token: sessions[3].token, name: "Олена", language: "uk")
        let done = try Self.addOnThePage(kiosk, email: "olena@example.com", language: "uk")
        #expect(done.text.contains(#"<html lang="uk""#))
        #expect(done.text.contains(Self.dayFour))
        #expect(done.text.contains("Ви пройшли весь курс! Ваш значок «Intro to Work — Complete &amp; Ready» теж уже в дорозі."))
    }
}
