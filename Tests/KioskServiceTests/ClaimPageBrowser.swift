import Foundation
import HTTPCore
@testable import KioskService
import Testing

/// Drives the claim page over loopback the way a browser with no JavaScript would: it keeps the
/// page's hidden fields and posts them back with the button pressed.
struct ClaimPageBrowser {
    let kiosk: TestKiosk
    let path: String
    var language: String?
    var headers: [(String, String)] = []

    init(_ kiosk: TestKiosk, token: String, language: String? = nil) {
        self.init(kiosk, path: "/c/\(token)", language: language)
    }

    /// The page at `/e/{code}` that adds the email to a badge kept for its learner.
    init(_ kiosk: TestKiosk, laterCode: String, language: String? = nil) {
        self.init(kiosk, path: "/e/\(laterCode)", language: language)
    }

    private init(_ kiosk: TestKiosk, path: String, language: String?) {
        self.kiosk = kiosk
        self.path = path
        self.language = language
    }

    func open(query: String = "") throws -> Reply {
        try kiosk.request("GET", path + query, headers: acceptLanguage)
    }

    /// Opens the page and gives its forms' signature, what every post from it carries; a page
    /// without one fails the test.
    func openForm(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(Self.signature(in: try open()), sourceLocation: sourceLocation)
    }

    /// Posts `fields` (url-encoded, in order) as the page's forms would.
    func post(_ fields: [(String, String)], headers extra: [(String, String)] = []) throws -> Reply {
        let body = fields.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return try kiosk.request("POST", path, json: body,
                                 headers: [("Content-Type", "application/x-www-form-urlencoded")] + acceptLanguage + extra)
    }

    /// The signature a page's forms carry.
    static func signature(in page: Reply) -> String? {
        guard let range = page.text.range(of: #"name="form" value=""#) else { return nil }
        return String(page.text[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The hidden fields of the page's last form (its main one), as (name, value), unescaped.
    static func hiddenFields(in page: Reply) -> [(String, String)] {
        let main = page.text.components(separatedBy: "<form").last ?? ""
        return main.components(separatedBy: #"<input type="hidden" name=""#).dropFirst().compactMap { part in
            let name = part.prefix { $0 != "\"" }
            guard let value = part.range(of: #"value=""#) else { return nil }
            return (String(name), unescape(String(part[value.upperBound...].prefix { $0 != "\"" })))
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private var acceptLanguage: [(String, String)] {
        (language.map { [("Accept-Language", $0)] } ?? []) + headers
    }
}
