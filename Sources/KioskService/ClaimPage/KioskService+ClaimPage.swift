import Dispatch
import HTTPCore
import KioskCore
import KioskStore
import Localization

/// `GET /c/{token}` and `POST /c/{token}`: the phone claim page (docs/ARCHITECTURE.md §4.2).
///
/// Server-rendered HTML that works with no JavaScript. The token is checked with the same
/// guessing limits as the JSON API, and the final step goes through the same
/// `queueClaim` path, so a page claim is exactly as durable, and as idempotent, as an API claim.
extension KioskService {
    func claimPage(_ path: [Substring], _ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        guard ["GET", "HEAD", "POST"].contains(request.method) else { throw .methodNotAllowed("GET, POST") }
        var form = request.method == "POST" ? ClaimForm(body: request.body) : ClaimForm()
        let language = Self.pageLanguage(form, request)
        form.language = language
        let now = Timestamp.now()
        if path.count == 1 { return codeEntry(request, language: language, writer) }
        let match = path.count == 2 ? matchCode(String(path[1]), for: request, at: now) : .unknown
        guard case .found(let entry) = match else {
            let view = claimView(language, signature: "", form: ClaimForm())
            if case .wait(let seconds) = match { return writer.send(Self.tooManyAttempts(seconds, view)) }
            return writer.send(Self.html(.notFound, view.notice(.unknownCode), language))
        }
        let (signature, refusal) = signForms(for: entry.token, form, request, language)
        if let refusal { return writer.send(refusal) }
        let flow = request.method == "POST" ? ClaimFlow.next(after: &form) : .show(.start, nil)
        let view = claimView(language, signature: signature, form: form)
        switch flow {
        case .show(.start, _):
            writer.send(startPage(entry, view, now: now))
        case .show(let step, let error):
            writer.send(Self.stepPage(step, error, view))
        case .declined:
            writer.send(Self.html(.ok, view.declined(), language))
        case .celebrate(let key):
            let outcome = celebrate(key: key)
            let status: HTTPStatus = switch outcome {
            case .shown: .ok
            case .off: .conflict
            case .unknown: .notFound
            }
            writer.send(Self.html(status, view.celebrated(status == .ok), language))
        case .submit(let claimant):
            // Read before claiming, so the reply can tell a programme's completion badge from the
            // session's own; nil (the read failed) means no celebration line, never a wrong one.
            let sessionBadges = try? store.session(id: entry.sessionID)?.session.badgeIDs
            let store = store
            let share = claimShare(for: request, code: entry, at: now)
            let address = publicURL
            queueClaim(claimant, for: entry, at: now, share: share) { result, celebrate in
                let claim = (try? result.get())?.claim
                // A new claim's key, or the one a replayed done page (a change of language) carries.
                let view = view.offering(celebrate)
                let extra = Self.completionBadgeIDs(of: claim, sessionBadges: sessionBadges)
                Self.namingBadges(completions: extra, in: store) { _, names in
                    writer.send(Self.claimPageResponse(for: result, view, share: share, address: address, completions: names))
                }
            }
        }
    }

    /// Too many wrong codes from here, or from everyone: wait `seconds`.
    static func tooManyAttempts(_ seconds: Int64, _ view: ClaimPageView) -> HTTPResponse {
        html(.tooManyRequests, view.notice(.tooManyAttempts), view.language, extra: [("Retry-After", String(seconds))])
    }

    /// The signature the page's forms carry for `token`, and the refusal of a posted form that was
    /// not signed for it (an old page, or one made for another code).
    func signForms(for token: String, _ form: ClaimForm, _ request: HTTPRequest,
                   _ language: Language) -> (signature: String, refusal: HTTPResponse?) {
        let guardian = FormGuard(secret: staffToken.value)
        let signature = guardian.signature(for: token)
        guard request.method == "POST", !guardian.allows(request, signature: form.signature, token: token) else {
            return (signature, nil)
        }
        let view = claimView(language, signature: signature, form: ClaimForm())
        return (signature, Self.html(.forbidden, view.notice(.staleForm), language))
    }

    /// A question page, the email check or consent, in either journey. Bytes that are not text are a
    /// bad request, answered with the question to type again.
    static func stepPage(_ step: ClaimStep, _ error: FieldError?, _ view: ClaimPageView) -> HTTPResponse {
        let page = switch step {
        case .check: view.check()
        case .consent: view.consent()
        case .start, .name, .email: view.question(step, error: error)
        }
        return html(view.form.unreadable == nil ? .ok : .badRequest, page, view.language)
    }

    /// The start page, or the notice that says why this code can no longer be used.
    private func startPage(_ entry: CodeBook.Entry, _ view: ClaimPageView, now: Timestamp) -> HTTPResponse {
        let language = view.language
        let found: (SessionDetails, ClaimCode)?
        do {
            found = try sessionDetails(entry)
        } catch {
            _ = storeFailed(error, doing: "read a claim code's session")
            return Self.html(.serviceUnavailable, view.notice(.busy), language)
        }
        guard let (details, code) = found else { return Self.html(.notFound, view.notice(.unknownCode), language) }
        if now >= code.expiresAt { return Self.html(.gone, view.notice(.expired), language) }
        if code.claimed >= code.maxClaims { return Self.html(.gone, view.notice(.usedUp), language) }
        return Self.html(.ok, view.start(details), language)
    }

    /// The session's title and badges, and the code's current expiry and count.
    ///
    /// The session's QR code comes with its summary; a printed slip or an older QR code is read by
    /// its id.
    private func sessionDetails(_ entry: CodeBook.Entry) throws -> (SessionDetails, ClaimCode)? {
        guard let summary = try store.session(id: entry.sessionID) else { return nil }
        let code: ClaimCode? = if let current = summary.code, current.id == entry.codeID {
            current
        } else {
            try store.code(id: entry.codeID)
        }
        guard let code else { return nil }
        var badges: [Badge] = []
        for id in summary.session.badgeIDs {
            badges.append(try store.badge(id: id) ?? Badge(id: id, name: id))
        }
        return (SessionDetails(title: summary.session.title, badges: badges), code)
    }

    /// The badges a stored claim awards beyond its session's: the completion badges of the
    /// programmes it finished. Empty when there is no claim or the session's badges are not known.
    static func completionBadgeIDs(of claim: Claim?, sessionBadges: [String]?) -> [String] {
        guard let claim, let sessionBadges else { return [] }
        return claim.badgeIDs.filter { !sessionBadges.contains($0) }
    }

    /// Calls `respond` with the catalogue's names for `session` badges and `completions` (a badge
    /// with no name is left out: an id means nothing to a learner). A store's completions run one after
    /// another on its answers queue, so the names are read off it, and naming badges never holds up other claims
    /// being written; with nothing to name, `respond` runs at once.
    static func namingBadges(session: [String] = [], completions: [String], in store: KioskStore,
                             _ respond: @escaping @Sendable (_ session: [String], _ completions: [String]) -> Void) {
        guard !session.isEmpty || !completions.isEmpty else { return respond([], []) }
        DispatchQueue.global().async {
            let names = { (ids: [String]) in ids.compactMap { id in (try? store.badge(id: id))?.name }.filter { !$0.isEmpty } }
            respond(names(session), names(completions))
        }
    }

    /// The page for a claim's outcome; `completions` names the programme completion badges it earned.
    /// A repeat shows the name just typed (the store never answers with the stored one). A claim with
    /// no email shows its later code, and where `address` (the kiosk's, for phones) takes it.
    static func claimPageResponse(for result: Result<ClaimOutcome, StoreError>, _ view: ClaimPageView,
                                  share: ClaimShare, address: String, completions: [String] = []) -> HTTPResponse {
        let language = view.language
        return switch result {
        case .success(.created(let claim)):
            if let code = claim.laterCode {
                html(.ok, view.kept(name: claim.name, code: code, address: address), language)
            } else {
                html(.ok, view.done(name: claim.name, email: claim.email, repeated: false, completions: completions), language)
            }
        case .success(.repeated(let claim, _)):
            html(.ok, view.done(name: claim.name, email: claim.email, repeated: true, completions: completions), language)
        case .success(.expired): html(.gone, view.notice(.expired), language)
        case .success(.usedUp): html(.gone, view.notice(.usedUp), language)
        case .success(.tooManyFromAddress):
            html(.tooManyRequests, view.notice(.tooManyClaims(allowed: share.allowed ?? 0)), language,
                 extra: [("Retry-After", String(share.retryAfter))])
        case .success(.unknownCode): html(.notFound, view.notice(.unknownCode), language)
        case .failure: html(.serviceUnavailable, view.notice(.busy), language)
        }
    }

    func claimView(_ language: Language, signature: String, form: ClaimForm, journey: ClaimJourney = .claim) -> ClaimPageView {
        // No-break spaces keep "Open Badge Factory" on one line, even inside right-to-left text.
        ClaimPageView(catalog: Catalog(language), venue: configuration.venueName,
                      issuer: String(claimPageIssuerName.map { $0 == " " ? "\u{00A0}" : $0 }),
                      signature: signature, form: form, journey: journey)
    }

    /// The language a form chose, else the address's `?lang=`, else the phone's own.
    static func pageLanguage(_ form: ClaimForm, _ request: HTTPRequest) -> Language {
        form.language ?? language(inQuery: request.query) ?? Language.negotiate(acceptLanguage: request.headers["Accept-Language"])
    }

    /// Who learners are told will email their badge: the configured issuer, else Open Badge
    /// Factory, which the venues in our field use (docs/ARCHITECTURE.md §1).
    var claimPageIssuerName: String { configuration.issuer?.displayName ?? "Open Badge Factory" }

    /// `lang=xx` from a query such as `lang=uk`, when it names a language the page speaks.
    static func language(inQuery query: String?) -> Language? {
        queryValue("lang", in: query).flatMap(Language.init(rawValue:))
    }

    /// An HTML page with the headers every claim page carries.
    ///
    /// The CSP allows only the page's own stylesheet and posts to itself; `no-referrer` keeps the
    /// token in the address from leaking to anywhere. `private, no-cache` keeps pages out of shared
    /// caches and makes every visit ask again, yet lets the phone's Back button show the page it
    /// had: with `no-store`, Back after a form shows the browser's "Confirm Form Resubmission"
    /// error instead, which is just the kind of screen that frightens someone new to phones.
    static func html(_ status: HTTPStatus, _ page: HTML, _ language: Language,
                     extra: [(String, String)] = []) -> HTTPResponse {
        let headers = HTTPHeaders([
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Language", language.tag),
            ("Content-Security-Policy", Stylesheet.contentSecurityPolicy),
            ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Cache-Control", "private, no-cache"),
            ("Vary", "Accept-Language"),
        ] + extra)
        return HTTPResponse(status: status, headers: headers, body: Array(page.markup.utf8))
    }
}
