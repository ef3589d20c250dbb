import Foundation
import KioskCore
import KioskStore
import Testing
@testable import KioskService

@Suite("Claim page: headers, escaping, forged forms, bad codes")
struct ClaimPageSafetyTests {
    @Test func everyPageCarriesTheSafetyHeaders() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let start = try browser.open()
        let signature = try #require(ClaimPageBrowser.signature(in: start))
        let pages = [start, try browser.post([("form", signature), ("step", "start")]),
                     try ClaimPageBrowser(kiosk, token: "AAAAAAAAAAAAAAAAAAAAAA").open()]
        for page in pages {
            #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
            #expect(page.headers["Referrer-Policy"] == "no-referrer")
            #expect(page.headers["X-Content-Type-Options"] == "nosniff")
            #expect(page.headers["Cache-Control"] == "private, no-cache")
            let policy = try #require(page.headers["Content-Security-Policy"])
            #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-"))
            for directive in ["form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"] {
                #expect(policy.contains(directive))
            }
            #expect(!page.text.contains("src="), "nothing is loaded from anywhere")
            #expect(!page.text.contains("href=\"http"), "no links away from the kiosk")
            #expect(page.text.utf8.count < 15_000)
        }
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let attack = #"<img src=x onerror=alert(1)>"&'"#
        let kiosk = try TestKiosk(configure: { $0.venueName = attack }, prepare: { store in
            try store.upsertBadge(Badge(id: "evil", name: attack, description: attack))
        })
        let created = try kiosk.request("POST", "/api/v1/sessions", json: #"{"title":"<script>x</script>","badges":["evil"],"expected":3}"#, staff: true)
        let id = try #require(created.object("session")?["id"] as? Int)
        let token = try #require(try kiosk.request("POST", "/api/v1/sessions/\(id)/end", staff: true).object("code")?["token"] as? String)
        let browser = ClaimPageBrowser(kiosk, token: token)
        let start = try browser.open()
        let signature = try #require(ClaimPageBrowser.signature(in: start))
        let typed = try browser.post([("form", signature), ("step", "name"), ("name", attack)])
        let consent = try browser.post([("form", signature), ("step", "show"), ("view", "consent"),
                                        ("name", "Amira \(attack)"), ("email", "amira@example.com")])
        for page in [start, typed, consent] {
            #expect(!page.text.contains("<img"))
            #expect(!page.text.contains("<script>x"))
            #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;"))
        }
    }

    @Test func formsFromElsewhereAreRefusedKindly() throws {
        let kiosk = try TestKiosk()
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        let claim = [("name", "Amira"), ("email", "amira@example.com"), ("step", "consent"), ("go", "yes")]
        let unsigned = try browser.post(claim)
        let forged = try browser.post(claim + [("form", String(repeating: "0", count: 32))])
        let crossSite = try browser.post(claim + [("form", signature)], headers: [("Sec-Fetch-Site", "cross-site")])
        for page in [unsigned, forged, crossSite] {
            #expect(page.status == 403)
            #expect(page.text.contains("<h1>Please start again</h1>"))
            #expect(page.text.contains(#"<a class="button" href="?lang=en">Start again</a>"#))
        }
        #expect(try kiosk.store.claims(sessionID: Int64(session.id)).isEmpty)
        let sameOrigin = try browser.post(claim + [("form", signature)], headers: [("Sec-Fetch-Site", "same-origin")])
        #expect(sameOrigin.text.contains("Well done, Amira!"))
    }

    @Test func unknownCodesGetAFriendlyPageAndCountAsGuesses() throws {
        let kiosk = try TestKiosk { $0.maxFailedCodeAttempts = 3 }
        let wrong = ClaimPageBrowser(kiosk, token: "AAAAAAAAAAAAAAAAAAAAAA")
        let first = try wrong.open()
        #expect(first.status == 404)
        #expect(first.text.contains("<h1>This code did not work</h1>"))
        #expect(first.text.contains("ask the person who taught you"))
        #expect(try kiosk.request("GET", "/c/").status == 404)
        #expect(try wrong.post([("step", "start")]).status == 404)
        #expect(try ClaimPageBrowser(kiosk, token: "K7M2QX").open().status == 404)
        let limited = try wrong.open()
        #expect(limited.status == 429)
        #expect(limited.text.contains("<h1>Please wait a few minutes</h1>"))
        #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 > 0)
        // One limit per address, shared with the JSON API.
        #expect(try kiosk.claim(code: "K7M-2QX").status == 429)
    }

    @Test func expiredAndUsedUpCodesSayWhatToDo() throws {
        let box = LockedLines()
        let kiosk = try TestKiosk(prepare: { store in
            let session = try store.createSession(title: "Old", badgeIDs: ["intro-day-1"], expected: 5,
                                                  at: Timestamp.now().adding(seconds: -200 * 3600))
            box.append(try store.endSession(id: session.id, policy: CodePolicy(),
                                            at: Timestamp.now().adding(seconds: -100 * 3600)).token)
        })
        let token = try #require(box.all.first)
        let expired = ClaimPageBrowser(kiosk, token: token)
        let page = try expired.open()
        #expect(page.status == 410)
        #expect(page.text.contains("<h1>This code has ended</h1>"))
        #expect(page.text.contains("Ask the person who taught you for a new one."))
        let signature = FormGuard(secret: kiosk.token).signature(for: token)
        let answers = [("form", signature), ("name", "Bo"), ("email", "bo@example.com"), ("step", "consent"), ("go", "yes")]
        let tooLate = try expired.post(answers)
        #expect(tooLate.status == 410)
        #expect(tooLate.text.contains("<h1>This code has ended</h1>"))

        let full = try kiosk.endedSession(expected: 1)
        #expect(try kiosk.claim(code: full.short, email: "first@example.com").status == 201)
        #expect(try kiosk.claim(code: full.short, email: "second@example.com").status == 201)
        let usedUp = ClaimPageBrowser(kiosk, token: full.token)
        let usedUpPage = try usedUp.open()
        #expect(usedUpPage.status == 410)
        #expect(usedUpPage.text.contains("<h1>This code cannot be used any more</h1>"))
        // A second learner who got as far as the last step is told the same, and nothing is stored.
        var late = answers
        late[0].1 = FormGuard(secret: kiosk.token).signature(for: full.token)
        let latePage = try usedUp.post(late)
        #expect(latePage.status == 410)
        #expect(latePage.text.contains("This code cannot be used any more"))
        #expect(try kiosk.store.claims(sessionID: Int64(full.id)).count == 2)
    }

    /// The server's own request log: over loopback.
    @Test func theTokenNeverReachesTheLog() throws {
        let kiosk = try TestKiosk(listening: true)
        let session = try kiosk.endedSession()
        let browser = ClaimPageBrowser(kiosk, token: session.token)
        let signature = try browser.openForm()
        _ = try browser.post([("form", signature), ("name", "Amira"), ("email", "amira@example.com"),
                              ("step", "consent"), ("go", "yes")])
        let lines = kiosk.logLines.all.filter { $0.contains("/c/") }
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("/c/…") && !$0.contains(session.token) && !$0.contains("amira") })
    }
}
