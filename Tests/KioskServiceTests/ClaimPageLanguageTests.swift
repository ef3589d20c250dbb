import Foundation
import KioskCore
import Localization
import Testing
@testable import KioskService

@Suite("Claim page: languages")
struct ClaimPageLanguageTests {
    @Test(arguments: [
        ("uk-UA,uk;q=0.9,en;q=0.8", "uk", "ltr", "Отримайте свій значок"),
        ("pl", "pl", "ltr", "Odbierz swoją odznakę"),
        ("ar-SA,ar;q=0.9", "ar", "rtl", "احصل على شارتك"),
        ("fr-FR", "en", "ltr", "Collect your badge"),
    ])
    func choosesFromAcceptLanguage(header: String, tag: String, direction: String, heading: String) throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let page = try ClaimPageBrowser(kiosk, token: session.token, language: header).open()
        #expect(page.text.contains(#"<html lang="\#(tag)" dir="\#(direction)">"#))
        #expect(page.text.contains("<h1>\(heading)</h1>"))
        #expect(page.headers["Content-Language"] == tag)
        #expect(page.headers["Vary"] == "Accept-Language")
    }

    @Test func latinNamesKeepTheirDirectionInsideArabicSentences() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let arabic = try ClaimPageBrowser(kiosk, token: session.token, language: "ar").open()
        #expect(arabic.text.contains("\u{2068}Day 1\u{2069}"))
        let english = try ClaimPageBrowser(kiosk, token: session.token, language: "en").open()
        #expect(english.text.contains("Day 1"))
        #expect(!english.text.contains("\u{2068}"))
    }

    @Test func theSwitchIsOnEveryPageAndKeepsTheAnswers() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token, language: "en")
        let start = try browser.open()
        for language in Language.allCases {
            #expect(start.text.contains(#"href="?lang=\#(language.tag)" lang="\#(language.tag)""#))
        }
        #expect(try browser.open(query: "?lang=pl").text.contains(#"<html lang="pl""#))

        let signature = try #require(ClaimPageBrowser.signature(in: start))
        let answers = [("form", signature), ("name", "Amira"), ("email", "amira@example.com")]
        let consent = try browser.post(answers + [("step", "show"), ("view", "consent")])
        #expect(consent.text.contains(#"<button name="lang" value="ar" lang="ar" dir="rtl">العربية</button>"#))
        // The switch posts the answers and asks for the same page again.
        let arabic = try browser.post(answers + [("step", "show"), ("view", "consent"), ("lang", "ar")])
        #expect(arabic.text.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(arabic.text.contains("هل يمكننا مشاركة اسمك وبريدك الإلكتروني؟"))
        #expect(arabic.text.contains("<dd>Amira<button class=\"link\""))
        #expect(arabic.text.contains(#"<input type="hidden" name="lang" value="ar">"#))
    }

    @Test func errorsAreInTheLearnersLanguage() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let polish = try browser.post([("form", signature), ("lang", "pl"), ("step", "name"), ("name", " ")])
        #expect(polish.text.contains("Wpisz swoje imię."))
        #expect(polish.text.contains("<title>Błąd: Jak masz na imię?</title>"))
        let arabic = try browser.post([("form", signature), ("lang", "ar"), ("name", "أمل"), ("step", "email"), ("email", "x@y")])
        #expect(arabic.text.contains("اكتب عنوان بريدك الإلكتروني هكذا: name@example.com"))
    }

    @Test func everyPageInEveryLanguageIsSmall() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession(badges: ["intro-day-1", "intro-day-2"])
        var largest = 0
        for language in Language.allCases {
            let browser = ClaimPageBrowser(kiosk, token: session.token, language: language.tag)
            let start = try browser.open()
            let signature = try #require(ClaimPageBrowser.signature(in: start))
            let answers = [("form", signature), ("name", "Amira"), ("email", "amira@gmial.com")]
            var pages = [start]
            for view in ["name", "email", "check", "consent"] {
                pages.append(try browser.post(answers + [("step", "show"), ("view", view)]))
            }
            pages.append(try browser.post(answers + [("step", "email"), ("email", "")]))
            pages.append(try browser.post(answers + [("step", "consent"), ("go", "no")]))
            pages.append(try browser.post(answers + [("step", "consent"), ("go", "yes")]))
            pages.append(try ClaimPageBrowser(kiosk, token: "BBBBBBBBBBBBBBBBBBBBBB", language: language.tag).open())
            for page in pages {
                #expect(page.text.contains(#"<html lang="\#(language.tag)""#))
                #expect(page.text.contains(#"<nav aria-label=""#))
                largest = max(largest, page.text.utf8.count)
            }
        }
        #expect(largest < 15_000, "largest page: \(largest) bytes")
    }
}
