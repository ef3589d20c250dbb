import KioskCore

/// The end of a claim with no email yet: the badge is kept, and the code that collects it is the
/// one thing the learner must take away, so it is the largest thing on the page.
extension ClaimPageView {
    /// `code` is the undashed later code; `address` is where phones reach the kiosk, without a trailing slash.
    ///
    /// There is no language switch: sending the claim again would keep a second badge under a new code.
    func kept(name: String, code: String, address: String) -> HTML {
        let heading = text("page.done.heading", ["name": name])
        return page(heading, switcher: .off) {
            HTML.element("div", ["class": "panel"]) {
                HTML.element("h1") { heading }
                paragraph("page.kept.lead")
            }
            HTML.element("h2") { text("page.kept.code") }
            // In groups (K7M-2QX-4P), left to right even in Arabic, on one line however narrow the screen.
            HTML.element("p") { HTML.element("span", ["class": "kept", "dir": "ltr"]) { ShortCode.display(code) } }
            paragraph("page.kept.photo")
            HTML.element("h2") { text("page.kept.next") }
            paragraph("page.kept.go")
            HTML.element("p", ["class": "big"]) { HTML.element("span", ["dir": "ltr"]) { "\(address)/e/\(code)" } }
            // Without the trailing slash, which right-to-left text would show on the wrong side.
            paragraph("page.kept.type", ["address": address])
            paragraph("page.kept.ask")
            paragraph("page.kept.then")
        }
    }
}
