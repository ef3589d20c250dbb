import Foundation
import KioskCore
import KioskStore
import Testing
@testable import KioskService

@Suite("Claim page: every step over loopback")
struct ClaimPageFlowTests {
    @Test func startPageShowsBadgeSessionVenueAndCriteria() throws {
        let kiosk = try TestKiosk { $0.venueName = "Riverside Community Hall" }
        let session = try kiosk.endedSession(badges: ["intro-day-1", "intro-day-2"])
        let page = try ClaimPageBrowser(kiosk, token: session.token).open()
        #expect(page.status == 200)
        #expect(page.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"))
        #expect(page.text.contains("<h1>Collect your badge</h1>"))
        #expect(page.text.contains("Riverside Community Hall"))
        #expect(page.text.contains("You took part in “Day 1” at Riverside Community Hall."))
        #expect(page.text.contains("Intro to Work — Day 1") && page.text.contains("Intro to Work — Day 2"))
        #expect(page.text.contains("<summary>What you did to earn it</summary><p>Motivation and job habits</p>"))
        #expect(!page.text.contains(session.token), "the token stays in the address bar, not in the page")
        #expect(!page.text.contains("<script"))
    }

    @Test func aWholeClaimStepByStepIsStoredOnce() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let start = try browser.open()
        let signature = try #require(ClaimPageBrowser.signature(in: start))

        let name = try browser.post([("form", signature), ("lang", "en"), ("step", "start")])
        #expect(name.text.contains(#"<h1><label for="name">What is your first name?</label></h1>"#))
        #expect(name.text.contains(#"autocomplete="given-name""#))
        #expect(name.text.contains("Step 1 of 4"))

        let email = try browser.post(ClaimPageBrowser.hiddenFields(in: name) + [("name", "Amira")])
        #expect(email.text.contains(#"<label for="email">What is your email address?</label>"#))
        #expect(email.text.contains(#"type="email" inputmode="email" autocomplete="email""#))
        #expect(email.text.contains("Step 2 of 4"))

        let check = try browser.post(ClaimPageBrowser.hiddenFields(in: email) + [("email", " Amira@Example.COM ")])
        #expect(check.text.contains("Is this your email address?"))
        #expect(check.text.contains(#"<p class="big"><span class="email" dir="ltr">amira@<wbr>example.<wbr>com</span></p>"#))
        #expect(!check.text.contains("Did you mean"))

        let consent = try browser.post(ClaimPageBrowser.hiddenFields(in: check) + [("go", "yes")])
        #expect(consent.text.contains("We will send your name and email to Open\u{00A0}Badge\u{00A0}Factory, the website that makes badges."))
        #expect(consent.text.contains("<dd>Amira<button class=\"link\""))

        let done = try browser.post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "yes")])
        #expect(done.status == 200)
        #expect(done.text.contains("<h1>Well done, Amira!</h1>"))
        #expect(done.text.contains("Look for an email from Open\u{00A0}Badge\u{00A0}Factory."))
        #expect(done.text.contains("What happens next"))
        #expect(!done.text.contains("We already have your details"))
        let claims = try kiosk.store.claims(sessionID: Int64(session.id))
        #expect(claims.map(\.email) == ["amira@example.com"])
        #expect(claims.map(\.name) == ["Amira"])

        // Pressing the button twice, or going back and sending again: the same claim, said kindly.
        let again = try browser.post(ClaimPageBrowser.hiddenFields(in: consent) + [("go", "yes")])
        #expect(again.status == 200)
        #expect(again.text.contains("We already have your details. You do not need to do this again."))
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).count == 1)
    }

    @Test func theSameLearnerThroughTheAPIAndThePageIsOneClaim() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        #expect(try kiosk.claim(code: session.short).status == 201)
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let done = try browser.post([("form", signature), ("name", "Amira"), ("email", "AMIRA@example.com"),
                                     ("step", "consent"), ("go", "yes")])
        #expect(done.text.contains("We already have your details"))
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).count == 1)
    }

    @Test func backKeepsWhatWasTyped() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let answers = [("form", signature), ("name", "Amira"), ("email", "amira@example.com")]
        let consent = try browser.post(answers + [("step", "check"), ("go", "yes")])
        #expect(consent.text.contains(#"<button class="back">Back</button>"#))
        // The back form carries the answers and asks for the step before.
        let backToCheck = try browser.post(answers + [("step", "show"), ("view", "check")])
        #expect(backToCheck.text.contains("Is this your email address?"))
        let backToEmail = try browser.post(answers + [("step", "check"), ("go", "change")])
        #expect(backToEmail.text.contains(#"value="amira@example.com""#))
        let backToName = try browser.post(answers + [("step", "show"), ("view", "name")])
        #expect(backToName.text.contains(#"id="name" name="name""#))
        #expect(backToName.text.contains(#"value="Amira""#))
        #expect(backToName.text.contains(#"<input type="hidden" name="email" value="amira@example.com">"#))
        let backToStart = try browser.post(answers + [("step", "show"), ("view", "start")])
        #expect(backToStart.text.contains("<h1>Collect your badge</h1>"))
        #expect(backToStart.text.contains(#"<input type="hidden" name="name" value="Amira">"#))
    }

    @Test func typoSuggestionIsOfferedAndUsed() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let check = try browser.post([("form", signature), ("name", "Amira"), ("email", "amira@gmial.com"), ("step", "email")])
        #expect(check.text.contains("This might have a mistake. Did you mean:"))
        #expect(check.text.contains("Yes, use amira@gmail.com"))
        // What changed is marked, and the address wraps only after its @ and dots.
        #expect(check.text.contains(#"<span class="email" dir="ltr">amira@<wbr>gm<mark>ai</mark>l.<wbr>com</span>"#))
        #expect(check.text.contains("No, keep amira@gmial.com"))
        let consent = try browser.post(ClaimPageBrowser.hiddenFields(in: check) + [("go", "suggestion")])
        #expect(consent.text.contains("<dd><span class=\"email\" dir=\"ltr\">amira@<wbr>gmail.<wbr>com</span><button class=\"link\""))
    }

    @Test func spacesAreTakenOutAsAtTheKiosk() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let check = try browser.post([("form", signature), ("name", "Amira"), ("email", "amira @gmail. com"), ("step", "email")])
        #expect(check.text.contains("Is this your email address?"))
        #expect(check.text.contains(#"<p class="big"><span class="email" dir="ltr">amira@<wbr>gmail.<wbr>com</span></p>"#))
    }

    @Test func sayingNoSendsNothingAndBackReturnsToTheQuestion() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let declined = try browser.post([("form", signature), ("name", "Amira"), ("email", "amira@example.com"),
                                         ("step", "consent"), ("go", "no")])
        #expect(declined.text.contains("We have not sent your badge"))
        #expect(declined.text.contains(#"<input type="hidden" name="view" value="consent">"#))
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).isEmpty)
    }

    @Test(arguments: [
        ("name", "", "Type your first name."),
        ("name", String(repeating: "a", count: 101), "Your name is too long. Use 100 letters or fewer."),
        ("name", "Ami\u{202E}ra", "Your name has a sign we cannot use. Type it with letters."),
        ("email", "", "Type your email address."),
        ("email", "amira@example", "Type your email address like this: name@example.com"),
        ("email", "amira at example", "Your email address needs an @, like this: name@example.com"),
    ])
    func fieldErrorsSayHowToFixThem(field: String, value: String, message: String) throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        var fields = [("form", signature), ("step", field), (field, value)]
        if field == "email" { fields.append(("name", "Amira")) }
        let page = try browser.post(fields)
        #expect(page.status == 200)
        #expect(page.text.contains("<title>Error: "))
        #expect(page.text.contains(#"<div class="errors" role="alert"><h2>There is a problem</h2>"#))
        #expect(page.text.contains("<a href=\"#\(field)\">\(message)</a>"))
        #expect(page.text.contains(#"<p class="error" id="\#(field)-error"><span class="vh">Error: </span>\#(message)</p>"#))
        #expect(page.text.contains(#"aria-describedby="\#(field)-hint \#(field)-error""#))
        #expect(page.text.contains(#"aria-invalid="true""#))
    }
}
