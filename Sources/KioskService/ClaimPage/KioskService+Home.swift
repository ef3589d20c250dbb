import HTTPCore
import KioskCore
import Localization

/// `GET /` and its form, `GET /c?code=K7M-2QX`: for a learner who types the kiosk's address
/// instead of scanning, or has a slip but no camera that reads QR codes, or the code of a badge
/// kept for them (`K7M-2QX-4P`), which goes on to `/e/`.
extension KioskService {
    func homePage(_ request: HTTPRequest, _ writer: any HTTPResponseWriter) {
        let language = Self.language(inQuery: request.query) ?? Language.negotiate(acceptLanguage: request.headers["Accept-Language"])
        writer.send(Self.html(.ok, claimView(language, signature: "", form: ClaimForm()).home(), language))
    }

    /// A known code goes on to its claim page, a later code (by its length) to the page that adds the
    /// email; a wrong or empty one comes back with the field and what to do, counted against the same
    /// guessing limits as every other code.
    func codeEntry(_ request: HTTPRequest, language: Language, _ writer: any HTTPResponseWriter) {
        let view = claimView(language, signature: "", form: ClaimForm())
        let typed = Self.queryValue("code", in: request.query)?.trimmingWhitespace() ?? ""
        // What a short code can hold; anything else (spaces, dashes, stray symbols) is left out.
        let code = typed.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard !code.isEmpty else {
            return writer.send(Self.html(.badRequest, view.home(typed: typed, error: view.text("page.home.missing")), language))
        }
        let destination: CodeMatch<String>
        if code.count == ShortCode.laterLength {
            do {
                destination = try matchLaterCode(code, for: request, at: .now()).map { "/e/\($0.laterCode)" }
            } catch {
                return writer.send(Self.html(.serviceUnavailable, view.notice(.busy), language))
            }
        } else {
            destination = matchCode(code, for: request, at: .now()).map { "/c/\($0.short)" }
        }
        switch destination {
        case .found(let path):
            writer.send(HTTPResponse(status: .seeOther, headers: HTTPHeaders([
                ("Location", "\(path)?lang=\(language.tag)"), ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer"),
            ]), body: []))
        case .wait(let seconds):
            writer.send(Self.tooManyAttempts(seconds, view))
        case .missing, .unknown:
            writer.send(Self.html(.notFound, view.home(typed: String(typed.prefix(40)), error: view.text("page.home.unknown")), language))
        }
    }

    /// The field `name` of a form sent by GET (or a link's `?lang=`), decoded (`+` is a space).
    static func queryValue(_ name: String, in query: String?) -> String? {
        FormEncoding.pairs(Array((query ?? "").utf8)).first { $0.name == name }?.value
    }
}
