import Foundation
import KioskCore
import KioskStore
import Testing

/// The done page tells a learner who has just finished a programme that its badge is coming too.
@Suite("Claim page: a finished programme is celebrated")
struct ClaimPageProgrammeTests {
    static let days = (1...4).map { "intro-to-work-day-\($0)" }
    static let complete = "intro-to-work-complete"
    static let sentence = "You finished a whole course! You get the “Intro to Work — Complete &amp; Ready” badge too."

    /// A kiosk with the four days, the completion badge (its name needing escaping) and the programme.
    static func kiosk() throws -> TestKiosk {
        try TestKiosk(prepare: { store in
            try store.upsertBadges(days.enumerated().map { Badge(id: $1, name: "Intro to Work — Day \($0 + 1)") }
                + [Badge(id: complete, name: "Intro to Work — Complete & Ready")])
            _ = try store.createProgramme(ProgrammeDraft(name: "Intro to Work", badgeIDs: days, completionBadgeID: complete))
        })
    }

    /// Walks every page of the claim, as a phone would, up to the done page.
    static func claimOnThePage(_ kiosk: TestKiosk, token: String, name: String, email: String,
                               language: String? = nil) throws -> (consent: Reply, done: Reply) {
        let browser = ClaimPageBrowser(kiosk, token: token, language: language)
        let start = try browser.open()
        let signature = try #require(ClaimPageBrowser.signature(in: start))
        let lang = language ?? "en"
        let namePage = try browser.post([("form", signature), ("lang", lang), ("step", "start")])
        let emailPage = try browser.post(ClaimPageBrowser.hiddenFields(in: namePage) + [("name", name)])
        let check = try browser.post(ClaimPageBrowser.hiddenFields(in: emailPage) + [("email", email)])
        let consent = try browser.post(ClaimPageBrowser.hiddenFields(in: check) + [("go", "yes")])
        let done = try browser.post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "yes")])
        return (consent, done)
    }

    @Test func theFourthDayNamesTheCompletionBadgeAndOthersDoNotSeeIt() throws {
        let kiosk = try Self.kiosk()
        let sessions = try Self.days.map { try kiosk.endedSession(badges: [$0]) }
        for session in sessions.prefix(3) {
            #expect(try kiosk.claim(code: session.token, email: "amira@example.com").status == 201)
        }

        let (consent, done) = try Self.claimOnThePage(kiosk, token: sessions[3].token, name: "Amira",
                                                      email: "amira@example.com")
        #expect(done.status == 200)
        #expect(done.text.contains("<h1>Well done, Amira!</h1>"))
        #expect(done.text.contains("<p>\(Self.sentence)</p>"))
        #expect(!done.text.contains(Self.complete), "badge ids never reach the learner")
        #expect(!done.text.contains("Intro to Work — Day 4”"), "the session's own badge is not called a course")

        // Pressing send again answers the same claim, but not the course: anyone who knows the code
        // and the email could send it, and must not learn which sessions the learner came to.
        let again = try ClaimPageBrowser(kiosk, token: sessions[3].token)
            .post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "yes")])
        #expect(again.text.contains("We already have your details."))
        #expect(!again.text.contains(Self.sentence))

        // Olena came only on day 4: the same session, no programme finished, no such sentence.
        let (_, olena) = try Self.claimOnThePage(kiosk, token: sessions[3].token, name: "Olena",
                                                 email: "olena@example.com")
        #expect(olena.status == 200)
        #expect(olena.text.contains("<h1>Well done, Olena!</h1>"))
        #expect(!olena.text.contains("You finished a whole course"))
        #expect(!olena.text.contains("Complete &amp; Ready"))
    }

    @Test func theSentenceIsInTheLearnersLanguage() throws {
        let kiosk = try Self.kiosk()
        let sessions = try Self.days.map { try kiosk.endedSession(badges: [$0]) }
        for session in sessions.prefix(3) {
            #expect(try kiosk.claim(code: session.token, email: "olena@example.com").status == 201)
        }
        let (_, done) = try Self.claimOnThePage(kiosk, token: sessions[3].token, name: "Олена",
                                                email: "olena@example.com", language: "uk")
        #expect(done.text.contains("Ви пройшли весь курс! Ваш значок «Intro to Work — Complete &amp; Ready» теж уже в дорозі."))
    }
}
