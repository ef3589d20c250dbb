import KioskCore

/// "Well done" with the learner's first name on the kiosk's screen: the done page's optional choice,
/// and the page after it (see `Celebrations`).
extension ClaimPageView {
    /// This view with the key a new claim was given, so every form on the done page (the choice itself,
    /// the language switch) carries it.
    func offering(_ key: String?) -> ClaimPageView {
        guard let key else { return self }
        var form = form
        form.celebrate = key
        return ClaimPageView(catalog: catalog, venue: venue, issuer: issuer, signature: signature, form: form, journey: journey)
    }

    /// The done page's small choice, only with a key: the first name as the screen would show it. Not a
    /// full-width button: the page's one thing to do is in the email, and this is only if they want.
    func celebrateChoice(name: String) -> HTML {
        guard !form.celebrate.isEmpty, let shown = Celebrations.displayName(name) else { return .empty }
        return .element("form", ["method": "post"]) {
            hiddenAnswers()
            hidden("step", "celebrate")
            paragraph("page.celebrate.ask")
            HTML.element("button", ["class": "small"]) { text("page.celebrate.button", ["name": shown]) }
        }
    }

    /// After the yes: look at the screen, or why the name cannot show (too late, or names are off).
    func celebrated(_ shown: Bool) -> HTML {
        let heading = text(shown ? "page.celebrated.heading" : "page.celebrated.late.heading")
        return page(heading, switcher: .replay(step: "celebrate", choice: "", view: "")) {
            HTML.element("h1") { heading }
            paragraph(shown ? "page.celebrated.body" : "page.celebrated.late.body")
        }
    }
}
