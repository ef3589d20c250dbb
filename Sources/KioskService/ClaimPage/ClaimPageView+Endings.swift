/// The pages that end the flow: done, declined, and the friendly pages for everything that can go wrong.
extension ClaimPageView {
    /// A page that says what happened and what to do, never an error dump.
    enum Notice: Sendable, Equatable {
        case unknownCode, expired, usedUp, tooManyAttempts
        /// This phone has collected all the badges it may with this code (`allowed` of them).
        case tooManyClaims(allowed: Int)
        /// The form's signature did not match, or another site posted it.
        case staleForm
        /// The store could not save just now; the learner can send the same answers again.
        case busy
    }

    /// The celebration, and what happens next. `repeated` when this learner had already claimed (at
    /// `/e/`: with the email just added); `badges` names the session's badges (at `/e/`, where the
    /// learner comes back days later); `completions` names the badge of each programme this claim
    /// finished, which comes as well. With a key in the form, the page also offers "Well done" on the kiosk's screen.
    func done(name: String, email address: String, repeated: Bool, badges: [String] = [],
              completions: [String] = []) -> HTML {
        let heading = text("page.done.heading", ["name": name])
        // Changing language sends the claim again: the store's repeat rule answers with the same claim.
        // A later code works once, so at `/e/` there is nothing to send again.
        return page(heading, switcher: journey == .claim ? .replay(step: "consent", choice: "yes", view: "") : .off) {
            HTML.element("div", ["class": "panel"]) {
                HTML.element("h1") { heading }
                paragraph("page.done.lead")
                for badge in badges { HTML.element("p", ["class": "big"]) { badge } }
                for badge in completions { paragraph("page.done.programme", ["badge": badge]) }
            }
            if repeated { paragraph(journey == .claim ? "page.done.again" : "page.done.already") }
            paragraph("page.done.look", ["issuer": issuer])
            HTML.element("p", ["class": "big"]) { email(address) }
            HTML.element("h2") { text("page.done.next") }
            HTML.element("ol") {
                for key in ["page.done.step1", "page.done.step2", "page.done.step3"] {
                    HTML.element("li") { text(key) }
                }
            }
            celebrateChoice(name: name)
            paragraph("page.done.close")
        }
    }

    /// The learner said no: nothing was kept (at `/e/`, the badge stays kept under its code), and Back
    /// returns to the question.
    func declined() -> HTML {
        page(text("page.declined.heading"), switcher: .replay(step: "consent", choice: "no", view: ""), back: .consent) {
            HTML.element("h1") { text("page.declined.heading") }
            paragraph(journey == .claim ? "page.declined.body" : "page.declined.kept")
            paragraph("page.declined.again")
        }
    }

    func notice(_ notice: Notice) -> HTML {
        switch notice {
        case .unknownCode:
            simple("page.unknown.heading", ["page.unknown.body", "page.ask"])
        case .expired:
            simple("page.expired.heading", ["page.expired.body"])
        case .usedUp:
            simple("page.usedUp.heading", ["page.usedUp.body"])
        case .tooManyAttempts:
            simple("page.wait.heading", ["page.wait.body", "page.ask"])
        case .tooManyClaims(let allowed):
            page(text("page.share.heading"), switcher: .links) {
                HTML.element("h1") { text("page.share.heading") }
                paragraph("page.share.body", ["count": String(allowed)])
            }
        case .staleForm:
            page(text("page.stale.heading"), switcher: .links) {
                HTML.element("h1") { text("page.stale.heading") }
                paragraph("page.stale.body")
                HTML.element("a", ["class": "button", "href": "?lang=\(language.tag)"]) { text("page.stale.button") }
            }
        case .busy:
            page(text("page.busy.heading"), switcher: .replay(step: "consent", choice: "yes", view: "")) {
                HTML.element("h1") { text("page.busy.heading") }
                paragraph("page.busy.body")
                HTML.element("form", ["method": "post"]) {
                    hiddenAnswers()
                    hidden("step", "consent")
                    hidden("go", "yes")
                    HTML.element("button", ["class": "button"]) { text("page.busy.button") }
                }
            }
        }
    }

    private func simple(_ heading: String, _ paragraphs: [String]) -> HTML {
        page(text(heading), switcher: .links) {
            HTML.element("h1") { text(heading) }
            for key in paragraphs { paragraph(key) }
        }
    }
}
