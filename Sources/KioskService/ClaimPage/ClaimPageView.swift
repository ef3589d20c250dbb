import KioskCore
import Localization

/// Renders the claim pages: the layout every page shares, and the pieces the steps are made of.
///
/// Forms have no `action`, so they post back to the page's own address: the claim token is in
/// the address bar but never written into the page. Everything a learner typed earlier rides
/// along in hidden fields of every form on the page (Continue, Back, the language switch).
struct ClaimPageView {
    let catalog: Catalog
    let venue: String
    let issuer: String
    /// The signature every form carries (see `FormGuard`).
    let signature: String
    /// The answers so far.
    let form: ClaimForm
    /// A new claim, or an email for a badge kept for the learner: which steps there are, and their words.
    var journey: ClaimJourney = .claim

    var language: Language { catalog.language }

    /// The catalogue's text for `key`. In a right-to-left page each value is wrapped in Unicode
    /// isolates (FSI … PDI), so a Latin name, badge or venue keeps its own direction mid-sentence.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        guard language.direction == "rtl" else { return catalog.text(key, values) }
        return catalog.text(key, values.mapValues { "\u{2068}\($0)\u{2069}" })
    }

    /// How this page's language switch changes language without losing anything.
    enum Switch {
        /// Plain links (`?lang=uk`) for pages that hold no answers.
        case links
        /// A form that sends again what made this page, in the chosen language.
        case replay(step: String, choice: String, view: String)
        /// None: a page that cannot be made again (a later code spent, a badge kept under a new code
        /// each time), where a switch could only lead to a page that says something else.
        case off
    }

    /// A whole page.
    func page(_ heading: String, hasError: Bool = false, switcher: Switch, back: ClaimStep? = nil,
              @HTMLBuilder content: () -> HTML) -> HTML {
        .document(.element("html", ["lang": language.tag, "dir": language.direction]) {
            HTML.element("head") {
                HTML.void("meta", ["charset": "utf-8"])
                HTML.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                HTML.void("meta", ["name": "referrer", "content": "no-referrer"])
                HTML.element("title") { hasError ? text("page.error.title", ["title": heading]) : heading }
                HTML.style(Stylesheet.css)
            }
            HTML.element("body") {
                HTML.element("header", ["class": "top"]) {
                    HTML.element("p", ["class": "venue"]) { venue }
                    languageSwitch(switcher)
                }
                HTML.element("main") {
                    if let back { backButton(to: back) }
                    content()
                }
            }
        })
    }

    /// Every language, each named in itself and marked with its own `lang`, so anyone can find theirs.
    private func languageSwitch(_ switcher: Switch) -> HTML {
        if case .off = switcher { return .empty }
        return .element("nav", ["aria-label": text("page.languages")]) {
            switch switcher {
            case .links:
                HTML.element("p", ["class": "langs"]) {
                    for other in Language.allCases {
                        HTML.element("a", ["href": "?lang=\(other.tag)", "lang": other.tag, "hreflang": other.tag,
                                           "dir": other.direction == language.direction ? nil : other.direction,
                                           "aria-current": other == language ? "true" : nil]) { other.nativeName }
                    }
                }
            case let .replay(step, choice, view):
                HTML.element("form", ["class": "langs", "method": "post"]) {
                    hiddenAnswers(language: false)
                    hidden("step", step)
                    if !choice.isEmpty { hidden("go", choice) }
                    if !view.isEmpty { hidden("view", view) }
                    for other in Language.allCases {
                        HTML.element("button", ["name": "lang", "value": other.tag, "lang": other.tag,
                                                "dir": other.direction == language.direction ? nil : other.direction,
                                                "aria-current": other == language ? "true" : nil]) { other.nativeName }
                    }
                }
            case .off:
                HTML.empty
            }
        }
    }

    /// GOV.UK's back link, as a button so the answers so far go back with it.
    private func backButton(to step: ClaimStep) -> HTML {
        .element("form", ["class": "backform", "method": "post"]) {
            hiddenAnswers()
            hidden("step", "show")
            hidden("view", step.rawValue)
            HTML.element("button", ["class": "back"]) { text("page.back") }
        }
    }

    /// The signature, the language and the answers so far, leaving out a field the page asks for again.
    func hiddenAnswers(name: Bool = true, email: Bool = true, language: Bool = true) -> HTML {
        HTML(joining: [
            hidden("form", signature),
            language ? hidden("lang", self.language.tag) : .empty,
            name && !form.name.isEmpty ? hidden("name", form.name) : .empty,
            email && !form.email.isEmpty ? hidden("email", form.email) : .empty,
            // The email page asks again: there the learner chooses anew between an email and none.
            email && form.later ? hidden("later", "1") : .empty,
            form.celebrate.isEmpty ? .empty : hidden("celebrate", form.celebrate),
        ])
    }

    func hidden(_ name: String, _ value: String) -> HTML {
        .void("input", ["type": "hidden", "name": name, "value": value])
    }

    /// "Step 2 of 4".
    func stepNumber(_ step: ClaimStep) -> HTML {
        guard let number = journey.number(of: step) else { return .empty }
        return .element("p", ["class": "step"]) {
            text("page.step", ["number": String(number), "total": String(journey.questionCount)])
        }
    }

    /// An email address, kept left to right inside right-to-left text.
    func email(_ address: String, marking suggestion: EmailSuggestion.Suggestion? = nil) -> HTML {
        let changed = suggestion.map { $0.before.count..<($0.before.count + $0.changed.count) }
        var parts: [HTML] = []
        var run = ""
        var runIsMarked = false
        func endRun() {
            if !run.isEmpty { parts.append(runIsMarked ? .element("mark") { run } : .text(run)) }
            run = ""
        }
        for (offset, character) in address.enumerated() {
            let marked = changed?.contains(offset) ?? false
            if marked != runIsMarked { endRun() }
            runIsMarked = marked
            run.append(character)
            // A narrow screen wraps the address here, between its parts, not inside a word (where a slip may be).
            if character == "@" || character == "." {
                endRun()
                parts.append(.void("wbr"))
            }
        }
        endRun()
        return .element("span", ["class": "email", "dir": "ltr"]) { HTML(joining: parts) }
    }

    /// The learner's own words for a refused field: the catalogue's text for its code, in their language.
    func message(for error: FieldError) -> String {
        let key = "page.error.\(error.code)"
        let translated = text(key)
        return translated == key ? error.message : translated
    }

    /// The GOV.UK error summary: what is wrong, linking to the field to fix.
    func errorSummary(_ message: String, field: String) -> HTML {
        .element("div", ["class": "errors", "role": "alert"]) {
            HTML.element("h2") { text("page.error.summary") }
            HTML.element("ul") {
                HTML.element("li") { HTML.element("a", ["href": "#\(field)"]) { message } }
            }
        }
    }

    func paragraph(_ key: String, _ values: [String: String] = [:]) -> HTML {
        .element("p") { text(key, values) }
    }
}
