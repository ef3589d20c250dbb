import Foundation
import Testing
import KioskCore
@testable import KioskService

/// What a learner types, refused at the scalar level over the real API and claim page.
@Suite("Input rules over loopback")
struct InputRulesTests {
    @Test(arguments: [
        ("A" + String(repeating: "\u{0301}", count: 30_000), "name_too_long"),
        ("Zo" + String(repeating: "\u{0308}", count: 7), "name_invalid"),
        ("\u{200B}\u{200C}", "name_invalid"),
        ("\u{3164}\u{3164}", "name_invalid"),
        ("12345", "name_invalid"),
    ])
    func namesThatWouldShowAsSomethingElseAreRefused(name: String, code: String) throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let reply = try kiosk.phone(2).claim(code: session.token, name: name, email: "x@example.com")
        #expect(reply.status == 400)
        #expect(reply.errorCode == code)
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).isEmpty)
    }

    @Test func anAngleBracketWithAJoinerIsRefusedInAnEmail() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let reply = try kiosk.phone(2).claim(code: session.token, email: "a<\u{200D}b@example.com")
        #expect(reply.status == 400 && reply.errorCode == "email_invalid")
    }

    @Test(arguments: ["name", "email"])
    func bytesThatAreNotTextAreAskedForAgain(field: String) throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        // "Ann" then a lone continuation byte: not UTF-8, so never turned into U+FFFD and kept.
        let others = field == "name" ? "email=ann%40example.com" : "name=Ann"
        let body = "form=\(signature)&\(field)=Ann%80&\(others)&step=consent&go=yes"
        let page = try kiosk.phone(2).postForm(token: session.token, Array(body.utf8))
        #expect(page.status == 400)
        let words = field == "name" ? "We could not read your name. Type it again." : "We could not read your email address. Type it again."
        #expect(page.text.contains("<a href=\"#\(field)\">\(words)</a>"))
        #expect(!page.text.contains("\u{FFFD}"))
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).isEmpty)
    }
}
