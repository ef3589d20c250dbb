import KioskCore

/// The question pages, in the order a learner meets them.
extension ClaimPageView {
    /// The badge, the session and the venue, with what the badge is for, then Start.
    func start(_ details: SessionDetails) -> HTML {
        page(text("page.heading"), switcher: .links) {
            HTML.element("h1") { text("page.heading") }
            paragraph("page.start.lead", ["session": details.title, "venue": venue])
            HTML.element("h2") { text(details.badges.count == 1 ? "page.start.badge" : "page.start.badges") }
            for badge in details.badges {
                HTML.element("div", ["class": "badge"]) {
                    HTML.element("p", ["class": "big"]) { badge.name }
                    if !badge.description.isEmpty {
                        HTML.element("details") {
                            HTML.element("summary") { text("page.start.criteria") }
                            HTML.element("p") { badge.description }
                        }
                    }
                }
            }
            paragraph("page.start.time")
            HTML.element("form", ["method": "post"]) {
                hiddenAnswers()
                hidden("step", "start")
                HTML.element("button", ["class": "button"]) { text("page.start.button") }
            }
        }
    }

    /// "What is your first name?" or "What is your email address?": one field, its label the heading.
    /// At `/e/` the email page says whose badge it is and for which session.
    func question(_ step: ClaimStep, error: FieldError?) -> HTML {
        let field = step == .name ? "name" : "email"
        let heading = text(addingEmailFor == nil ? "page.\(field).heading" : "page.later.heading")
        let message = error.map(message(for:))
        let describedBy = message == nil ? "\(field)-hint" : "\(field)-hint \(field)-error"
        return page(heading, hasError: message != nil,
                    switcher: .replay(step: "show", choice: "", view: step.rawValue), back: journey.previous(step)) {
            if let message { errorSummary(message, field: field) }
            stepNumber(step)
            HTML.element("form", ["method": "post", "novalidate": ""]) {
                HTML.element("h1") { HTML.element("label", ["for": field]) { heading } }
                // After a refused email the error takes its place, which keeps Continue above the fold:
                // the learner read it a page ago.
                if let session = addingEmailFor, message == nil {
                    paragraph("page.later.lead", ["name": form.name, "session": session])
                }
                HTML.element("p", ["class": "hint", "id": "\(field)-hint"]) { text("page.\(field).hint") }
                if let message {
                    HTML.element("p", ["class": "error", "id": "\(field)-error"]) {
                        HTML.element("span", ["class": "vh"]) { text("page.error.prefix") + " " }
                        message
                    }
                }
                if step == .name {
                    HTML.void("input", ["class": message == nil ? "input" : "input bad", "id": "name", "name": "name",
                                        "type": "text", "autocomplete": "given-name", "autocapitalize": "words",
                                        "spellcheck": "false", "dir": "auto", "aria-describedby": describedBy,
                                        "aria-invalid": message == nil ? nil : "true", "value": form.name])
                } else {
                    HTML.void("input", ["class": message == nil ? "input" : "input bad", "id": "email", "name": "email",
                                        "type": "email", "inputmode": "email", "autocomplete": "email",
                                        "autocapitalize": "none", "spellcheck": "false", "dir": "ltr",
                                        "aria-describedby": describedBy,
                                        "aria-invalid": message == nil ? nil : "true", "value": form.email])
                }
                hiddenAnswers(name: step != .name, email: step != .email)
                hidden("step", field)
                HTML.element("button", ["class": "button"]) { text("page.continue") }
                if step == .email && journey.offersNoEmail { choice("later", text("page.email.none"), secondary: true) }
            }
        }
    }

    /// The email shown back large, with a suggested fix for a common slip such as `gmial.com`.
    func check() -> HTML {
        let suggestion = EmailSuggestion.suggestion(for: form.email)
        return page(text("page.check.heading"), switcher: .replay(step: "show", choice: "", view: "check"),
                    back: journey.previous(.check)) {
            stepNumber(.check)
            HTML.element("h1") { text("page.check.heading") }
            HTML.element("p", ["class": "big"]) { email(form.email) }
            HTML.element("form", ["method": "post"]) {
                hiddenAnswers()
                hidden("step", "check")
                if let suggestion {
                    HTML.element("div", ["class": "warn"]) {
                        paragraph("page.check.maybe")
                        HTML.element("p", ["class": "big"]) { email(suggestion.address, marking: suggestion) }
                    }
                    choice("suggestion", text("page.check.useSuggestion", ["email": suggestion.address]))
                    choice("yes", text("page.check.keep", ["email": form.email]), secondary: true)
                } else {
                    choice("yes", text("page.check.yes"))
                }
                choice("change", text("page.check.change"), secondary: true)
            }
        }
    }

    /// Consent in plain words, naming who receives the details. With no email yet only the name is
    /// kept now, and Back skips the email check, which had nothing to check.
    func consent() -> HTML {
        let heading = text(form.later ? "page.consent.laterHeading" : "page.consent.heading")
        return page(heading, switcher: .replay(step: "show", choice: "", view: "consent"),
                    back: form.later ? .email : journey.previous(.consent)) {
            stepNumber(.consent)
            HTML.element("h1") { heading }
            paragraph(form.later ? "page.consent.laterBody" : "page.consent.body", ["issuer": issuer])
            paragraph("page.consent.only")
            HTML.element("form", ["method": "post"]) {
                hiddenAnswers()
                hidden("step", "consent")
                // Check your answers: each one with a way back to change it, answers kept.
                // At `/e/` the name is the one the badge was kept under: there is nothing to change it to.
                HTML.element("dl") {
                    HTML.element("dt") { text("page.consent.name") }
                    HTML.element("dd") {
                        HTML(joining: [.text(form.name), journey == .claim ? change("changeName", "page.consent.name") : .empty])
                    }
                    HTML.element("dt") { text("page.consent.email") }
                    HTML.element("dd") {
                        HTML(joining: [form.later ? .text(text("page.consent.noEmail")) : email(form.email),
                                       change("changeEmail", "page.consent.email")])
                    }
                }
                choice("yes", text(form.later ? "page.consent.keep" : "page.consent.yes"))
                choice("no", text("page.consent.no"), secondary: true)
            }
        }
    }

    /// The session whose kept badge this email is for, at `/e/`; nil in a new claim.
    private var addingEmailFor: String? {
        guard case .addEmail(let session) = journey else { return nil }
        return session
    }

    /// "Change", with what it changes for screen readers ("Change your name").
    private func change(_ value: String, _ what: String) -> HTML {
        .element("button", ["class": "link", "name": "go", "value": value]) {
            HTML(joining: [.text(text("page.consent.change")), .element("span", ["class": "vh"]) { " " + text(what) }])
        }
    }

    private func choice(_ value: String, _ label: String, secondary: Bool = false) -> HTML {
        .element("button", ["class": secondary ? "button second" : "button", "name": "go", "value": value]) { label }
    }
}
