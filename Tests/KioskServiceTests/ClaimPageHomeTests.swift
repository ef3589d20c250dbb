import Foundation
import HTTPCore
import Testing
@testable import KioskService

/// `/`: the page a learner reaches by typing the kiosk's address, where a short code is typed.
@Suite("Claim page: typing a code at /")
struct ClaimPageHomeTests {
    @Test(arguments: [("en", "Type your code"), ("uk", "Введіть свій код"), ("pl", "Wpisz swój kod"), ("ar", "اكتب رمزك")])
    func theAddressAloneIsAFriendlyPageWithACodeField(language: String, heading: String) throws {
        let kiosk = try TestKiosk()
        let page = try kiosk.request("GET", "/", headers: [("Accept-Language", language)])
        #expect(page.status == 200)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.headers["Content-Language"] == language)
        #expect(page.text.contains(heading))
        #expect(page.text.contains(#"<form method="get" action="/c""#))
        #expect(page.text.contains(#"<label for="code">"#))
        #expect(page.text.contains(#"name="code""#))
        #expect(try kiosk.request("HEAD", "/").status == 200)
        #expect(try kiosk.request("POST", "/").status == 405)
    }

    @Test(arguments: ["", "?lang=pl"])
    func aKnownShortCodeGoesOnToItsClaimPageHoweverItIsTyped(query: String) throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let plain = session.short.replacingOccurrences(of: "-", with: "")
        let typed = " \(session.short.lowercased().replacingOccurrences(of: "-", with: " ")) "
        let answer = try kiosk.request("GET", "/c?code=\(FormEncoding.encode(typed))\(query.replacingOccurrences(of: "?", with: "&"))")
        #expect(answer.status == 303)
        let language = query.isEmpty ? "en" : "pl"
        #expect(answer.headers["Location"] == "/c/\(plain)?lang=\(language)")
        let start = try kiosk.request("GET", try #require(answer.headers["Location"]))
        #expect(start.status == 200)
        #expect(start.text.contains(#"name="step" value="start""#))
    }

    @Test func aWrongCodeComesBackWithTheFieldWhatWasTypedAndWhatToDo() throws {
        let kiosk = try TestKiosk()
        _ = try kiosk.endedSession()
        let wrong = try kiosk.request("GET", "/c?code=ZZZ-ZZZ")
        #expect(wrong.status == 404)
        #expect(wrong.text.contains("We do not know that code. Check it and type it again."))
        #expect(wrong.text.contains(#"value="ZZZ-ZZZ""#))
        #expect(wrong.text.contains(#"aria-invalid="true""#))
        let empty = try kiosk.request("GET", "/c?code=+-+")
        #expect(empty.status == 400)
        #expect(empty.text.contains("Type the code from the kiosk&#39;s screen or your slip."))
        let hostile = try kiosk.request("GET", "/c?code=\(FormEncoding.encode("<script>alert(1)</script>"))")
        #expect(hostile.status == 404)
        #expect(!hostile.text.contains("<script>alert"))
        #expect(hostile.text.contains("&lt;script&gt;"))
    }

    @Test func guessingCodesAtTheFieldMeetsTheSameLimit() throws {
        let kiosk = try TestKiosk()
        var last = 0
        for attempt in 0..<12 {
            last = try kiosk.request("GET", "/c?code=ZZZ\(attempt)ZZ").status
        }
        #expect(last == 429)
    }
}
