import Foundation
import Testing
@testable import KioskService

/// The phone's done page offers "Well done" with the first name on the kiosk's screen: a small
/// form, signed like the page's others, that says yes with the claim's key.
@Suite("Claim page: the first name on the kiosk's screen")
struct ClaimPageCelebrateTests {
    /// A whole claim through the page: the done page.
    static func done(_ browser: ClaimPageBrowser, name: String = "Amira", language: String = "en") throws -> Reply {
        let signature = try browser.openForm()
        return try browser.post([("form", signature), ("lang", language), ("name", name), ("email", "amira@example.com"),
                                 ("step", "consent"), ("go", "yes")])
    }

    static func shownNames(_ kiosk: TestKiosk) throws -> [String] {
        let lines = try kiosk.request("GET", "/api/v1/celebrations", staff: true).json["celebrations"] as? [[String: Any]] ?? []
        return lines.compactMap { $0["name"] as? String }
    }

    @Test func theDonePagesButtonPutsTheEscapedFirstNameOnTheScreen() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let done = try Self.done(browser, name: "<b>Amira Khan")
        #expect(done.status == 200)
        #expect(done.text.contains("Yes, show “Well done, &lt;b&gt;Amira!”"))
        #expect(!done.text.contains("<b>Amira"))
        let fields = ClaimPageBrowser.hiddenFields(in: done)
        #expect(fields.contains { $0 == ("step", "celebrate") })
        let key = try #require(fields.first { $0.0 == "celebrate" }?.1)
        #expect(key.count == 16)
        #expect(try Self.shownNames(kiosk).isEmpty, "nothing shows until the learner presses the button")

        let yes = try browser.post(fields)
        #expect(yes.status == 200)
        #expect(ClaimPageBrowser.unescape(yes.text).contains("Look at the kiosk's screen"))
        #expect(try Self.shownNames(kiosk) == ["<b>Amira"])
    }

    @Test func aStaleOrCrossSiteFormShowsNothing() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let fields = ClaimPageBrowser.hiddenFields(in: try Self.done(browser))
        let forged = fields.map { $0.0 == "form" ? ("form", "0123456789abcdef0123456789abcdef") : $0 }
        #expect(try browser.post(forged).status == 403)
        #expect(try browser.post(fields, headers: [("Sec-Fetch-Site", "cross-site")]).status == 403)
        #expect(try Self.shownNames(kiosk).isEmpty)
    }

    @Test func changingLanguageKeepsTheChoice() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let done = try Self.done(browser)
        let switcher = try #require(done.text.components(separatedBy: "<form").first { $0.contains(#"class="langs""#) })
        #expect(switcher.contains(#"name="celebrate""#))
        let fields = ClaimPageBrowser.hiddenFields(in: done).filter { $0.0 != "step" && $0.0 != "lang" }
        let polish = try browser.post(fields + [("step", "consent"), ("go", "yes"), ("lang", "pl")])
        #expect(polish.text.contains("Tak, pokaż „Brawo! Amira”"))
        let yes = try browser.post(ClaimPageBrowser.hiddenFields(in: polish))
        #expect(yes.text.contains("Spójrz na ekran kiosku"))
        #expect(try Self.shownNames(kiosk) == ["Amira"])
    }

    @Test func withNamesOffThereIsNoButtonAndAForgedYesIsRefused() throws {
        let kiosk = try TestKiosk(configure: { $0.celebrateNames = false })
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let done = try Self.done(browser)
        #expect(done.status == 200)
        #expect(!done.text.contains("celebrate"))
        let signature = try #require(ClaimPageBrowser.signature(in: done))
        let yes = try browser.post([("form", signature), ("step", "celebrate"), ("celebrate", "AAAAAAAAAAAAAAAA")])
        #expect(yes.status == 409)
        #expect(yes.text.contains("We cannot show your name now"))
    }

    @Test func onlyANewClaimsJourneyTurnsTheFormIntoAYes() {
        var form = ClaimForm(body: Array("step=celebrate&celebrate=k3y&name=Amira".utf8))
        #expect(ClaimFlow.next(after: &form) == .celebrate(key: "k3y"))
        var keyless = ClaimForm(body: Array("step=celebrate&name=Amira".utf8))
        #expect(ClaimFlow.next(after: &keyless) == .show(.start, nil))
        var later = ClaimForm(body: Array("step=celebrate&celebrate=k3y".utf8))
        #expect(ClaimFlow.next(after: &later, in: .addEmail(sessionTitle: "Day 1")) == .show(.email, nil))
    }

    @Test func anUnknownKeyIsTooLate() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let yes = try browser.post([("form", signature), ("step", "celebrate"), ("celebrate", "AAAAAAAAAAAAAAAA")])
        #expect(yes.status == 404)
        #expect(yes.text.contains("It is too late"))
    }
}
