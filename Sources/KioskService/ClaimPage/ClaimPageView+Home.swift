/// The address a learner types by hand (`http://kiosk.local:8080/`): a field for the short code
/// on the kiosk's screen or their slip, for phones that cannot scan, or the code of a badge kept for them.
extension ClaimPageView {
    func home(typed: String = "", error: String? = nil) -> HTML {
        let heading = text("page.home.heading")
        return page(heading, hasError: error != nil, switcher: .links) {
            if let error { errorSummary(error, field: "code") }
            // GET, so the code lands in the address (`/c?code=…`) and Back and reload do no harm.
            HTML.element("form", ["method": "get", "action": "/c", "novalidate": ""]) {
                HTML.element("h1") { HTML.element("label", ["for": "code"]) { heading } }
                HTML.element("p", ["class": "hint", "id": "code-hint"]) { text("page.home.hint") }
                if let error {
                    HTML.element("p", ["class": "error", "id": "code-error"]) {
                        HTML.element("span", ["class": "vh"]) { text("page.error.prefix") + " " }
                        error
                    }
                }
                HTML.void("input", ["class": error == nil ? "input code" : "input code bad", "id": "code", "name": "code",
                                    "type": "text", "autocomplete": "off", "autocapitalize": "characters",
                                    "spellcheck": "false", "dir": "ltr", "maxlength": "40",
                                    "aria-describedby": error == nil ? "code-hint" : "code-hint code-error",
                                    "aria-invalid": error == nil ? nil : "true", "value": typed])
                hidden("lang", language.tag)
                HTML.element("button", ["class": "button"]) { text("page.home.button") }
            }
            paragraph("page.home.scan")
            paragraph("page.home.kept")
        }
    }
}
