import Foundation
import HTTPCore
import KioskCore
import Localization
import Testing
@testable import KioskService

@Suite("Claim page parts: HTML, forms, flow, stylesheet")
struct ClaimPagePartsTests {
    @Test func escapesTextAndAttributesByConstruction() {
        let hostile = #"<script>alert("x")</script>&'"#
        let fragment = HTML.element("p", ["title": hostile]) { hostile }
        #expect(fragment.markup == #"<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">"#
            + #"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>"#)
        #expect(HTML.void("input", ["hidden": nil, "novalidate": ""]).markup == "<input novalidate>")
    }

    @Test func formSignaturesDependOnTheCodeAndTheSecret() {
        let guardian = FormGuard(secret: "secret-one")
        #expect(guardian.signature(for: "tokenA") == guardian.signature(for: "tokenA"))
        #expect(guardian.signature(for: "tokenA") != guardian.signature(for: "tokenB"))
        #expect(FormGuard(secret: "secret-two").signature(for: "tokenA") != guardian.signature(for: "tokenA"))
        #expect(guardian.signature(for: "tokenA").count == 32)
        let crossSite = HTTPRequest(method: "POST", target: "/c/x", headers: .init([("Sec-Fetch-Site", "cross-site")]))
        #expect(!guardian.allows(crossSite, signature: guardian.signature(for: "x"), token: "x"))
        let sameOrigin = HTTPRequest(method: "POST", target: "/c/x", headers: .init([("Sec-Fetch-Site", "same-origin")]))
        #expect(guardian.allows(sameOrigin, signature: guardian.signature(for: "x"), token: "x"))
        #expect(!guardian.allows(sameOrigin, signature: "0" + guardian.signature(for: "x").dropFirst(), token: "x"))
    }

    @Test func parsesUrlEncodedForms() {
        let form = ClaimForm(body: Array("name=Am%C4%ABra+O%27Neil&email=%20A%40B.co&lang=ar&step=email&go=yes&view=x&form=ab&junk".utf8))
        #expect(form.name == "Amīra O'Neil")
        #expect(form.email == " A@B.co")
        #expect(form.language == .arabic)
        #expect((form.step, form.choice, form.view, form.signature) == ("email", "yes", "x", "ab"))
        #expect(ClaimForm(body: Array("name=%ZZ%4".utf8)).name == "%ZZ%4")
        #expect(ClaimForm(body: Array("lang=xx".utf8)).language == nil)
        #expect(ClaimForm(body: Array("name=\(String(repeating: "a", count: 5000))".utf8)).name.count == ClaimForm.maxFieldLength)
    }

    @Test func flowMovesOneQuestionAtATime() throws {
        var form = ClaimForm()
        form.step = "start"
        #expect(ClaimFlow.next(after: &form) == .show(.name, nil))
        form.step = "name"
        guard case .show(.name, let missing?) = ClaimFlow.next(after: &form) else {
            Issue.record("an empty name must be refused")
            return
        }
        #expect(missing.code == "name_missing")
        form.name = "Amira"
        #expect(ClaimFlow.next(after: &form) == .show(.email, nil))
        form.step = "email"
        form.email = "  Amira@GMIAL.com "
        #expect(ClaimFlow.next(after: &form) == .show(.check, nil))
        #expect(form.email == "amira@gmial.com")
        form.step = "check"
        form.choice = "suggestion"
        #expect(ClaimFlow.next(after: &form) == .show(.consent, nil))
        #expect(form.email == "amira@gmail.com")
        form.step = "consent"
        form.choice = "no"
        #expect(ClaimFlow.next(after: &form) == .declined)
        form.choice = "yes"
        #expect(ClaimFlow.next(after: &form) == .submit(try Claimant(name: "Amira", email: "amira@gmail.com", consent: true)))
    }

    /// The last step is "check your answers": each answer has a Change button back to its question, answers kept.
    @Test func consentsChangeButtonsGoBackToTheQuestionKeepingTheAnswers() throws {
        var form = ClaimForm()
        (form.name, form.email, form.step) = ("Amira", "amira@gmail.com", "consent")
        form.choice = "changeName"
        #expect(ClaimFlow.next(after: &form) == .show(.name, nil))
        form.choice = "changeEmail"
        #expect(ClaimFlow.next(after: &form) == .show(.email, nil))
        #expect((form.name, form.email) == ("Amira", "amira@gmail.com"))
        let consent = ClaimPageView(catalog: Catalog(.english), venue: "Hall", issuer: "OBF", signature: "s", form: form).consent().markup
        for value in ["changeName", "changeEmail"] {
            #expect(consent.contains(#"<button class="link" name="go" value="\#(value)">Change<span class="vh"> Your"#))
        }
        #expect(consent.contains(#"<input type="hidden" name="name" value="Amira">"#))
    }

    @Test func flowNeverSkipsAMissingAnswer() {
        var form = ClaimForm()
        form.step = "show"
        form.view = "consent"
        #expect(ClaimFlow.next(after: &form) == .show(.name, nil))
        form.name = "Amira"
        #expect(ClaimFlow.next(after: &form) == .show(.email, nil))
        form.step = "consent"
        form.choice = "yes"
        form.email = "amira@example"
        guard case .show(.email, let error?) = ClaimFlow.next(after: &form) else {
            Issue.record("a bad email at the last step must go back to the email question")
            return
        }
        #expect(error.code == "email_invalid")
    }

    @Test func everyFieldErrorHasWordsInEveryLanguage() {
        let codes = ["name_missing", "name_too_long", "name_invalid", "email_missing", "email_too_long", "email_invalid",
                     "email_space", "email_no_at"]
        for language in Language.allCases {
            let view = ClaimPageView(catalog: Catalog(language), venue: "Hall", issuer: "OBF", signature: "", form: ClaimForm())
            for code in codes {
                let message = view.message(for: FieldError(field: "x", code: code, message: "English fallback"))
                #expect(message != "English fallback" && !message.hasPrefix("page."), "\(language) \(code)")
            }
        }
    }

    @Test func stylesheetColourPairsHaveStrongContrast() throws {
        let pairs = try StylesheetColours.pairs(in: "\(Stylesheet.css)")
        #expect(pairs.count >= 10)
        for pair in pairs {
            #expect(pair.ratio >= 4.5, "\(pair.rule): \(pair.foreground) on \(pair.background) is \(pair.ratio):1")
        }
    }

    @Test func contentSecurityPolicyCarriesTheStylesheetHash() {
        let digest = SHA256.hash(Array("\(Stylesheet.css)".utf8))
        #expect(Stylesheet.contentSecurityPolicy.contains("'sha256-\(Data(digest).base64EncodedString())'"))
        #expect(Stylesheet.contentSecurityPolicy.hasPrefix("default-src 'none';"))
        #expect(!"\(Stylesheet.css)".contains("url("))
        #expect(!"\(Stylesheet.css)".contains("@import"))
    }
}
