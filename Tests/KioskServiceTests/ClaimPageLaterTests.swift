import Foundation
import HTTPCore
import KioskCore
import KioskStore
import Testing
@testable import KioskService

/// A learner with no email claims from the phone now, keeps a code, and adds the email at `/e/{code}`
/// later (docs/ARCHITECTURE.md §4.8), all through the real service and store.
@Suite("Claim page: no email yet, claim now and add it at /e/")
struct ClaimPageLaterTests {
    /// The pages a learner with no email sees: the email question, consent after "I do not have an
    /// email address", and the page after Yes.
    struct Kept {
        var email: Reply
        var consent: Reply
        var kept: Reply
    }

    static func keep(_ kiosk: TestKiosk, token: String, name: String = "Amira", language: String? = nil) throws -> Kept {
        let browser = ClaimPageBrowser(kiosk, token: token, language: language)
        let signature = try browser.openForm()
        let email = try browser.post([("form", signature), ("step", "name"), ("name", name)])
        let consent = try browser.post(ClaimPageBrowser.hiddenFields(in: email) + [("go", "later")])
        let kept = try browser.post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "yes")])
        return Kept(email: email, consent: consent, kept: kept)
    }

    /// The code as the kept page shows it.
    static func shownCode(in page: Reply) -> String? {
        guard let range = page.text.range(of: #"<span class="kept" dir="ltr">"#) else { return nil }
        return String(page.text[range.upperBound...].prefix { $0 != "<" })
    }

    /// The only waiting claim's later code, undashed.
    static func laterCode(_ kiosk: TestKiosk) throws -> String {
        let waiting = try kiosk.store.waitingClaims()
        try #require(waiting.count == 1)
        return waiting[0].laterCode
    }

    @Test func theEmailStepOffersNoEmailAndConsentThenSaysOnlyTheNameIsKept() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let email = try browser.post([("form", signature), ("step", "name"), ("name", "Amira")])
        let none = #"<button class="button second" name="go" value="later">I do not have an email address</button>"#
        let continueAt = try #require(email.text.range(of: #"<button class="button">Continue</button>"#))
        let noneAt = try #require(email.text.range(of: none))
        #expect(continueAt.upperBound <= noneAt.lowerBound, "Continue stays the main button, and Enter presses it")

        let consent = try browser.post(ClaimPageBrowser.hiddenFields(in: email) + [("go", "later"), ("email", "typed then left")])
        #expect(consent.status == 200)
        #expect(consent.text.contains("<h1>Can we keep your name?</h1>"))
        #expect(consent.text.contains("We will keep your first name here, with your badge."))
        #expect(!consent.text.contains("We will send your name and email to"))
        #expect(consent.text.contains(#"<dd>None yet — you can add it later<button class="link" name="go" value="changeEmail">"#))
        #expect(consent.text.contains(#"<dd>Amira<button class="link" name="go" value="changeName">"#))
        #expect(consent.text.contains(#"<input type="hidden" name="later" value="1">"#))
        #expect(!consent.text.contains("typed then left"))
        #expect(consent.text.contains("Yes, keep my badge for me"))
        #expect(consent.text.contains(#"<input type="hidden" name="view" value="email">"#), "Back skips the email check")

        // Change the email after all: the email page asks again, and the usual steps follow.
        let again = try browser.post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "changeEmail")])
        #expect(again.text.contains(#"<label for="email">What is your email address?</label>"#))
        #expect(!ClaimPageBrowser.hiddenFields(in: again).contains { $0.0 == "later" }, "its form leaves the choice to its buttons")
        let check = try browser.post(ClaimPageBrowser.hiddenFields(in: again) + [("email", "amira@example.com")])
        #expect(check.text.contains("Is this your email address?"))
        let usual = try browser.post(ClaimPageBrowser.hiddenFields(in: check) + [("go", "yes")])
        #expect(usual.text.contains("Can we share your name and email?"))
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).isEmpty, "nothing is stored before Yes")
    }

    @Test func aClaimWithNoEmailIsKeptAndItsCodeShownLarge() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let kept = try Self.keep(kiosk, token: session.token).kept
        #expect(kept.status == 200)
        let waiting = try kiosk.store.waitingClaims()
        #expect(waiting.map(\.name) == ["Amira"])
        let code = try Self.laterCode(kiosk)
        #expect(code.count == ShortCode.laterLength)
        #expect(Self.shownCode(in: kept) == ShortCode.display(code))
        #expect(kept.text.contains("<h1>Well done, Amira!</h1>"))
        #expect(kept.text.contains("Your badge is kept for you."))
        #expect(kept.text.contains("Take a photo of this code, or write it down."))
        #expect(kept.text.contains(#"<span dir="ltr">http://127.0.0.1:\#(TestKiosk.inMemoryPort)/e/\#(code)</span>"#))
        #expect(kept.text.contains("Or go to http://127.0.0.1:\(TestKiosk.inMemoryPort) and type your code."))
        #expect(kept.text.contains("Or ask a volunteer to help you."))
        #expect(!kept.text.contains("<nav"), "no language switch: sending again would keep a second badge")
        #expect(!kept.text.contains("<script"))
        // The code is never broken across lines.
        let rule = try #require("\(Stylesheet.css)".components(separatedBy: ".kept{").dropFirst().first)
        #expect(rule.prefix { $0 != "}" }.contains("white-space:nowrap"))

        // Stored, with its awards waiting: nothing goes to the issuer without an email.
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).map(\.email) == [""])
        #expect(try kiosk.store.takeDueAwards(limit: 5, now: .now()).isEmpty)
        #expect(try kiosk.request("GET", "/api/v1/outbox", staff: true).object("counts")?["waiting"] as? Int == 1)
    }

    @Test func theCodeAddsTheEmailAtEOnceThroughTheSameSteps() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        _ = try Self.keep(kiosk, token: session.token)
        let code = try Self.laterCode(kiosk)
        let browser = ClaimPageBrowser(kiosk, laterCode: code)
        let start = try browser.open()
        #expect(start.status == 200)
        #expect(start.text.contains(#"<h1><label for="email">Add your email to collect your badge</label></h1>"#))
        #expect(start.text.contains("Hello, Amira. Your badge for “Day 1” is kept for you."))
        #expect(start.text.contains("Step 1 of 3"))
        #expect(start.text.contains(#"type="email" inputmode="email" autocomplete="email""#))
        #expect(!start.text.contains(#"value="later""#), "no way to skip the email here")
        #expect(!start.text.contains(#"class="back""#))
        let signature = try #require(ClaimPageBrowser.signature(in: start))
        let refused = try browser.post([("form", signature), ("step", "email"), ("email", "amira at gmail")])
        #expect(refused.text.contains(#"id="email-error""#) && refused.text.contains(#"value="amira at gmail""#))
        #expect(!refused.text.contains("is kept for you"), "the error takes the lead's place: Continue stays above the fold")

        // The name is the one the badge is kept under, whatever a form says.
        let check = try browser.post([("form", signature), ("step", "email"), ("email", "amira@gmial.com"), ("name", "Mallory")])
        #expect(check.text.contains("This might have a mistake. Did you mean:"))
        #expect(check.text.contains("Step 2 of 3"))
        let consent = try browser.post(ClaimPageBrowser.hiddenFields(in: check) + [("go", "suggestion")])
        #expect(consent.text.contains("Step 3 of 3"))
        #expect(consent.text.contains("Can we share your name and email?"))
        #expect(consent.text.contains("<dd>Amira</dd>"), "no Change for the name")
        #expect(consent.text.contains(#"value="changeEmail""#))
        #expect(!consent.text.contains("Mallory"))

        let done = try browser.post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "yes")])
        #expect(done.status == 200)
        #expect(done.text.contains("<h1>Well done, Amira!</h1>"))
        #expect(done.text.contains(#"<span class="email" dir="ltr">amira@<wbr>gmail.<wbr>com</span>"#))
        #expect(!done.text.contains("<nav"), "the code is spent: a language switch could only say so")
        #expect(try kiosk.store.waitingClaims().isEmpty)
        #expect(try kiosk.store.takeDueAwards(limit: 5, now: .now()).map(\.email) == ["amira@gmail.com"])
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).map(\.name) == ["Amira"])

        // It works once: the code field again, saying so.
        let twice = try browser.post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "yes")])
        #expect(twice.status == 404)
        #expect(twice.text.contains("We do not know that code, or it was used already. Check it and type it again."))
        #expect(twice.text.contains(#"id="code" name="code""#))
        #expect(try browser.open().status == 404)
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).count == 1)
    }

    @Test func anEmailThatHadClaimedAlreadyIsToldTheBadgeIsOnItsWayThere() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        #expect(try kiosk.claim(code: session.short, email: "amira@example.com").status == 201)
        _ = try Self.keep(kiosk, token: session.token)
        let browser = ClaimPageBrowser(kiosk, laterCode: try Self.laterCode(kiosk))
        let signature = try browser.openForm()
        let done = try browser.post([("form", signature), ("email", "amira@example.com"), ("step", "consent"), ("go", "yes")])
        #expect(done.status == 200)
        #expect(done.text.contains("You collected this badge with this email before. It is already on its way there."))
        #expect(done.text.contains(#"<span class="email" dir="ltr">amira@<wbr>example.<wbr>com</span>"#))
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).count == 1, "folded into the earlier claim")
        #expect(try kiosk.store.waitingClaims().isEmpty)
    }

    @Test func sayingNoAtEKeepsTheBadgeWaiting() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        _ = try Self.keep(kiosk, token: session.token)
        let browser = ClaimPageBrowser(kiosk, laterCode: try Self.laterCode(kiosk))
        let signature = try browser.openForm()
        let declined = try browser.post([("form", signature), ("email", "amira@example.com"), ("step", "consent"), ("go", "no")])
        #expect(declined.text.contains("Your badge is still kept for you, so you can come back later."))
        #expect(try kiosk.store.waitingClaims().count == 1)
    }

    @Test func aLaterCodeTypedAtTheHomePageGoesOnToE() throws {
        let kiosk = try TestKiosk()
        #expect(try kiosk.request("GET", "/").text.contains("Is your badge kept for you? You can type that code here too."))
        let session = try kiosk.endedSession()
        _ = try Self.keep(kiosk, token: session.token)
        let code = try Self.laterCode(kiosk)
        let typed = ShortCode.display(code).lowercased().replacingOccurrences(of: "-", with: " ")
        let answer = try kiosk.request("GET", "/c?code=\(FormEncoding.encode(typed))&lang=pl")
        #expect(answer.status == 303)
        #expect(answer.headers["Location"] == "/e/\(code)?lang=pl")
        let page = try kiosk.request("GET", try #require(answer.headers["Location"]))
        #expect(page.status == 200)
        #expect(page.text.contains("Dodaj adres e-mail, aby odebrać odznakę"))
        // The session's own 6-character code still goes to its claim page.
        let short = try kiosk.request("GET", "/c?code=\(session.short)")
        #expect(short.headers["Location"]?.hasPrefix("/c/") == true)
        let wrong = try kiosk.request("GET", "/c?code=ZZZ-ZZZ-ZZ")
        #expect(wrong.status == 404)
        #expect(wrong.text.contains(#"value="ZZZ-ZZZ-ZZ""#))
    }

    @Test func wrongCodesAtEGetTheFieldAgainThenMeetTheGuessingLimit() throws {
        let kiosk = try TestKiosk(configure: { $0.maxFailedCodeAttempts = 3 })
        let bare = try kiosk.request("GET", "/e/")
        #expect(bare.status == 200 && bare.text.contains(#"id="code" name="code""#), "no code yet: the field for one")
        #expect(!bare.text.contains("There is a problem"))
        for guess in ["AAAAAAAA", "BBB-BBB-BB", "CCCCCCCC"] {
            let page = try kiosk.request("GET", "/e/\(guess)")
            #expect(page.status == 404)
            #expect(page.text.contains(#"<form method="get" action="/c""#))
            #expect(page.text.contains(#"value="\#(guess)""#))
        }
        let limited = try kiosk.request("GET", "/e/DDDDDDDD")
        #expect(limited.status == 429)
        #expect(limited.text.contains("<h1>Please wait a few minutes</h1>"))
        #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 > 0)
    }

    @Test func aClaimPagesFormIsRefusedAtE() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        _ = try Self.keep(kiosk, token: session.token)
        let claimSignature = try ClaimPageBrowser(kiosk, token: session.token).openForm()
        let browser = ClaimPageBrowser(kiosk, laterCode: try Self.laterCode(kiosk))
        let forged = try browser.post([("form", claimSignature), ("email", "mallory@example.com"), ("step", "consent"), ("go", "yes")])
        #expect(forged.status == 403)
        #expect(forged.text.contains("<h1>Please start again</h1>"))
        #expect(try kiosk.store.waitingClaims().count == 1)
    }

    @Test func hostileNamesAndTitlesAreEscaped() throws {
        let attack = #"<img src=x onerror=alert(1)>"&'"#
        let kiosk = try TestKiosk()
        let created = try kiosk.request("POST", "/api/v1/sessions", json: #"{"title":"<script>x</script>","badges":["intro-day-1"],"expected":3}"#, staff: true)
        let id = try #require(created.object("session")?["id"] as? Int)
        let token = try #require(try kiosk.request("POST", "/api/v1/sessions/\(id)/end", staff: true).object("code")?["token"] as? String)
        let pages = try Self.keep(kiosk, token: token, name: "Amira \(attack)")
        let later = try ClaimPageBrowser(kiosk, laterCode: try Self.laterCode(kiosk)).open()
        #expect(later.status == 200)
        for page in [pages.consent, pages.kept, later] {
            #expect(!page.text.contains("<img"))
            #expect(!page.text.contains("<script>x"))
            #expect(page.text.contains("Amira &lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;"))
        }
        #expect(later.text.contains("&lt;script&gt;x&lt;/script&gt;"))
    }

    @Test func theWordsArePolishUkrainianAndArabicToo() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let polish = try Self.keep(kiosk, token: session.token, language: "pl")
        #expect(polish.email.text.contains(">Nie mam adresu e-mail</button>"))
        #expect(polish.consent.text.contains("<h1>Czy możemy zapisać Twoje imię?</h1>"))
        #expect(polish.consent.text.contains("Jeszcze brak — możesz go dodać później"))
        #expect(polish.kept.text.contains("Twoja odznaka czeka na Ciebie."))
        #expect(polish.kept.text.contains("Zrób zdjęcie tego kodu albo go zapisz."))
        let code = try Self.laterCode(kiosk)
        let ukrainian = try ClaimPageBrowser(kiosk, laterCode: code, language: "uk").open()
        #expect(ukrainian.text.contains("Додайте електронну пошту, щоб отримати значок"))
        #expect(ukrainian.text.contains("Вітаємо, Amira! Ваш значок за заняття «Day 1» чекає на вас."))

        let arabic = try Self.keep(kiosk, token: session.token, name: "أمل", language: "ar").kept
        #expect(arabic.text.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(arabic.text.contains("شارتك محفوظة لك."))
        #expect(Self.shownCode(in: arabic)?.count == 10, "the code keeps its own left-to-right span")
    }

    @Test func theJourneysNumberTheirStepsAndOnlyANewClaimMaySkipTheEmail() throws {
        let journey = ClaimJourney.addEmail(sessionTitle: "Day 1")
        #expect(journey.steps == [.email, .check, .consent])
        #expect([ClaimStep.email, .check, .consent].map(journey.number(of:)) == [1, 2, 3])
        #expect(journey.questionCount == 3 && ClaimJourney.claim.questionCount == 4)
        #expect(ClaimJourney.claim.number(of: .start) == nil && ClaimJourney.claim.number(of: .consent) == 4)
        #expect(journey.previous(.email) == nil && ClaimJourney.claim.previous(.email) == .name)

        var form = ClaimForm()
        (form.name, form.step, form.choice, form.later) = ("Amira", "consent", "yes", true)
        #expect(ClaimFlow.next(after: &form) == .submit(try Claimant(name: "Amira", consent: true)))
        // At `/e/` a forged `later` is ignored: the last step still needs the email.
        var forged = ClaimForm()
        (forged.name, forged.step, forged.choice, forged.later) = ("Amira", "consent", "yes", true)
        guard case .show(.email, let error?) = ClaimFlow.next(after: &forged, in: journey) else {
            Issue.record("a claim at /e/ must never go on without an email")
            return
        }
        #expect(error.code == "email_missing")
        (forged.step, forged.choice, forged.email) = ("email", "later", "amira@example.com")
        #expect(ClaimFlow.next(after: &forged, in: journey) == .show(.check, nil))
    }
}
